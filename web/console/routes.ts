import { matchRoutes } from 'react-router';
import type { QueueId } from '../api/console';
import type { MessageKey } from '../i18n/catalogues';

export type QueueDef = { id: QueueId; path: string; label: MessageKey; about: MessageKey; empty: MessageKey };

/** The queues in sidebar order; "mine" is the console's home. */
export const QUEUES: readonly QueueDef[] = [
  { id: 'mine', path: '/console', label: 'console.queues.mine', about: 'console.queue.about.mine', empty: 'console.empty.mine' },
  {
    id: 'unassigned',
    path: '/console/queues/unassigned',
    label: 'console.queues.unassigned',
    about: 'console.queue.about.unassigned',
    empty: 'console.empty.unassigned',
  },
  {
    id: 'waiting',
    path: '/console/queues/waiting',
    label: 'console.queues.waiting',
    about: 'console.queue.about.waiting',
    empty: 'console.empty.waiting',
  },
  {
    id: 'at_risk',
    path: '/console/queues/at-risk',
    label: 'console.queues.atRisk',
    about: 'console.queue.about.atRisk',
    empty: 'console.empty.at_risk',
  },
  {
    id: 'breached',
    path: '/console/queues/overdue',
    label: 'console.queues.overdue',
    about: 'console.queue.about.overdue',
    empty: 'console.empty.breached',
  },
  {
    id: 'all',
    path: '/console/queues/all',
    label: 'console.queues.all',
    about: 'console.queue.about.all',
    empty: 'console.empty.all',
  },
];

/** Other spellings of queue paths (the API's ids) that open the same queue. */
const ALIASES: Record<string, QueueId> = { mine: 'mine', at_risk: 'at_risk', breached: 'breached' };

export type ConsoleRoute =
  | { kind: 'queue'; queue: QueueDef }
  | { kind: 'ticket'; number: string }
  | { kind: 'audit' }
  | { kind: 'admin' }
  | { kind: 'kb'; view: KbView }
  | { kind: 'unanswered' }
  | { kind: 'notFound' };

/** The knowledge-base screens: the list, the unhelpful list, a new article, one variant's editor. */
export type KbView = { page: 'list' } | { page: 'unhelpful' } | { page: 'new'; slug?: string } | { page: 'article'; id: string };

export const AUDIT_PATH = '/console/audit';
export const ADMIN_PATH = '/console/admin';
export const KB_PATH = '/console/kb';

export function kbArticlePath(id: string): string {
  return `${KB_PATH}/articles/${encodeURIComponent(id)}`;
}

export const UNANSWERED_PATH = '/console/kb/unanswered';

export function ticketPath(number: string): string {
  return `/console/tickets/${encodeURIComponent(number)}`;
}

export function queueById(id: QueueId): QueueDef {
  return QUEUES.find((q) => q.id === id) ?? (QUEUES[0] as QueueDef);
}

type Params = Record<string, string | undefined>;
/** A console URL pattern (react-router's syntax and ranking) and what a match shows (null: not a page). */
type ConsoleRouteDef = { path: string; handle: (params: Params) => ConsoleRoute | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every console page; react-router's matcher picks the most specific pattern. */
const CONSOLE_ROUTES: readonly ConsoleRouteDef[] = [
  ...QUEUES.map((queue) => ({ path: queue.path, handle: () => ({ kind: 'queue' as const, queue }) })),
  {
    path: '/console/queues/:alias',
    handle: ({ alias = '' }) => (ALIASES[alias] ? { kind: 'queue', queue: queueById(ALIASES[alias]) } : null),
  },
  // A number that could not be decoded (react-router then leaves the escapes) is no request's.
  {
    path: '/console/tickets/:number',
    handle: ({ number = '' }) => (/%[0-9a-f]?/i.test(number) ? null : { kind: 'ticket', number }),
  },
  { path: AUDIT_PATH, handle: () => ({ kind: 'audit' }) },
  { path: KB_PATH, handle: () => ({ kind: 'kb', view: { page: 'list' } }) },
  { path: `${KB_PATH}/unhelpful`, handle: () => ({ kind: 'kb', view: { page: 'unhelpful' } }) },
  { path: `${KB_PATH}/new`, handle: () => ({ kind: 'kb', view: { page: 'new' } }) },
  {
    path: `${KB_PATH}/articles/:id`,
    handle: ({ id = '' }) => (UUID.test(id) ? { kind: 'kb', view: { page: 'article', id } } : null),
  },
  { path: UNANSWERED_PATH, handle: () => ({ kind: 'unanswered' }) },
  // The admin area's tabs are its own (web/console/admin/route.tsx).
  { path: `${ADMIN_PATH}/*`, handle: () => ({ kind: 'admin' }) },
];

/** What a console path shows, or null for an unknown path (the console shows its "not found" page). */
export function routeForPath(path: string): ConsoleRoute | null {
  const match = matchRoutes([...CONSOLE_ROUTES], path)?.[0];
  return match ? match.route.handle(match.params) : null;
}

let lastQueue = '/console';

/** Remembers the queue (with its filters) the person worked in, for "back to the queue". */
export function rememberQueue(pathWithSearch: string): void {
  lastQueue = pathWithSearch;
}

export function lastQueuePath(): string {
  return lastQueue;
}
