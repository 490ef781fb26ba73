import { useEffect } from 'react';
import type { Me } from '../../api/auth';
import { useT } from '../../i18n/I18nProvider';
import { Link, navigate, usePathname } from '../../router';
import { PageLoading } from '../../ui/PageLoading';
import { ADMIN_BASE, ADMIN_TABS, adminAccess, isReportTab, tabAccess, tabForPath } from './access';
import type { AdminTabId } from './access';
import { CannedTab } from './canned/CannedTab';
import { CatalogTab } from './catalog/CatalogTab';
import { DepartmentsTab } from './departments/DepartmentsTab';
import { MailTab } from './mail/MailTab';
import { MailboxesTab } from './mailboxes/MailboxesTab';
import { SlaTab } from './sla/SlaTab';
import { ContactsTab } from './contacts/ContactsTab';
import { NoticesTab } from './notices/NoticesTab';
import { WikiTab } from './wiki/WikiTab';
import { SynonymsTab } from './synonyms/SynonymsTab';
import { PaymentChecksTab } from './payments/PaymentChecksTab';
import { StaffTab } from './staff/StaffTab';

function Tab({ id, canEdit, meId }: { id: AdminTabId; canEdit: boolean; meId: string }) {
  switch (id) {
    case 'catalog':
      return <CatalogTab canEdit={canEdit} />;
    case 'departments':
      return <DepartmentsTab canEdit={canEdit} />;
    case 'staff':
      return <StaffTab canEdit={canEdit} meId={meId} />;
    case 'sla':
      return <SlaTab canEdit={canEdit} />;
    case 'canned':
      return <CannedTab canEdit={canEdit} />;
    case 'mail':
      return <MailTab canEdit={canEdit} />;
    // Supervisors moderate the wiki and write notices; levels and contacts are admins' (canEdit).
    case 'wiki':
      return <WikiTab isAdmin={canEdit} />;
    case 'notices':
      return <NoticesTab />;
    case 'contacts':
      return <ContactsTab canEdit={canEdit} />;
    case 'synonyms':
      return <SynonymsTab />;
    case 'mailboxes':
      return <MailboxesTab canEdit={canEdit} />;
    case 'payments':
      return <PaymentChecksTab />;
  }
}

/**
 * The admin section inside the console frame: catalogue and forms, departments, SLA, canned answers.
 * Admins change everything; supervisors read what the API lets them read.
 */
export function AdminApp({ me }: { me: Me }) {
  const t = useT();
  const path = usePathname();
  const tab = tabForPath(path);
  const access = adminAccess(me);
  // The badge speaks of the open tab: a supervisor moderating the wiki is not "read only".
  const shown = tab === null ? access : isReportTab(tab) ? 'none' : tabAccess(access, tab);

  useEffect(() => {
    if (tab === null) navigate(ADMIN_BASE, { replace: true });
  }, [tab]);

  return (
    <section className="admin" aria-labelledby="admin-title">
      <header className="admin__head">
        <h1 id="admin-title" className="admin__title">
          {t('admin.title')}
        </h1>
        {shown === 'read' && <span className="badge admin-badge--info">{t('admin.readOnlyBadge')}</span>}
        {shown === 'edit' && <span className="form-note">{t('admin.appliesNow')}</span>}
      </header>
      {access === 'none' ? (
        <div className="admin-empty" role="status">
          <p className="admin-empty__title">{t('admin.noAccessTitle')}</p>
          <p className="form-note">{t('admin.noAccessText')}</p>
        </div>
      ) : tab === null ? (
        <PageLoading />
      ) : (
        <>
          <nav className="tabs admin-tabs" aria-label={t('admin.tabsLabel')}>
            {ADMIN_TABS.filter((item) => !('adminOnly' in item) || access === 'edit').map((item) => (
              <Link key={item.id} href={item.path} className="tabs__tab" aria-current={item.id === tab ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            ))}
          </nav>
          <Tab key={tab} id={tab} canEdit={access === 'edit'} meId={me.user.id} />
        </>
      )}
    </section>
  );
}
