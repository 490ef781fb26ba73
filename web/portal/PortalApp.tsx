import { useT } from '../i18n/I18nProvider';
import { usePathname } from '../router';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConsultantWidget } from './consultant/ConsultantWidget';
import { ContactPage } from './contact/ContactPage';
import { CustomerLoginPage } from './CustomerLoginPage';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';
import { ConfirmPage } from './requests/ConfirmPage';
import { RequestPage } from './requests/RequestPage';
import { RequestsListPage } from './requests/RequestsListPage';

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

function PortalPage({ path }: { path: string }) {
  if (path === '/') return <HomePage />;
  if (path === '/login') return <CustomerLoginPage />;
  if (under(path, '/contact')) return <ContactPage audience="customer" />;
  if (under(path, '/agents/contact')) return <ContactPage audience="agent" />;
  if (path === '/requests' || path === '/requests/') return <RequestsListPage />;
  if (path === '/requests/confirm') return <ConfirmPage />;
  const ticket = /^\/requests\/([^/]+)\/?$/.exec(path);
  if (ticket?.[1]) {
    let number = ticket[1];
    try {
      number = decodeURIComponent(number);
    } catch {
      // A malformed escape: look the raw text up; the API answers 404.
    }
    return <RequestPage key={number} number={number} />;
  }
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
      <ConsultantWidget />
    </div>
  );
}
