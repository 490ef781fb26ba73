import { useT } from '../i18n/I18nProvider';
import { usePathname } from '../router';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConsultantWidget } from './consultant/ConsultantWidget';
import { ContactPage } from './contact/ContactPage';
import { ContactsPage } from './contacts/ContactsPage';
import { CustomerLoginPage } from './CustomerLoginPage';
import { HelpCentre } from './help/HelpCentre';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';
import { NoticeBanner } from './notices/NoticeBanner';
import { NoticesPage } from './notices/NoticesPage';
import { PublicSettingsProvider } from './PublicSettings';
import { ConfirmPage } from './requests/ConfirmPage';
import { RequestPage } from './requests/RequestPage';
import { RequestsListPage } from './requests/RequestsListPage';
import { WikiEditPage, WikiMyProposalsPage } from './wiki/WikiEditPage';
import { WikiListPage } from './wiki/WikiListPage';
import { WikiHistoryPage, WikiPageView, WikiRevisionPage } from './wiki/WikiPageView';

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/** /wiki, /wiki/mine, /wiki/<slug>[/edit|/history|/revisions/<n>]. */
function wikiRoute(path: string) {
  if (path === '/wiki' || path === '/wiki/') return <WikiListPage />;
  if (path === '/wiki/mine') return <WikiMyProposalsPage />;
  const m = /^\/wiki\/([a-z0-9-]+)(?:\/(edit|history|revisions\/(\d+)))?\/?$/.exec(path);
  if (!m?.[1]) return null;
  const slug = m[1];
  if (m[2] === 'edit') return <WikiEditPage key={slug} slug={slug} />;
  if (m[2] === 'history') return <WikiHistoryPage key={slug} slug={slug} />;
  if (m[3]) return <WikiRevisionPage key={`${slug}:${m[3]}`} slug={slug} number={Number(m[3])} />;
  return <WikiPageView key={slug} slug={slug} />;
}

function PortalPage({ path }: { path: string }) {
  if (path === '/') return <HomePage />;
  if (path === '/login') return <CustomerLoginPage />;
  if (under(path, '/help')) return <HelpCentre audience="customer" />;
  if (under(path, '/agents/help')) return <HelpCentre audience="agent" />;
  if (under(path, '/contact')) return <ContactPage audience="customer" />;
  if (under(path, '/agents/contact')) return <ContactPage audience="agent" />;
  if (path === '/contacts' || path === '/contacts/') return <ContactsPage />;
  if (path === '/notices' || path === '/notices/') return <NoticesPage />;
  const wiki = wikiRoute(path);
  if (wiki) return wiki;
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
    <PublicSettingsProvider>
      <div className="portal">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <PortalHeader />
        <NoticeBanner />
        <main id="main" className="portal__main" tabIndex={-1}>
          <PortalPage path={path} />
        </main>
        <PortalFooter />
        <ConsultantWidget />
      </div>
    </PublicSettingsProvider>
  );
}
