import type { ReactNode } from 'react';
import type { Me } from '../api/auth';
import { displayName } from '../api/auth';
import { useSession } from '../api/session';
import { isMessageKey } from '../i18n/catalogues';
import { useT } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/I18nProvider';
import { navigate } from '../router';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ConsoleSidebar } from './ConsoleSidebar';
import type { ConsoleRoute } from './routes';

function roleLabel(role: string, t: Translate): string {
  const key = `roles.${role}`;
  // A role the catalogue does not know yet is shown by its code rather than hidden.
  return isMessageKey(key) ? t(key) : role;
}

function UserBadge({ me }: { me: Me }) {
  const t = useT();
  const name = displayName(me.user);
  const roles = me.user.roles.map((role) => roleLabel(role, t)).join(', ');
  return (
    <div className="user-badge" aria-label={t('console.user.label')}>
      <span className="user-badge__avatar" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="user-badge__text">
        <span className="user-badge__name" data-testid="console-user-name">
          {name}
        </span>
        {roles && <span className="user-badge__roles">{roles}</span>}
      </span>
    </div>
  );
}

/** The console frame: top bar (brand, language, person, sign out), sidebar, main area. */
export function ConsoleLayout({ me, route, children }: { me: Me; route: ConsoleRoute; children: ReactNode }) {
  const t = useT();
  const { signOut } = useSession();
  const onSignOut = async () => {
    await signOut();
    navigate('/console/login', { replace: true });
  };

  return (
    <div className="console">
      <a className="skip-link" href="#console-main">
        {t('app.skipToContent')}
      </a>
      <header className="console-bar">
        <Brand href="/console" label={t('console.homeLink')} suffix={t('console.title')} />
        <div className="console-bar__tools">
          <LanguageSwitch tone="dark" />
          <UserBadge me={me} />
          <button type="button" className="button button--on-dark button--small" onClick={() => void onSignOut()}>
            {t('console.signOut')}
          </button>
        </div>
      </header>
      <div className="console__body">
        <ConsoleSidebar me={me} route={route} />
        <main id="console-main" className={`console__main console__main--${route.kind}`} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
