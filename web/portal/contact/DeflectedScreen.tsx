import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../router';

/** The customer found the answer in an article: nothing to file. */
export function DeflectedScreen({ base }: { base: string }) {
  const t = useT();
  return (
    <div className="container page page--narrow">
      <section className="done-card" aria-labelledby="thanks-title">
        <span className="done-card__mark" aria-hidden="true">
          ✓
        </span>
        <h1 id="thanks-title" className="done-card__title">
          {t('portal.thanks.title')}
        </h1>
        <p className="done-card__next">{t('portal.thanks.text')}</p>
        <div className="done-card__actions">
          <Link href="/" className="button button--primary">
            {t('portal.common.home')}
          </Link>
          <Link href={base} className="button button--ghost">
            {t('portal.thanks.another')}
          </Link>
        </div>
      </section>
    </div>
  );
}
