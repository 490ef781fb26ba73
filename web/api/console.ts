import type { L10n } from '../../common/forms/types';
import type { TicketChannel, TicketStatus } from '../../common/tickets';
import { apiRequest } from './client';
import type { WalletInfo } from '../../common/paycore';

// Types and calls of the console API (docs/API-console.md). Bodies are trusted to match the
// contract; the server's OpenAPI schemas serialise them.

export type { TicketChannel, TicketStatus };

export const QUEUE_IDS = ['mine', 'unassigned', 'waiting', 'at_risk', 'breached', 'all'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RESOLUTION_CODES = ['answered', 'fixed', 'refunded', 'compensated', 'no_reply', 'out_of_scope'] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** `capped`: counting stopped at the server's cap (shown as "10 000+"). */
export type QueueCount = { queue: QueueId; count: number; capped?: boolean };

/** A department as the rows show it; `id` only where the server sends one (it joins the queue room). */
export type DepartmentRef = { code: string; name: L10n; id?: string };

export type QueueRow = {
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  priorityCustomer: boolean;
  channel: TicketChannel;
  tier: number;
  department: DepartmentRef | null;
  category: { id: string; name: L10n };
  assignee: { id: string; name: string } | null;
  customer: { name: string; email: string | null };
  slaDueAt: string | null;
  atRisk: boolean;
  breached: boolean;
  updatedAt: string;
};

export type QueuePage = { items: QueueRow[]; nextCursor: string | null };

export type QueueFilters = {
  q?: string;
  status?: TicketStatus[];
  department?: string;
  priority?: Priority;
  channel?: TicketChannel;
  tier?: number;
  priorityCustomer?: boolean;
};

export type AttachmentInfo = { id: string; name: string; size: number; type: string };

export type { SecurityFlags, WalletInfo } from '../../common/paycore';

export type IdentificationState = 'identified' | 'failed' | 'not_identified';

export type WorkspaceField = { key: string; label: L10n; type: string; value: string; personal: boolean; revealable: boolean };

export type WorkspaceMessage = {
  id: string;
  internal: boolean;
  author: { kind: 'customer' | 'staff' | 'system'; name: string };
  body: string;
  createdAt: string;
  attachments: AttachmentInfo[];
};

export type HistoryEntry = { at: string; action: string; actor: string; data: Record<string, unknown> };

export type Workspace = {
  /** The request's id (its realtime room); sent by newer servers only. */
  id?: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  priorityCustomer: boolean;
  channel: TicketChannel;
  tier: number;
  locale: string;
  replyChannel: 'email' | 'portal';
  department: DepartmentRef | null;
  category: { id: string; slug: string; path: Array<{ id: string; name: L10n }> };
  assignee: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  sla: {
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    pausedAt: string | null;
    atRisk: boolean;
    breached: boolean;
    firstRespondedAt: string | null;
  };
  resolutionCode: string | null;
  routingHint: 'lost_money_order' | null;
  fields: WorkspaceField[];
  messages: WorkspaceMessage[];
  history: HistoryEntry[];
  customer: {
    kind: 'account' | 'guest';
    name: string;
    email: string | null;
    phone: string | null;
    priority: boolean;
    walletNumber: string | null;
    earlier: Array<{ number: string; subject: string; status: TicketStatus; createdAt: string }>;
    identification: { state: IdentificationState; by: string | null; at: string | null };
    wallets: WalletInfo[];
  };
  can: { work: boolean; reveal: boolean; assign: boolean };
};

export type CannedAnswer = { id: string; title: string; body: string; scope: 'category' | 'department' | 'general' };

export type IdentificationResult = {
  result: 'identified' | 'failed';
  reason: null | 'mismatch' | 'unknown_wallet' | 'phone_mismatch' | string;
};

export type Department = { id: string; code: string; name: L10n; active: boolean };

export type AuditEntry = {
  id: number;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  data: Record<string, unknown>;
};

export type AuditFilters = { action?: string; actor?: string; number?: string; from?: string; to?: string };
export type AuditPage = { items: AuditEntry[]; nextCursor: number | null };

/** One staff action on a request: its path segment and JSON body. */
export type TicketAction =
  | { kind: 'take' }
  | { kind: 'assign'; staffId: string; reason?: string }
  | { kind: 'transfer'; departmentCode: string; reason: string }
  | { kind: 'escalate'; reason: string }
  | { kind: 'return'; reason: string }
  | { kind: 'priority'; priority: Priority; reason: string }
  | { kind: 'merge'; into: string; reason: string }
  | { kind: 'resolve'; resolutionCode: string; body?: string }
  | { kind: 'reopen'; reason: string };

export type ComposerMode = 'reply' | 'ask' | 'notes';

const enc = encodeURIComponent;
const BASE = '/console';

/** `?queue=…&status=new,open&…` for `GET /tickets` (empty filters left out). */
export function queueQueryString(queue: QueueId, filters: QueueFilters, options: { cursor?: string; limit?: number } = {}) {
  const params = new URLSearchParams({ queue });
  if (filters.q) params.set('q', filters.q);
  if (filters.status?.length) params.set('status', filters.status.join(','));
  if (filters.department) params.set('department', filters.department);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.tier) params.set('tier', String(filters.tier));
  if (filters.priorityCustomer) params.set('priorityCustomer', 'true');
  if (options.cursor) params.set('cursor', options.cursor);
  if (options.limit) params.set('limit', String(options.limit));
  return `?${params.toString()}`;
}

export async function fetchQueueCounts(signal?: AbortSignal): Promise<QueueCount[]> {
  const body = (await apiRequest('GET', `${BASE}/queues`, undefined, signal ? { signal } : {})) as { items: QueueCount[] };
  return body.items;
}

export async function fetchQueue(
  queue: QueueId,
  filters: QueueFilters,
  options: { cursor?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<QueuePage> {
  const { signal, ...page } = options;
  const path = `${BASE}/tickets${queueQueryString(queue, filters, page)}`;
  return (await apiRequest('GET', path, undefined, signal ? { signal } : {})) as QueuePage;
}

export async function fetchWorkspace(number: string, signal?: AbortSignal): Promise<Workspace> {
  return (await apiRequest('GET', `${BASE}/tickets/${enc(number)}`, undefined, signal ? { signal } : {})) as Workspace;
}

/** Runs an action (`take`, `transfer`…); resolves when the server accepted it. */
export async function runTicketAction(number: string, action: TicketAction): Promise<void> {
  const { kind, ...body } = action;
  await apiRequest('POST', `${BASE}/tickets/${enc(number)}/${kind}`, kind === 'take' ? undefined : body);
}

/** A public answer, a question to the customer or an internal note; replies may carry files (multipart). */
export async function postComposed(number: string, mode: ComposerMode, body: { body: string } | FormData): Promise<void> {
  await apiRequest('POST', `${BASE}/tickets/${enc(number)}/${mode}`, body);
}

export type Assignee = { id: string; name: string; tier: number; roles: string[]; current: boolean };

/** The request's department members it may be assigned to (for those who may assign). */
export async function fetchAssignees(number: string, signal?: AbortSignal): Promise<Assignee[]> {
  const body = (await apiRequest('GET', `${BASE}/tickets/${enc(number)}/assignees`, undefined, signal ? { signal } : {})) as {
    items: Assignee[];
  };
  return body.items;
}

export async function fetchCanned(number: string): Promise<CannedAnswer[]> {
  const body = (await apiRequest('GET', `${BASE}/tickets/${enc(number)}/canned`)) as { items: CannedAnswer[] };
  return body.items;
}

export async function identifyCustomer(
  number: string,
  input: { walletNumber: string; passport: string },
): Promise<IdentificationResult> {
  return (await apiRequest('POST', `${BASE}/tickets/${enc(number)}/identification`, input)) as IdentificationResult;
}

export async function revealField(number: string, field: string, reason: string): Promise<{ field: string; value: string }> {
  return (await apiRequest('POST', `${BASE}/tickets/${enc(number)}/reveal`, { field, reason })) as {
    field: string;
    value: string;
  };
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  const path = `${BASE}/admin/departments`;
  const body = (await apiRequest('GET', path, undefined, signal ? { signal } : {})) as { items: Department[] };
  return body.items;
}

export async function fetchAudit(
  filters: AuditFilters,
  options: { cursor?: number; limit?: number; signal?: AbortSignal } = {},
): Promise<AuditPage> {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.number) params.set('number', filters.number);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (options.cursor) params.set('cursor', String(options.cursor));
  params.set('limit', String(options.limit ?? 50));
  const path = `${BASE}/audit?${params.toString()}`;
  return (await apiRequest('GET', path, undefined, options.signal ? { signal: options.signal } : {})) as AuditPage;
}
