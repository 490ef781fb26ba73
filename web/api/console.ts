import { PRIORITIES as COMMON_PRIORITIES } from '../../common/tickets';
export { MERGED_RESOLUTION, RESOLUTION_CODES } from '../../common/tickets';
import type { ResolutionCode, TicketChannel, TicketStatus } from '../../common/tickets';
import { allOf, api, ok } from './http';
import type { Answer, Query } from './http';

// Types and calls of the console API (docs/API-console.md): every type below is the server's
// OpenAPI document (web/api/schema.d.ts), never a hand copy.

export type { ResolutionCode, TicketChannel, TicketStatus };

export type QueueCount = Answer<'/api/v1/console/queues', 'get'>['items'][number];
export type QueueId = QueueCount['queue'];
export type QueuePage = Answer<'/api/v1/console/tickets', 'get'>;
export type QueueRow = QueuePage['items'][number];
export type Priority = QueueRow['priority'];

/** The priorities in order (the typecheck fails when the contract gains or loses one). */
export const PRIORITIES = allOf<Priority>()(COMMON_PRIORITIES);

/** A department as the rows show it. */
export type DepartmentRef = NonNullable<QueueRow['department']>;

export type QueueFilters = {
  q?: string;
  status?: TicketStatus[];
  department?: string;
  priority?: Priority;
  channel?: TicketChannel;
  tier?: number;
  priorityCustomer?: boolean;
};

export type Workspace = Answer<'/api/v1/console/tickets/{number}', 'get'>;
export type WorkspaceField = Workspace['fields'][number];
export type WorkspaceMessage = Workspace['messages'][number];
export type AttachmentInfo = WorkspaceMessage['attachments'][number];
export type HistoryEntry = Workspace['history'][number];
export type IdentificationState = Workspace['customer']['identification']['state'];
export type WalletInfo = Workspace['customer']['wallets'][number];
export type SecurityFlags = WalletInfo['flags'];

export type CannedAnswer = Answer<'/api/v1/console/tickets/{number}/canned', 'get'>['items'][number];
export type IdentificationResult = Answer<'/api/v1/console/tickets/{number}/identification', 'post'>;
export type Assignee = Answer<'/api/v1/console/tickets/{number}/assignees', 'get'>['items'][number];
export type Department = Answer<'/api/v1/console/admin/departments', 'get'>['items'][number];
export type AuditPage = Answer<'/api/v1/console/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type AuditFilters = { action?: string; actor?: string; number?: string; from?: string; to?: string };

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

type QueueOptions = { cursor?: string; limit?: number };

/** The query of `GET /tickets` (empty filters left out). */
export function queueQuery(queue: QueueId, filters: QueueFilters, options: QueueOptions = {}): Query<'/api/v1/console/tickets'> {
  return {
    queue,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status?.length ? { status: filters.status.join(',') } : {}),
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.tier ? { tier: filters.tier } : {}),
    ...(filters.priorityCustomer ? { priorityCustomer: 'true' as const } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(options.limit ? { limit: options.limit } : {}),
  };
}

export async function fetchQueueCounts(signal?: AbortSignal): Promise<QueueCount[]> {
  return (await ok(api.GET('/api/v1/console/queues', { signal }))).items;
}

export async function fetchQueue(queue: QueueId, filters: QueueFilters, options: QueueOptions & { signal?: AbortSignal } = {}) {
  const { signal, ...page } = options;
  return ok(api.GET('/api/v1/console/tickets', { params: { query: queueQuery(queue, filters, page) }, signal }));
}

const ticket = (number: string) => ({ params: { path: { number } } });

export async function fetchWorkspace(number: string, signal?: AbortSignal): Promise<Workspace> {
  return ok(api.GET('/api/v1/console/tickets/{number}', { ...ticket(number), signal }));
}

/** Runs an action (`take`, `transfer`…); resolves when the server accepted it. */
export async function runTicketAction(number: string, action: TicketAction): Promise<void> {
  const path = ticket(number);
  switch (action.kind) {
    case 'take':
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/take', path)));
    case 'assign': {
      const { kind: _k, ...body } = action;
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/assign', { ...path, body })));
    }
    case 'transfer': {
      const { kind: _k, ...body } = action;
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/transfer', { ...path, body })));
    }
    case 'escalate':
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/escalate', { ...path, body: { reason: action.reason } })));
    case 'return':
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/return', { ...path, body: { reason: action.reason } })));
    case 'priority': {
      const { kind: _k, ...body } = action;
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/priority', { ...path, body })));
    }
    case 'merge': {
      const { kind: _k, ...body } = action;
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/merge', { ...path, body })));
    }
    case 'resolve': {
      const { kind: _k, ...body } = action;
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/resolve', { ...path, body })));
    }
    case 'reopen':
      return void (await ok(api.POST('/api/v1/console/tickets/{number}/reopen', { ...path, body: { reason: action.reason } })));
  }
}

/** A public answer, a question to the customer or an internal note; replies may carry files (multipart). */
export async function postComposed(number: string, mode: ComposerMode, body: { body: string } | FormData): Promise<void> {
  const path = ticket(number);
  // A FormData goes as it is (the browser sets the multipart boundary); the contract's body is its JSON form.
  const init =
    body instanceof FormData
      ? { ...path, body: body as unknown as { body: string }, bodySerializer: (b: unknown) => b as FormData }
      : { ...path, body };
  if (mode === 'reply') await ok(api.POST('/api/v1/console/tickets/{number}/reply', init));
  else if (mode === 'ask') await ok(api.POST('/api/v1/console/tickets/{number}/ask', init));
  else await ok(api.POST('/api/v1/console/tickets/{number}/notes', init));
}

/** The request's department members it may be assigned to (for those who may assign). */
export async function fetchAssignees(number: string, signal?: AbortSignal): Promise<Assignee[]> {
  return (await ok(api.GET('/api/v1/console/tickets/{number}/assignees', { ...ticket(number), signal }))).items;
}

export async function fetchCanned(number: string, signal?: AbortSignal): Promise<CannedAnswer[]> {
  return (await ok(api.GET('/api/v1/console/tickets/{number}/canned', { ...ticket(number), signal }))).items;
}

export async function identifyCustomer(
  number: string,
  body: { walletNumber: string; passport: string },
): Promise<IdentificationResult> {
  return ok(api.POST('/api/v1/console/tickets/{number}/identification', { ...ticket(number), body }));
}

export async function revealField(number: string, field: string, reason: string) {
  return ok(api.POST('/api/v1/console/tickets/{number}/reveal', { ...ticket(number), body: { field, reason } }));
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (await ok(api.GET('/api/v1/console/admin/departments', { signal }))).items;
}

export async function fetchAudit(
  filters: AuditFilters,
  options: { cursor?: number; limit?: number; signal?: AbortSignal } = {},
): Promise<AuditPage> {
  const query = {
    ...filters,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    limit: options.limit ?? 50,
  };
  return ok(api.GET('/api/v1/console/audit', { params: { query }, signal: options.signal }));
}
