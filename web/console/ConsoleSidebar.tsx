import type { Me } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import { localeTag } from '../ui/format';
import { useConsoleData } from './ConsoleData';
import { isAdmin, readsAudit } from './roles';
import { ADMIN_PATH, AUDIT_PATH, KB_PATH, QUEUES, UNANSWERED_PATH } from './routes';
import type { ConsoleRoute } from './routes';

/** Queues with live counts, then the audit log (supervisors, admins) and administration (admins). */
export function ConsoleSidebar({ me, route }: { me: Me; route: ConsoleRoute }) {
  const { t, locale } = useI18n();
  const { counts } = useConsoleData();
  const shown = counts
    ? QUEUES.filter((q) => counts.some((c) => c.queue === q.id))
    : QUEUES.filter((q) => q.id !== 'all' || readsAudit(me));
  const current = route.kind === 'queue' ? route.queue.id : null;

  return (
    <nav className="console-nav" aria-label={t('console.queues.label')}>
      <p className="console-nav__heading" aria-hidden="true">
        {t('console.queues.label')}
      </p>
      <ul className="console-nav__list">
        {shown.map((item) => {
          const entry = counts?.find((c) => c.queue === item.id);
          const count = entry?.count;
          const alert = (item.id === 'breached' || item.id === 'at_risk') && count !== undefined && count > 0;
          return (
            <li key={item.id}>
              <Link href={item.path} className="console-nav__link" aria-current={item.id === current ? 'page' : undefined}>
                <span className="console-nav__text">{t(item.label)}</span>
                {count !== undefined && (
                  <span
                    className={`console-nav__count${alert ? ` console-nav__count--${item.id}` : ''}`}
                    data-testid={`queue-count-${item.id}`}
                  >
                    <span className="visually-hidden">: </span>
                    {new Intl.NumberFormat(localeTag(locale)).format(count)}
                    {entry?.capped ? '+' : ''}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      <ul className="console-nav__list console-nav__list--kb">
        <li>
          <Link href={KB_PATH} className="console-nav__link" aria-current={route.kind === 'kb' ? 'page' : undefined}>
            {t('console.nav.kb')}
          </Link>
        </li>
      </ul>
      {(readsAudit(me) || isAdmin(me)) && (
        <>
          <p className="console-nav__heading console-nav__heading--more" aria-hidden="true">
            {t('console.nav.control')}
          </p>
          <ul className="console-nav__list">
            {readsAudit(me) && (
              <li>
                <Link href={AUDIT_PATH} className="console-nav__link" aria-current={route.kind === 'audit' ? 'page' : undefined}>
                  {t('console.nav.audit')}
                </Link>
              </li>
            )}
            {readsAudit(me) && (
              <li>
                <Link
                  href={UNANSWERED_PATH}
                  className="console-nav__link"
                  aria-current={route.kind === 'unanswered' ? 'page' : undefined}
                >
                  {t('kbAdmin.unanswered.title')}
                </Link>
              </li>
            )}
            {isAdmin(me) && (
              <li>
                <Link href={ADMIN_PATH} className="console-nav__link" aria-current={route.kind === 'admin' ? 'page' : undefined}>
                  {t('console.nav.admin')}
                </Link>
              </li>
            )}
          </ul>
        </>
      )}
    </nav>
  );
}
