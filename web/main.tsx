import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionProvider } from './api/session';
import { I18nProvider } from './i18n/I18nProvider';
import { usePathname } from './router';
import { PageLoading } from './ui/PageLoading';
import './ui/styles.css';
import './ui/requests.css';
import './ui/console.css';
import './ui/console-workspace.css';
import './ui/admin.css';
import './ui/wiki-notices.css';
import './ui/help.css';
import './ui/consultant.css';

// Portal and console are separate chunks: customers never download the console.
const PortalApp = lazy(() => import('./portal/PortalApp').then((m) => ({ default: m.PortalApp })));
const ConsoleApp = lazy(() => import('./console/ConsoleApp').then((m) => ({ default: m.ConsoleApp })));

function isConsolePath(path: string): boolean {
  return path === '/console' || path.startsWith('/console/');
}

function Root() {
  const path = usePathname();
  return <Suspense fallback={<PageLoading />}>{isConsolePath(path) ? <ConsoleApp /> : <PortalApp />}</Suspense>;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
