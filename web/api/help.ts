import type { Answer } from './http';
import type { Locale } from '../../common/errors';
import type { Branding, Contacts, WikiSettings } from '../../common/settings';
import type { DiffLine } from '../../common/wiki';
import { apiRequest, type RequestOptions } from './client';

// ---- settings ----
export type PublicSettings = { branding: Branding; contacts: Contacts };
export const fetchPublicSettings = (o?: RequestOptions) =>
  apiRequest('GET', '/settings/public', undefined, o) as Promise<PublicSettings>;

// ---- notices ---- (types from the OpenAPI document, web/api/schema.d.ts)
export type PublicNotice = Answer<'/api/v1/notices', 'get'>['items'][number];
export type NoticeSeverity = PublicNotice['severity'];
export type NoticeState = PublicNotice['state'];
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export const fetchActiveNotices = (locale: Locale, o?: RequestOptions) =>
  apiRequest('GET', `/notices/active?locale=${locale}`, undefined, o) as Promise<{ items: PublicNotice[] }>;
export const fetchNotices = (locale: Locale, state: NoticeState, page: number, o?: RequestOptions) =>
  apiRequest('GET', `/notices?locale=${locale}&state=${state}&page=${page}&pageSize=10`, undefined, o) as Promise<
    Paged<PublicNotice>
  >;

// ---- wiki ----
type WikiPageAnswer = Answer<'/api/v1/wiki/pages/{slug}', 'get'>;
export type WikiViewer = WikiPageAnswer['viewer'];
export type WikiPageSummary = Answer<'/api/v1/wiki/pages', 'get'>['items'][number];
export type WikiPage = WikiPageAnswer['page'];
export type WikiRevision = Answer<'/api/v1/wiki/pages/{slug}/revisions', 'get'>['items'][number];
export type WikiProposal = Answer<'/api/v1/wiki/proposals/mine', 'get'>['items'][number];
export type WikiStanding = NonNullable<Answer<'/api/v1/wiki/me', 'get'>['standing']>;
export type WikiMember = Answer<'/api/v1/console/wiki/members', 'get'>['items'][number];
export type WikiDraft = { title: string; body: string; summary: string; baseRevision: number };

const enc = encodeURIComponent;
export const fetchWikiPages = (q: string, page: number, o?: RequestOptions) =>
  apiRequest('GET', `/wiki/pages?pageSize=20&page=${page}${q ? `&q=${enc(q)}` : ''}`, undefined, o) as Promise<
    Paged<WikiPageSummary>
  >;
export const fetchWikiPage = (slug: string, o?: RequestOptions) =>
  apiRequest('GET', `/wiki/pages/${enc(slug)}`, undefined, o) as Promise<{ page: WikiPage; viewer: WikiViewer }>;
export const fetchWikiHistory = (slug: string, o?: RequestOptions) =>
  apiRequest('GET', `/wiki/pages/${enc(slug)}/revisions`, undefined, o) as Promise<{ locale: string; items: WikiRevision[] }>;
export const fetchWikiRevision = (slug: string, n: number, o?: RequestOptions) =>
  apiRequest('GET', `/wiki/pages/${enc(slug)}/revisions/${n}`, undefined, o) as Promise<{
    locale: string;
    revision: WikiRevision & { body: string };
    diff: DiffLine[];
    current: number;
  }>;
export const saveWikiPage = (slug: string, draft: WikiDraft) =>
  apiRequest('PUT', `/wiki/pages/${enc(slug)}`, draft) as Promise<WikiPage>;
export const proposeWikiEdit = (slug: string, draft: WikiDraft) =>
  apiRequest('POST', `/wiki/pages/${enc(slug)}/proposals`, draft) as Promise<{ id: string; status: 'pending' }>;
export const fetchMyProposals = (page: number, o?: RequestOptions) =>
  apiRequest('GET', `/wiki/proposals/mine?page=${page}&pageSize=20`, undefined, o) as Promise<Paged<WikiProposal>>;

// ---- console ----
export const fetchProposalQueue = (status: WikiProposal['status'], page: number, o?: RequestOptions) =>
  apiRequest('GET', `/console/wiki/proposals?status=${status}&page=${page}&pageSize=10`, undefined, o) as Promise<
    Paged<WikiProposal>
  >;
export const acceptProposal = (id: string) => apiRequest('POST', `/console/wiki/proposals/${id}/accept`, {});
export const rejectProposal = (id: string, reason: string, strike: boolean) =>
  apiRequest('POST', `/console/wiki/proposals/${id}/reject`, { reason, strike });
export const fetchWikiMembers = (q: string, page: number, o?: RequestOptions) =>
  apiRequest('GET', `/console/wiki/members?page=${page}&pageSize=20${q ? `&q=${enc(q)}` : ''}`, undefined, o) as Promise<
    Paged<WikiMember>
  >;
export const updateWikiMember = (
  id: string,
  body: { levelOverride: number | null; identityVerified: boolean; strikes: number; reason: string },
) => apiRequest('PUT', `/console/wiki/members/${id}`, body) as Promise<WikiStanding>;

export type StaffNotice = Answer<'/api/v1/console/notices/', 'get'>['items'][number];
export type NoticeInput = Omit<StaffNotice, 'id' | 'state' | 'updatedAt'>;
export const fetchStaffNotices = (page: number, o?: RequestOptions) =>
  apiRequest('GET', `/console/notices?page=${page}&pageSize=20`, undefined, o) as Promise<Paged<StaffNotice>>;
export const createNotice = (n: NoticeInput) => apiRequest('POST', '/console/notices', n) as Promise<StaffNotice>;
export const updateNotice = (id: string, n: NoticeInput) =>
  apiRequest('PUT', `/console/notices/${id}`, n) as Promise<StaffNotice>;
export const deleteNotice = (id: string) => apiRequest('DELETE', `/console/notices/${id}`);

export type AdminSettings = { branding: Branding; contacts: Contacts; wiki: WikiSettings; customised: string[] };
export const fetchAdminSettings = (o?: RequestOptions) =>
  apiRequest('GET', '/console/admin/settings', undefined, o) as Promise<AdminSettings>;
export const putSetting = (key: 'branding' | 'contacts' | 'wiki', value: unknown) =>
  apiRequest('PUT', `/console/admin/settings/${key}`, value);
export const resetSetting = (key: 'branding' | 'contacts' | 'wiki') => apiRequest('DELETE', `/console/admin/settings/${key}`);
