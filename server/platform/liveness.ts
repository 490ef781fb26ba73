/**
 * Which processes are alive, so that what a dead one held is released at once: an outbox event
 * it claimed would otherwise wait for its 60 s lease before another delivery.
 *
 * Each process has an instance id (`node#pid#random`) and a row in `process_instances`, refreshed
 * every few seconds; it claims outbox events in its own name (`claimed_by`). Released at once:
 * - embedded database: at start, every lease — one process per DATA_DIR (the lock file), so any
 *   lease found belongs to the previous process, which is gone;
 * - PostgreSQL: at start, the leases of earlier instances of the same node name (the node
 *   restarting); at every refresh, the leases of instances not seen for `deadAfterSeconds`.
 * A live process that lost its row (a misconfigured shared node name) only causes an event to be
 * delivered twice, which handlers allow (delivery is at least once).
 */
import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../db/connection';

export type Liveness = {
  /** This process's id: the owner of its outbox leases. */
  instance: string;
  /** Releases the leases of processes gone since (also runs on its own every interval); resolves with how many. */
  sweep(): Promise<number>;
  /** Stops refreshing, removes this instance and frees what it still holds. */
  stop(): Promise<void>;
};

export type LivenessOptions = {
  /** The node's stable name (NODE_NAME): a restart under the same name frees its predecessor's leases. */
  node: string;
  embedded: boolean;
  intervalMs?: number;
  deadAfterSeconds?: number;
  /** Called when a later sweep released leases (the outbox delivers them now); those found at start wait for the first delivery round. */
  onReleased?: (count: number) => void;
  logger?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
};

const RELEASE = `
  released AS (
    UPDATE outbox_events SET next_attempt_at = now(), claimed_by = NULL
     WHERE delivered_at IS NULL AND claimed_by IN (SELECT instance FROM gone)
    RETURNING 1)
  SELECT count(*)::int AS n FROM released`;

/** Registers this process and frees the leases of the dead ones; keeps doing so until stop(). */
export async function startLiveness(handle: DbHandle, options: LivenessOptions): Promise<Liveness> {
  const instance = `${options.node}#${process.pid}#${randomBytes(3).toString('hex')}`;
  const deadAfter = options.deadAfterSeconds ?? 30;
  const count = (rows: Array<{ n: number }>) => Number(rows[0]?.n ?? 0);

  const atStart = options.embedded
    ? // One process per DATA_DIR: every lease in the table is a dead process's.
      await handle.query<{ n: number }>(`
        WITH gone AS (DELETE FROM process_instances RETURNING instance),
        released AS (
          UPDATE outbox_events SET next_attempt_at = now(), claimed_by = NULL
           WHERE delivered_at IS NULL AND claimed_by IS NOT NULL
          RETURNING 1)
        SELECT count(*)::int AS n FROM released`)
    : await handle.query<{ n: number }>(
        `WITH gone AS (
           DELETE FROM process_instances WHERE node = $1 OR seen_at < now() - make_interval(secs => $2) RETURNING instance),
         ${RELEASE}`,
        [options.node, deadAfter],
      );
  await handle.query('INSERT INTO process_instances (instance, node, pid) VALUES ($1, $2, $3)', [
    instance,
    options.node,
    process.pid,
  ]);
  const releasedAtStart = count(atStart.rows);
  if (releasedAtStart > 0) {
    options.logger?.info({ released: releasedAtStart }, 'outbox events held by a process that is gone were released');
  }

  async function sweep(): Promise<number> {
    const seen = await handle.query<{ instance: string }>(
      'UPDATE process_instances SET seen_at = now() WHERE instance = $1 RETURNING instance',
      [instance],
    );
    if (seen.rows.length === 0) {
      // Removed by a process that took this node name or thought this one dead: come back.
      await handle.query('INSERT INTO process_instances (instance, node, pid) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        instance,
        options.node,
        process.pid,
      ]);
    }
    const { rows } = await handle.query<{ n: number }>(
      `WITH gone AS (DELETE FROM process_instances WHERE seen_at < now() - make_interval(secs => $1) AND instance <> $2 RETURNING instance),
       ${RELEASE}`,
      [deadAfter, instance],
    );
    const n = count(rows);
    if (n > 0) {
      options.logger?.info({ released: n }, 'outbox events held by a process that stopped answering were released');
      options.onReleased?.(n);
    }
    return n;
  }

  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweep().catch((err: unknown) => options.logger?.warn({ err }, 'liveness refresh failed'));
  }, options.intervalMs ?? 5_000);
  timer.unref();

  return {
    instance,
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
      await handle.query(`WITH gone AS (DELETE FROM process_instances WHERE instance = $1 RETURNING instance), ${RELEASE}`, [
        instance,
      ]);
    },
  };
}
