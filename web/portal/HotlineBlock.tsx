import { useT } from '../i18n/I18nProvider';
import { useLocalize } from '../i18n/useLocalize';
import { Link } from '../router';
import { Icon } from '../ui/icons';
import { useHotlines } from './contacts/useContacts';

/** The hotline numbers (from the contacts settings) with hours and the identification and safety notes. */
export function HotlineBlock() {
  const t = useT();
  const l = useLocalize();
  const lines = useHotlines(['customers', 'terminals', 'agents']);
  return (
    <section className="hotline" aria-labelledby="hotline-title">
      <div className="hotline__head">
        <h2 id="hotline-title" className="hotline__title">
          <Icon name="phone" className="hotline__icon" />
          {t('portal.hotline.title')}
        </h2>
        <p className="hotline__hours">
          <Icon name="clock" className="icon--inline" />
          {t('portal.hotline.bestTime')}
        </p>
      </div>
      <ul className="hotline__numbers">
        {lines.map((line) => (
          <li key={`${line.audience}-${line.tel}`} className="hotline__line">
            <span className="hotline__audience">{l(line.label)}</span>
            <a className="hotline__phone" href={`tel:${line.tel}`}>
              {line.display}
            </a>
            <span className="hotline__audience">
              {[l(line.hours), line.free ? t('contacts.free') : ''].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <div className="hotline__notes">
        <p>{t('portal.hotline.identify')}</p>
        <p className="hotline__security">
          <Icon name="shield" className="icon--inline" />
          {t('portal.hotline.security')}
        </p>
        <p>
          <Link href="/contacts">{t('contacts.allContacts')}</Link>
        </p>
      </div>
    </section>
  );
}
