import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Link } from '../router';
import { Icon } from '../ui/icons';
import { SearchBox } from './help/SearchBox';
import { HotlineBlock } from './HotlineBlock';
import { PORTAL_SECTIONS } from './sections';

/** The help-centre landing: welcome, the five sections and the hotline. */
export function HomePage() {
  const t = useT();

  // Arriving from another page via a menu link (/#contacts): show that section.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  return (
    <>
      <section className="hero">
        <div className="container">
          <h1 className="hero__title">{t('portal.home.title')}</h1>
          <p className="hero__lead">{t('portal.home.lead')}</p>
          <SearchBox base="/help" />
        </div>
      </section>

      <div className="container home">
        <section aria-labelledby="sections-title">
          <div className="home__intro">
            <h2 id="sections-title" className="home__title">
              {t('portal.home.sectionsTitle')}
            </h2>
            {PORTAL_SECTIONS.some((s) => !s.href) && <p className="home__note">{t('portal.home.soonNote')}</p>}
          </div>
          <ul className="section-cards">
            {PORTAL_SECTIONS.map((section) => (
              <li key={section.id} id={section.id} className={`section-card${section.href ? ' section-card--live' : ''}`}>
                <span className="section-card__icon">
                  <Icon name={section.icon} />
                </span>
                <div className="section-card__body">
                  <div className="section-card__head">
                    <h3 className="section-card__title">
                      {section.href ? (
                        <Link href={section.href} className="section-card__link">
                          {t(section.title)}
                        </Link>
                      ) : (
                        t(section.title)
                      )}
                    </h3>
                    {!section.href && <span className="badge">{t('portal.home.soon')}</span>}
                  </div>
                  <p className="section-card__text">{t(section.text)}</p>
                </div>
              </li>
            ))}
          </ul>
        </section>

        <HotlineBlock />
      </div>
    </>
  );
}
