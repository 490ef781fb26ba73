import type { Me } from '../api/auth';
import { displayName } from '../api/auth';
import { useSession } from '../api/session';
import { isMessageKey } from '../i18n/catalogues';
import { useT } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/I18nProvider';
import { Link, navigate } from '../router';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { QueueView } from './QueueView';
import { QUEUES } from './queues';
import type { Queue } from './queues';

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

/** The console frame: top bar (brand, language, person, sign out), queue sidebar, main area. */
export function ConsoleLayout({ me, queue }: { me: Me; queue: Queue }) {
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
        <nav className="console-nav" aria-label={t('console.queues.label')}>
          <p className="console-nav__heading" aria-hidden="true">
            {t('console.queues.label')}
          </p>
          <ul className="console-nav__list">
            {QUEUES.map((item) => (
              <li key={item.id}>
                <Link href={item.path} className="console-nav__link" aria-current={item.id === queue.id ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="console-main" className="console__main" tabIndex={-1}>
          <QueueView queue={queue} />
        </main>
      </div>
    </div>
  );
}
