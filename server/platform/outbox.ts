import type { Logger } from 'pino';
import type { Database, DbHandle, Executor, Tx } from '../db/connection';
import { outboxEvents } from '../db/schema';

export type DomainEvent = {
  /** e.g. `ticket.created`, `auth.login`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Ids and codes only: it is stored and fanned out (realtime payloads carry ids only). */
  payload?: Record<string, unknown>;
};

export type StoredEvent = Required<DomainEvent> & { id: number; createdAt: Date; attempts: number };

/** Runs after commit, at least once per event: must be safe to run twice. */
export type EventHandler = (event: StoredEvent) => Promise<void>;
/**
 * The same for all the events of one type in a delivery round, in id order: one statement for
 * many events (a busy node delivers hundreds per round). Throwing retries all of them.
 */
export type BatchEventHandler = (events: StoredEvent[]) => Promise<void>;

/** Writes an event in the caller's transaction; it is delivered only if that transaction commits. */
export async function emit(tx: Executor, event: DomainEvent): Promise<void> {
  await tx.insert(outboxEvents).values({
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payload: event.payload ?? {},
  });
}

type Row = {
  id: string | number;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
  attempts: number;
};

export type OutboxOptions = {
  handle: DbHandle;
  logger?: Pick<Logger, 'warn' | 'error' | 'debug'>;
  batchSize?: number;
  /** How long a claimed event is hidden from other nodes while it is delivered. */
  leaseSeconds?: number;
  /**
   * The process instance claiming (platform/liveness.ts): its leases are released at once when
   * it is known dead instead of after `leaseSeconds`.
   */
  owner?: string;
};

/**
 * Delivers committed events to their handlers. `kick()` after a commit delivers at once;
 * `start()` also sweeps periodically for events whose delivery was cut off (crash, failure).
 * Claims use a lease in one statement, so several nodes share the table without double work
 * and no transaction is held open while handlers run (PGlite has a single connection).
 */
export class Outbox {
  private readonly handlers: Array<
    { type: string; name: string } & ({ handler: EventHandler; batch?: never } | { batch: BatchEventHandler; handler?: never })
  > = [];
  private draining: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: OutboxOptions) {}

  /** Subscribes a handler to one event type, or to every event with `*`. */
  on(type: string, name: string, handler: EventHandler): void {
    this.handlers.push({ type, name, handler });
  }

  /** Subscribes a handler that takes a round's events of one type (or all with `*`) at once. */
  onBatch(type: string, name: string, batch: BatchEventHandler): void {
    this.handlers.push({ type, name, batch });
  }

  /** Asks for a delivery round soon; coalesces bursts. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    void this.drain().catch((err: unknown) => this.options.logger?.error({ err }, 'outbox delivery round failed'));
  }

  /** Delivers every due event; resolves with how many were delivered. */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          let batch: StoredEvent[];
          do {
            batch = await this.claim();
            total += await this.deliver(batch);
          } while (batch.length > 0 && !this.stopped);
        } while (this.again && !this.stopped);
      } finally {
        this.draining = null;
      }
      return total;
    })();
    return this.draining;
  }

  /** Periodic sweep (worker role). */
  start(intervalMs = 5_000): void {
    this.stopped = false;
    this.kick();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining?.catch(() => undefined);
  }

  /** Undelivered events, for metrics and readiness. */
  async pendingCount(): Promise<number> {
    const { rows } = await this.options.handle.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL',
    );
    return rows[0]?.n ?? 0;
  }

  private async claim(): Promise<StoredEvent[]> {
    const { rows } = await this.options.handle.query<Row>(
      `UPDATE outbox_events
          SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $1), claimed_by = $3
        WHERE id IN (SELECT id FROM outbox_events
                      WHERE delivered_at IS NULL AND next_attempt_at <= now()
                      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, type, aggregate_type, aggregate_id, payload, created_at, attempts`,
      [this.options.leaseSeconds ?? 60, this.options.batchSize ?? 100, this.options.owner ?? null],
      { name: 'paydesk_outbox_claim' },
    );
    return rows
      .map((r) => ({
        id: Number(r.id),
        type: r.type,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        createdAt: new Date(r.created_at),
        attempts: r.attempts,
      }))
      .sort((a, b) => a.id - b.id);
  }

  private async deliver(batch: StoredEvent[]): Promise<number> {
    if (batch.length === 0) return 0;
    // Handler by handler, in the order they were subscribed; each sees the round's events of its
    // type in id order. An event whose handler fails is retried later (every handler runs again
    // for it: delivery is at least once), the others are marked delivered.
    const failed = new Map<number, unknown>();
    for (const h of this.handlers) {
      const events = batch.filter((e) => (h.type === '*' || h.type === e.type) && !failed.has(e.id));
      if (events.length === 0) continue;
      if (h.batch) {
        try {
          await h.batch(events);
        } catch (err) {
          for (const e of events) failed.set(e.id, err);
        }
        continue;
      }
      for (const event of events) {
        try {
          await h.handler(event);
        } catch (err) {
          failed.set(event.id, err);
        }
      }
    }
    for (const event of batch) {
      if (!failed.has(event.id)) continue;
      const err = failed.get(event.id);
      // Retried later with backoff, never dropped: 2, 4, 8 … seconds, at most 5 minutes.
      const delay = Math.min(2 ** event.attempts, 300);
      this.options.logger?.warn({ err, eventId: event.id, type: event.type }, 'outbox handler failed; will retry');
      await this.options.handle.query(
        `UPDATE outbox_events SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3), claimed_by = NULL WHERE id = $1`,
        [event.id, err instanceof Error ? err.message.slice(0, 500) : String(err), delay],
      );
    }
    const delivered = batch.filter((e) => !failed.has(e.id)).map((e) => e.id);
    if (delivered.length > 0) {
      await this.options.handle.query(
        'UPDATE outbox_events SET delivered_at = now(), last_error = NULL, claimed_by = NULL WHERE id = ANY($1::bigint[])',
        [delivered],
        { name: 'paydesk_outbox_delivered' },
      );
    }
    return delivered.length;
  }
}

/**
 * Runs a command in one transaction and, after it commits, asks the outbox to deliver
 * the events it wrote. A rollback discards the events with the rest.
 */
export async function withTransaction<T>(deps: { db: Database; outbox: Outbox }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction(fn);
  deps.outbox.kick();
  return result;
}
