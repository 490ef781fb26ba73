import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateLive, invalidateRoom } from './query';

// The realtime provider calls these for every `/ws` event (its room) and on a resync: the queries
// that follow the room are marked stale (and re-read at once when a screen shows them).

async function clientWith(queries: Array<{ key: string[]; rooms?: string[] }>) {
  const client = new QueryClient();
  for (const q of queries) {
    await client.prefetchQuery({ queryKey: q.key, queryFn: () => q.key.join('/'), meta: { rooms: q.rooms ?? [] } });
  }
  const stale = () => queries.filter((q) => client.getQueryState(q.key)?.isInvalidated).map((q) => q.key.join('/'));
  return { client, stale };
}

describe('realtime invalidation by room', () => {
  const queries = [
    { key: ['console.ticket', 'R-1'], rooms: ['tickets:1'] },
    { key: ['console.ticket', 'R-2'], rooms: ['tickets:2'] },
    { key: ['console.queue', 'mine'], rooms: ['queues:a', 'queues:b'] },
    { key: ['console.queueCounts'], rooms: ['queues:a', 'queues:b'] },
    { key: ['portal.settings'] },
  ];

  it('re-reads only the queries that follow the event’s room', async () => {
    const { client, stale } = await clientWith(queries);
    invalidateRoom(client, 'tickets:2');
    expect(stale()).toEqual(['console.ticket/R-2']);
    invalidateRoom(client, 'queues:b');
    expect(stale()).toEqual(['console.ticket/R-2', 'console.queue/mine', 'console.queueCounts']);
    invalidateRoom(client, 'queues:unknown');
    expect(stale()).toHaveLength(3);
  });

  it('re-reads every live query after a resync, never the ones without rooms', async () => {
    const { client, stale } = await clientWith(queries);
    invalidateLive(client);
    expect(stale()).toEqual(['console.ticket/R-1', 'console.ticket/R-2', 'console.queue/mine', 'console.queueCounts']);
  });
});
