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
  | { kind: 'unanswered' };

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

/** What a console path shows, or null for an unknown path (the console then goes home). */
export function routeForPath(path: string): ConsoleRoute | null {
  const normalised = path.replace(/\/+$/, '') || '/';
  const queue = QUEUES.find((q) => q.path === normalised);
  if (queue) return { kind: 'queue', queue };
  const alias = /^\/console\/queues\/([\w-]+)$/.exec(normalised)?.[1];
  if (alias && ALIASES[alias]) return { kind: 'queue', queue: queueById(ALIASES[alias]) };
  const ticket = /^\/console\/tickets\/([^/]+)$/.exec(normalised)?.[1];
  if (ticket) {
    try {
      return { kind: 'ticket', number: decodeURIComponent(ticket) };
    } catch {
      return null;
    }
  }
  if (normalised === AUDIT_PATH) return { kind: 'audit' };
  if (normalised === KB_PATH) return { kind: 'kb', view: { page: 'list' } };
  if (normalised === `${KB_PATH}/unhelpful`) return { kind: 'kb', view: { page: 'unhelpful' } };
  if (normalised === `${KB_PATH}/new`) return { kind: 'kb', view: { page: 'new' } };
  const kbArticle = /^\/console\/kb\/articles\/([0-9a-f-]{36})$/.exec(normalised)?.[1];
  if (kbArticle) return { kind: 'kb', view: { page: 'article', id: kbArticle } };
  if (normalised === UNANSWERED_PATH) return { kind: 'unanswered' };
  if (normalised === ADMIN_PATH || normalised.startsWith(`${ADMIN_PATH}/`)) return { kind: 'admin' };
  return null;
}

let lastQueue = '/console';

/** Remembers the queue (with its filters) the person worked in, for "back to the queue". */
export function rememberQueue(pathWithSearch: string): void {
  lastQueue = pathWithSearch;
}

export function lastQueuePath(): string {
  return lastQueue;
}
