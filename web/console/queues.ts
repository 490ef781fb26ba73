import type { MessageKey } from '../i18n/catalogues';

export type QueueId = 'mine' | 'unassigned' | 'waiting' | 'atRisk' | 'overdue' | 'all';

export type Queue = { id: QueueId; path: string; label: MessageKey; about: MessageKey };

/** The operator's queues, in sidebar order; "mine" is the console's home. */
export const QUEUES: readonly Queue[] = [
  { id: 'mine', path: '/console', label: 'console.queues.mine', about: 'console.queue.about.mine' },
  {
    id: 'unassigned',
    path: '/console/queues/unassigned',
    label: 'console.queues.unassigned',
    about: 'console.queue.about.unassigned',
  },
  {
    id: 'waiting',
    path: '/console/queues/waiting',
    label: 'console.queues.waiting',
    about: 'console.queue.about.waiting',
  },
  {
    id: 'atRisk',
    path: '/console/queues/at-risk',
    label: 'console.queues.atRisk',
    about: 'console.queue.about.atRisk',
  },
  {
    id: 'overdue',
    path: '/console/queues/overdue',
    label: 'console.queues.overdue',
    about: 'console.queue.about.overdue',
  },
  { id: 'all', path: '/console/queues/all', label: 'console.queues.all', about: 'console.queue.about.all' },
];

/** The queue a console path shows, or undefined for an unknown path. */
export function queueForPath(path: string): Queue | undefined {
  const normalised = path.replace(/\/+$/, '') || '/';
  return QUEUES.find((queue) => queue.path === normalised);
}
