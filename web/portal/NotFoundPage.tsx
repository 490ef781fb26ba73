import { useT } from '../i18n/I18nProvider';
import { Link } from '../router';

/** Shown for any portal path that is not a page. */
export function NotFoundPage() {
  const t = useT();
  return (
    <div className="container auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{t('portal.notFound.title')}</h1>
        <p className="auth-card__lead">{t('portal.notFound.text')}</p>
        <Link href="/" className="button button--primary">
          {t('portal.notFound.home')}
        </Link>
      </div>
    </div>
  );
}
