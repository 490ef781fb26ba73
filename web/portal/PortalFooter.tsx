import { useT } from '../i18n/I18nProvider';
import { Link } from '../router';

/** Tagline, staff sign-in link and copyright. */
export function PortalFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__brand">{t('brand.name')}</p>
          <p className="site-footer__tagline">{t('portal.footer.tagline')}</p>
        </div>
        <div className="site-footer__meta">
          <Link href="/console" className="site-footer__link">
            {t('portal.footer.staff')}
          </Link>
          <p>{t('portal.footer.copyright', { year: new Date().getFullYear() })}</p>
        </div>
      </div>
    </footer>
  );
}
