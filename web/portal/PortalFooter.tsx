import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import { usePublicSettings } from './PublicSettings';

/** Tagline, staff sign-in link and copyright. */
export function PortalFooter() {
  const { t, locale } = useI18n();
  const settings = usePublicSettings();
  const footer = settings.status === 'ready' ? settings.data.branding.footer[locale] : '';
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__brand">{t('brand.name')}</p>
          <p className="site-footer__tagline">{t('portal.footer.tagline')}</p>
          {footer && <p className="site-footer__tagline">{footer}</p>}
        </div>
        <div className="site-footer__meta">
          <p className="site-footer__links">
            <Link href="/contacts" className="site-footer__link">
              {t('portal.nav.contacts')}
            </Link>
            <Link href="/notices" className="site-footer__link">
              {t('notices.title')}
            </Link>
            <Link href="/console" className="site-footer__link">
              {t('portal.footer.staff')}
            </Link>
          </p>
          <p>{t('portal.footer.copyright', { year: new Date().getFullYear() })}</p>
        </div>
      </div>
    </footer>
  );
}
