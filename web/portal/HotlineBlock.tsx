import { useT } from '../i18n/I18nProvider';
import { Icon } from '../ui/icons';
import { HOTLINES } from './hotline';

/** The hotline numbers with hours and the identification and safety notes. */
export function HotlineBlock() {
  const t = useT();
  return (
    <section className="hotline" aria-labelledby="hotline-title">
      <div className="hotline__head">
        <h2 id="hotline-title" className="hotline__title">
          <Icon name="phone" className="hotline__icon" />
          {t('portal.hotline.title')}
        </h2>
        <p className="hotline__hours">
          <Icon name="clock" className="icon--inline" />
          {t('portal.hotline.hours')} {t('portal.hotline.bestTime')}
        </p>
      </div>
      <ul className="hotline__numbers">
        {HOTLINES.map((line) => (
          <li key={line.tel} className="hotline__line">
            <span className="hotline__audience">{t(line.audience)}</span>
            <a className="hotline__phone" href={`tel:${line.tel}`}>
              {line.display}
            </a>
          </li>
        ))}
      </ul>
      <div className="hotline__notes">
        <p>{t('portal.hotline.identify')}</p>
        <p className="hotline__security">
          <Icon name="shield" className="icon--inline" />
          {t('portal.hotline.security')}
        </p>
      </div>
    </section>
  );
}
