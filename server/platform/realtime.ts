import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';

/** What travels on the bus: a room and ids. Receivers re-read rows; nothing personal rides here. */
export type BusMessage = {
  room: string;
  type: string;
  id?: string;
  data?: Record<string, string | number | boolean | null>;
};

export type RealtimeBus = {
  publish(message: BusMessage): Promise<void>;
  /** Several messages, in order, in one round trip where the bus has one. */
  publishMany(messages: BusMessage[]): Promise<void>;
  /** Every message published on any node; returns the unsubscribe function. */
  subscribe(listener: (message: BusMessage) => void): () => void;
  /** Called after the bus lost messages (reconnect): clients must re-read. */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
};

/** The subscribe side shared by both buses: local listeners of one emitter. */
function emitterListeners(emitter: EventEmitter): Pick<RealtimeBus, 'subscribe' | 'onResync'> {
  return {
    subscribe(listener) {
      emitter.on('message', listener);
      return () => emitter.off('message', listener);
    },
    onResync(listener) {
      emitter.on('resync', listener);
      return () => emitter.off('resync', listener);
    },
  };
}

function newEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}

/** One node (embedded PGlite): an in-process emitter. */
export function createInProcessBus(): RealtimeBus {
  const emitter = newEmitter();
  return {
    ...emitterListeners(emitter),
    async publish(message) {
      emitter.emit('message', message);
    },
    async publishMany(messages) {
      for (const message of messages) emitter.emit('message', message);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

const CHANNEL = 'paydesk_realtime';

/**
 * Many nodes on PostgreSQL: one dedicated LISTEN connection per node, NOTIFY to publish.
 * After a lost connection it reconnects with backoff and signals a resync.
 */
export async function createPgNotifyBus(options: {
  url: string;
  pool: pg.Pool;
  logger?: Pick<Logger, 'warn' | 'info'>;
}): Promise<RealtimeBus> {
  const emitter = newEmitter();
  let client: pg.Client | null = null;
  let closed = false;
  let retry = 0;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.url, application_name: 'paydesk-realtime' });
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        emitter.emit('message', JSON.parse(n.payload) as BusMessage);
      } catch {
        options.logger?.warn('realtime: dropped a malformed notification');
      }
    });
    const onLost = () => {
      if (closed || client !== c) return;
      client = null;
      c.removeAllListeners();
      c.end().catch(() => undefined);
      const delay = Math.min(500 * 2 ** retry++, 10_000);
      options.logger?.warn({ delay }, 'realtime: LISTEN connection lost; reconnecting');
      setTimeout(() => {
        connect()
          .then(() => emitter.emit('resync'))
          .catch(() => onLost());
      }, delay).unref();
    };
    c.on('error', onLost);
    c.on('end', onLost);
    client = c;
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    retry = 0;
  };

  await connect();
  return {
    ...emitterListeners(emitter),
    async publish(message) {
      await options.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
    },
    async publishMany(messages) {
      if (messages.length === 0) return;
      // One statement: the notifications are sent in array order when it commits.
      await options.pool.query({
        name: 'paydesk_realtime_publish',
        text: 'SELECT count(pg_notify($1, m)) FROM unnest($2::text[]) AS m',
        values: [CHANNEL, messages.map((m) => JSON.stringify(m))],
      });
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/**
 * Forwards committed events that name rooms (`payload.rooms`) to the bus: ids only, so
 * receivers re-read the rows they are allowed to see.
 */
export function forwardEventsToRooms(
  outbox: {
    onBatch(
      type: string,
      name: string,
      handler: (events: Array<{ type: string; aggregateId: string; payload: Record<string, unknown> }>) => Promise<void>,
    ): void;
  },
  bus: RealtimeBus,
): void {
  outbox.onBatch('*', 'realtime', async (events) => {
    const messages = events.flatMap((event) => {
      const rooms = Array.isArray(event.payload.rooms)
        ? event.payload.rooms.filter((r): r is string => typeof r === 'string')
        : [];
      return rooms.map((room) => ({ room, type: event.type, id: event.aggregateId }));
    });
    await bus.publishMany(messages);
  });
}
