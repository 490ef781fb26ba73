import { useEffect } from 'react';
import type { Me } from '../api/auth';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { Link, navigate, usePathname } from '../router';
import { PageLoading } from '../ui/PageLoading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AdminRoute } from './admin/route';
import { AuditPage } from './audit/AuditPage';
import { KbRoute } from './kb/KbRoute';
import { UnansweredPage } from './kb/UnansweredPage';
import { ConsoleDataProvider } from './ConsoleData';
import { ConsoleLayout } from './ConsoleLayout';
import { ConsoleLoginPage } from './ConsoleLoginPage';
import { QueueView } from './queues/QueueView';
import { RealtimeProvider } from './RealtimeProvider';
import { routeForPath } from './routes';
import type { ConsoleRoute } from './routes';
import { WorkspacePage } from './workspace/WorkspacePage';

const LOGIN_PATH = '/console/login';

/** A console address that is no page (a mistyped or outdated link): say so, offer the home queue. */
function ConsoleNotFound() {
  const t = useT();
  return (
    <div className="empty-state" role="status">
      <h1 className="empty-state__title">{t('console.notFound.title')}</h1>
      <p className="empty-state__text">{t('console.notFound.text')}</p>
      <Link href="/console" className="button button--primary button--small">
        {t('console.notFound.home')}
      </Link>
    </div>
  );
}

function Page({ route, me }: { route: ConsoleRoute; me: Me }) {
  switch (route.kind) {
    case 'queue':
      return <QueueView key={route.queue.id} queue={route.queue} />;
    case 'ticket':
      return <WorkspacePage key={route.number} number={route.number} me={me} />;
    case 'audit':
      return <AuditPage me={me} />;
    case 'admin':
      return <AdminRoute me={me} />;
    case 'kb':
      return <KbRoute view={route.view} me={me} />;
    case 'unanswered':
      return <UnansweredPage me={me} />;
    case 'notFound':
      return <ConsoleNotFound />;
  }
}

/** The operator console: its sign-in page, or the layout for a signed-in staff member. */
export function ConsoleApp() {
  const t = useT();
  const path = usePathname();
  const { session } = useSession();
  useDocumentTitle(t('console.docTitle'));

  const isLogin = path.replace(/\/+$/, '') === LOGIN_PATH;
  const staff = session.status === 'signed-in' && session.me.kind === 'staff' ? session.me : null;
  const route: ConsoleRoute = routeForPath(path) ?? { kind: 'notFound' };

  useEffect(() => {
    if (isLogin || session.status === 'loading') return;
    if (!staff) {
      const next = path === '/console' ? '' : `?next=${encodeURIComponent(path + window.location.search)}`;
      navigate(LOGIN_PATH + next, { replace: true });
    }
  }, [isLogin, session.status, staff, path]);

  if (isLogin) return <ConsoleLoginPage />;
  if (!staff) return <PageLoading />;
  return (
    <RealtimeProvider key={staff.user.id}>
      <ConsoleDataProvider>
        <ConsoleLayout me={staff} route={route}>
          <Page route={route} me={staff} />
        </ConsoleLayout>
      </ConsoleDataProvider>
    </RealtimeProvider>
  );
}
