import type { RealtimeBus } from './realtime';

/**
 * Short-lived caches of reference data read on the hot paths (the catalogue leaf and its form,
 * SLA policies with their compiled calendars), one set per database.
 *
 * Admin edits take effect without a restart: the editing node clears its caches at once and
 * announces `reference.changed` on the realtime bus (pg_notify on PostgreSQL), which clears them
 * on every other node; the TTL bounds staleness should a notification be lost (LISTEN reconnect).
 * A load that started before a clear is not stored (generation check).
 */
export const REFERENCE_TTL_MS = 5_000;
const ROOM = 'system:reference';
const TYPE = 'reference.changed';

type Entry = { value: unknown; expires: number };

export class ReferenceCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly ttlMs = REFERENCE_TTL_MS) {}

  async get<V>(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.value as V;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.entries.set(key, { value, expires: now + this.ttlMs });
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new WeakMap<object, ReferenceCache>();

/** The caches of one database (keyed by the Drizzle handle, so test databases never share). */
export function referenceCache(db: object): ReferenceCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ReferenceCache()));
  return cache;
}

/** After an admin edit of the catalogue, forms, SLA policies or calendars commits. */
export async function referenceChanged(ctx: { db: object; bus: RealtimeBus }): Promise<void> {
  referenceCache(ctx.db).clear();
  await ctx.bus.publish({ room: ROOM, type: TYPE });
}

/** Clears this node's caches when another node announces an edit; returns the unsubscribe. */
export function listenForReferenceChanges(ctx: { db: object; bus: RealtimeBus }): () => void {
  const cache = referenceCache(ctx.db);
  const off = ctx.bus.subscribe((m) => {
    if (m.room === ROOM && m.type === TYPE) cache.clear();
  });
  // A lost LISTEN connection may have dropped announcements.
  const offResync = ctx.bus.onResync(() => cache.clear());
  return () => {
    off();
    offResync();
  };
}
