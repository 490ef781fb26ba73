import { useT } from '../i18n/I18nProvider';
import { usePathname } from '../router';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { CustomerLoginPage } from './CustomerLoginPage';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';

function PortalPage({ path }: { path: string }) {
  if (path === '/') return <HomePage />;
  if (path === '/login') return <CustomerLoginPage />;
  return <NotFoundPage />;
}

/** The customer portal: header, the page for the path, footer. */
export function PortalApp() {
  const t = useT();
  const path = usePathname();
  useDocumentTitle(t('portal.docTitle'));
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <PortalHeader />
      <main id="main" className="portal__main" tabIndex={-1}>
        <PortalPage path={path} />
      </main>
      <PortalFooter />
    </div>
  );
}
