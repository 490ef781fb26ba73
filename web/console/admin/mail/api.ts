import type { Answer } from '../../../api/http';
import { apiRequest } from '../../../api/client';

// `/console/admin/mail` (docs/MAIL.md): outgoing mail for admins and supervisors.

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'stored'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const MAIL_TEMPLATES = [
  'ticket.acknowledgement',
  'ticket.guest_confirmation',
  'ticket.tracking_link',
  'ticket.new_answer',
  'ticket.answer_notice',
  'ticket.question',
  'ticket.resolved',
  'ticket.reopened',
] as const;

export type MailPage = Answer<'/api/v1/console/admin/mail/', 'get'>;
export type MailSummary = MailPage['items'][number];
export type MailDetail = Answer<'/api/v1/console/admin/mail/{id}', 'get'>;
export type MailFilters = { status: string; template: string; to: string; number: string; from: string; until: string };
export const NO_FILTERS: MailFilters = { status: '', template: '', to: '', number: '', from: '', until: '' };

const BASE = '/console/admin/mail';

export async function fetchMail(filters: MailFilters, cursor: string | null, signal?: AbortSignal): Promise<MailPage> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v.trim()) q.set(k, v.trim());
  // Dates are days: "until" includes the whole day.
  if (filters.until) q.set('until', new Date(new Date(filters.until).getTime() + 86_400_000).toISOString().slice(0, 10));
  if (cursor) q.set('cursor', cursor);
  q.set('limit', '25');
  return (await apiRequest('GET', `${BASE}?${q.toString()}`, undefined, signal ? { signal } : {})) as MailPage;
}

export async function fetchMailDetail(id: string, signal?: AbortSignal): Promise<MailDetail> {
  return (await apiRequest('GET', `${BASE}/${encodeURIComponent(id)}`, undefined, signal ? { signal } : {})) as MailDetail;
}

export async function resendMail(id: string): Promise<MailDetail> {
  return (await apiRequest('POST', `${BASE}/${encodeURIComponent(id)}/resend`)) as MailDetail;
}
