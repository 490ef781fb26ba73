import { Outlet } from 'react-router';
import { useT } from '../i18n/I18nProvider';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConsultantWidget } from './consultant/ConsultantWidget';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';
import { NoticeBanner } from './notices/NoticeBanner';

/** The customer portal's frame: header, notices, the page of the route (web/routes.tsx), footer. */
export function PortalApp() {
  const t = useT();
  useDocumentTitle(t('portal.docTitle'));
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <PortalHeader />
      <NoticeBanner />
      <main id="main" className="portal__main" tabIndex={-1}>
        <Outlet />
      </main>
      <PortalFooter />
      <ConsultantWidget />
    </div>
  );
}
