import { useState } from 'react';
import { displayName } from '../api/auth';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { Link, navigate } from '../router';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useMediaQuery } from '../ui/useMediaQuery';
import { PORTAL_SECTIONS } from './sections';

function AccountArea() {
  const t = useT();
  const { session, signOut } = useSession();
  if (session.status === 'loading') return <span className="account account--pending" />;
  if (session.status === 'anonymous') {
    return (
      <Link href="/login" className="button button--primary button--small">
        {t('portal.signIn')}
      </Link>
    );
  }
  const name = displayName(session.me.user);
  return (
    <div className="account">
      <span className="account__name" title={t('portal.account', { name })}>
        {name}
      </span>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => void signOut().then(() => navigate('/'))}
      >
        {t('portal.signOut')}
      </button>
    </div>
  );
}

/** Brand, main menu (collapsing below 860 px), language switch and sign-in. */
export function PortalHeader() {
  const t = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  // On phones the bar has no room for sign-in: it moves into the menu (same breakpoint as styles.css).
  const phone = useMediaQuery('(max-width: 560px)');
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Brand href="/" label={t('portal.homeLink')} />
        <div className="site-header__tools">
          <LanguageSwitch />
          {!phone && <AccountArea />}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="portal-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-toggle__bars" aria-hidden="true" />
            <span className="menu-toggle__label">{t('portal.nav.menu')}</span>
          </button>
        </div>
      </div>
      <nav id="portal-nav" className={`site-nav${menuOpen ? ' site-nav--open' : ''}`} aria-label={t('portal.nav.label')}>
        <ul className="container site-nav__list">
          {PORTAL_SECTIONS.map((section) => (
            <li key={section.id}>
              <Link href={section.href ?? `/#${section.id}`} className="site-nav__link" onClick={() => setMenuOpen(false)}>
                {t(section.title)}
              </Link>
            </li>
          ))}
          {phone && (
            <li className="site-nav__account">
              <AccountArea />
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
