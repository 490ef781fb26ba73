import { useEffect } from 'react';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { navigate, usePathname } from '../router';
import { PageLoading } from '../ui/PageLoading';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConsoleLayout } from './ConsoleLayout';
import { ConsoleLoginPage } from './ConsoleLoginPage';
import { queueForPath } from './queues';

const LOGIN_PATH = '/console/login';

/** The operator console: its sign-in page, or the layout for a signed-in staff member. */
export function ConsoleApp() {
  const t = useT();
  const path = usePathname();
  const { session } = useSession();
  useDocumentTitle(t('console.docTitle'));

  const isLogin = path.replace(/\/+$/, '') === LOGIN_PATH;
  const staff = session.status === 'signed-in' && session.me.kind === 'staff' ? session.me : null;
  const queue = queueForPath(path);

  useEffect(() => {
    if (isLogin || session.status === 'loading') return;
    if (!staff) {
      const next = path === '/console' ? '' : `?next=${encodeURIComponent(path)}`;
      navigate(LOGIN_PATH + next, { replace: true });
    } else if (!queue) {
      navigate('/console', { replace: true });
    }
  }, [isLogin, session.status, staff, queue, path]);

  if (isLogin) return <ConsoleLoginPage />;
  if (!staff || !queue) return <PageLoading />;
  return <ConsoleLayout me={staff} queue={queue} />;
}
