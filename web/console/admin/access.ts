import type { Me } from '../../api/auth';

/** What the admin section lets a staff member do: admins change, supervisors read, others see nothing. */
export type AdminAccess = 'edit' | 'read' | 'none';

export function adminAccess(me: Me): AdminAccess {
  if (me.kind !== 'staff') return 'none';
  if (me.user.roles.includes('admin')) return 'edit';
  if (me.user.roles.includes('supervisor')) return 'read';
  return 'none';
}

export const ADMIN_BASE = '/console/admin';

export const ADMIN_TABS = [
  { id: 'catalog', path: `${ADMIN_BASE}/catalog`, label: 'admin.tab.catalog' },
  { id: 'departments', path: `${ADMIN_BASE}/departments`, label: 'admin.tab.departments' },
  // Roles and access of people: admins change them, supervisors read the list (the API's rule).
  { id: 'staff', path: `${ADMIN_BASE}/staff`, label: 'admin.tab.staff' },
  { id: 'sla', path: `${ADMIN_BASE}/sla`, label: 'admin.tab.sla' },
  { id: 'canned', path: `${ADMIN_BASE}/canned`, label: 'admin.tab.canned' },
  { id: 'mail', path: `${ADMIN_BASE}/mail`, label: 'admin.tab.mail' },
  { id: 'wiki', path: `${ADMIN_BASE}/wiki`, label: 'admin.tab.wiki', supervisorsAct: true },
  { id: 'notices', path: `${ADMIN_BASE}/notices`, label: 'admin.tab.notices', supervisorsAct: true },
  { id: 'contacts', path: `${ADMIN_BASE}/contacts`, label: 'admin.tab.contacts' },
  { id: 'synonyms', path: `${ADMIN_BASE}/synonyms`, label: 'admin.tab.synonyms', adminOnly: true },
  { id: 'mailboxes', path: `${ADMIN_BASE}/mailboxes`, label: 'admin.tab.mailboxes' },
  // Figures, nothing to change: no read-only badge, no "applies now" note.
  { id: 'payments', path: `${ADMIN_BASE}/payments`, label: 'admin.tab.payments', report: true },
] as const;

/** True for a tab that shows figures only. */
export const isReportTab = (tab: AdminTabId) => ADMIN_TABS.some((item) => item.id === tab && 'report' in item);

export type AdminTabId = (typeof ADMIN_TABS)[number]['id'];

/** True for `/console/admin` and everything below it. */
export function isAdminPath(path: string): boolean {
  return path === ADMIN_BASE || path.startsWith(`${ADMIN_BASE}/`);
}

/** The tab a path shows (`/console/admin` → the catalogue), or null for an unknown sub-path. */
export function tabForPath(path: string): AdminTabId | null {
  const clean = path.replace(/\/+$/, '');
  if (clean === ADMIN_BASE) return 'catalog';
  return ADMIN_TABS.find((tab) => tab.path === clean)?.id ?? null;
}

/**
 * What a tab lets this person do: admins change everything; supervisors moderate the wiki and
 * write notices (the API lets them), and only read the other tabs.
 */
export function tabAccess(access: AdminAccess, tab: AdminTabId): AdminAccess {
  if (access !== 'read') return access;
  return ADMIN_TABS.some((item) => item.id === tab && 'supervisorsAct' in item) ? 'edit' : 'read';
}
