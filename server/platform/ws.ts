import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import type { ErrorCode } from '../../common/errors';
import { WS_CLOSE } from '../../common/realtime';
import type { Config } from '../config';
import type { AuthState } from './auth/sessions';
import { isSameOrigin } from './auth/plugin';
import { reloadSession, sessionExpiresAt } from './auth/sessions';
import { sha256 } from './crypto';
import { isDatabaseUnreachable, type Executor, type SqlRunner } from '../db/connection';
import type { Metrics } from './metrics';
import type { BusMessage, RealtimeBus } from './realtime';

/** Who may join a room; modules add their own rules (a ticket's viewers, a department's queue…). */
export type RoomRule = {
  pattern: RegExp;
  allow: (auth: AuthState, match: RegExpMatchArray) => boolean | Promise<boolean>;
  /**
   * What of an event in this room a customer's socket may get, decided per event as it is sent:
   * the message (possibly with fewer fields) or null. Without it a customer gets nothing of the room.
   */
  forCustomer?: (message: BusMessage) => BusMessage | null;
  /** Event types after which every subscriber's right to the room is checked again (a transfer…). */
  recheckOn?: ReadonlySet<string>;
};

/**
 * A session's own room on the bus, never joinable: a sign-out on any node closes that session's
 * sockets on every node. Named by a hash of the session id, so the bus never carries the id itself.
 */
export const sessionRoom = (sessionId: string) => `session:${sha256(`ws:${sessionId}`)}`;

/**
 * A staff member's rights room on the bus, never joinable: after their departments or roles
 * change, or they are deactivated, their sockets on every node re-read the session and leave the
 * rooms they may no longer see (or close, when the person is gone).
 */
export const staffRightsRoom = (staffId: string) => `rights:staff:${staffId}`;

/** Rooms every deployment has: one's own user room, and the console room for staff. */
export const BASE_ROOM_RULES: RoomRule[] = [
  {
    pattern: /^user:(staff|customer):([0-9a-f-]{36})$/,
    allow: (auth, m) => auth.user.kind === m[1] && auth.user.id === m[2],
  },
  { pattern: /^console$/, allow: (auth) => auth.user.kind === 'staff' },
];

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), room: z.string().min(1).max(200) }),
  z.object({ type: z.literal('unsubscribe'), room: z.string().min(1).max(200) }),
  z.object({ type: z.literal('ping') }),
  /** Who is viewing or typing in a room (a request), so two operators don't answer at once. */
  z.object({ type: z.literal('presence'), room: z.string().min(1).max(200), state: z.enum(['viewing', 'typing', 'left']) }),
]);

export type ServerMessage =
  | { type: 'ready' }
  | { type: 'subscribed' | 'unsubscribed'; room: string }
  | { type: 'event'; room: string; event: { type: string; id?: string; data?: BusMessage['data'] } }
  | { type: 'resync' }
  | { type: 'pong' }
  | { type: 'error'; code: ErrorCode; room?: string };

const MAX_ROOMS_PER_SOCKET = 50;

/** One open socket: who it is and the rooms it joined. */
type Client = { auth: AuthState; mine: Set<string>; end(code: ErrorCode): void };

/**
 * `/ws`: the session cookie authenticates the upgrade; the client subscribes to rooms, each
 * checked against the rules; bus messages of a room are forwarded to its subscribers — to a
 * customer only what the room's rule lets a customer see. Rights are checked again after events
 * that change them (the rule's `recheckOn`); a socket ends with its session (sign-out, expiry).
 */
export function registerWebSocket(
  app: FastifyInstance,
  deps: { bus: RealtimeBus; config: Config; metrics: Metrics; rules: RoomRule[]; db: Executor; handle: SqlRunner },
): void {
  const rooms = new Map<string, Set<WebSocket>>();
  const clients = new Map<WebSocket, Client>();
  const send = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const leave = (socket: WebSocket, room: string) => {
    clients.get(socket)?.mine.delete(room);
    const set = rooms.get(room);
    set?.delete(socket);
    if (set && set.size === 0) rooms.delete(room);
  };

  /** The person's rights changed: re-read the session, close when it is gone, leave rooms no longer allowed. */
  const recheckPerson = async (socket: WebSocket, client: Client) => {
    const fresh = await reloadSession(deps.handle, client.auth.session.id);
    if (!fresh) return client.end('AUTH_REQUIRED');
    client.auth = fresh;
    for (const room of [...client.mine]) {
      if (await isAllowed(deps.rules, fresh, room)) continue;
      leave(socket, room);
      send(socket, { type: 'error', code: 'FORBIDDEN', room });
    }
  };

  /** Forwards one bus message; in order, since a re-check must finish before the event it guards goes out. */
  const deliver = async (message: BusMessage) => {
    if (message.room.startsWith('session:')) {
      for (const client of clients.values())
        if (sessionRoom(client.auth.session.id) === message.room) client.end('AUTH_REQUIRED');
      return;
    }
    if (message.room.startsWith('rights:')) {
      for (const [socket, client] of [...clients])
        if (client.auth.user.kind === 'staff' && staffRightsRoom(client.auth.user.id) === message.room)
          await recheckPerson(socket, client);
      return;
    }
    const rule = ruleFor(deps.rules, message.room);
    if (rule?.recheckOn?.has(message.type)) {
      for (const socket of [...(rooms.get(message.room) ?? [])]) {
        const client = clients.get(socket);
        if (client && !(await isAllowed(deps.rules, client.auth, message.room))) {
          leave(socket, message.room);
          send(socket, { type: 'error', code: 'FORBIDDEN', room: message.room });
        }
      }
    }
    for (const socket of rooms.get(message.room) ?? []) {
      const client = clients.get(socket);
      const out = client?.auth.user.kind === 'staff' ? message : (rule?.forCustomer?.(message) ?? null);
      if (out) send(socket, { type: 'event', room: out.room, event: { type: out.type, id: out.id, data: out.data } });
    }
  };
  let queue = Promise.resolve();
  const unsubscribeBus = deps.bus.subscribe((message) => {
    queue = queue.then(() => deliver(message)).catch((err: unknown) => app.log.error({ err }, 'realtime: delivery failed'));
  });
  const unsubscribeResync = deps.bus.onResync(() => {
    for (const socket of clients.keys()) send(socket, { type: 'resync' });
  });
  app.addHook('onClose', async () => {
    unsubscribeBus();
    unsubscribeResync();
  });

  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    if (!isSameOrigin(request, deps.config)) {
      send(socket, { type: 'error', code: 'FORBIDDEN' });
      socket.close(WS_CLOSE.foreignOrigin, 'origin');
      return;
    }
    const first = request.auth;
    if (!first) {
      send(socket, { type: 'error', code: request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED' });
      socket.close(WS_CLOSE.sessionEnded, 'auth');
      return;
    }
    deps.metrics.wsConnections.inc();
    const mine = new Set<string>();
    const end = (code: ErrorCode) => {
      send(socket, { type: 'error', code });
      socket.close(WS_CLOSE.sessionEnded, code === 'AUTH_REQUIRED' ? 'signed out' : 'expired');
    };
    // `client.auth` is replaced when the person's rights change (recheckPerson); read it, never a copy.
    const client: Client = { auth: first, mine, end };
    clients.set(socket, client);
    const auth = first; // the session id and person never change on one socket
    // The socket ends with its session: at its expiry (later if use has moved it), or when it is gone.
    let expiry: NodeJS.Timeout | undefined;
    const checkSession = async () => {
      const until = await sessionExpiresAt(deps.db, auth.session.id).catch(() => undefined);
      if (until === undefined) return; // the database did not answer: the next check decides
      if (!until) return end('AUTH_SESSION_EXPIRED');
      clearTimeout(expiry);
      expiry = setTimeout(() => void checkSession(), Math.min(until.getTime() - Date.now() + 50, 2 ** 31 - 1));
    };
    expiry = setTimeout(() => void checkSession(), Math.min(auth.session.expiresAt.getTime() - Date.now() + 50, 2 ** 31 - 1));
    let alive = true;
    socket.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
      void checkSession();
    }, 30_000);

    // An async listener's rejection reaches nobody (EventEmitter does not await it) and would end
    // the process: a presence or subscribe message while the database restarts, say. Answer it and
    // close with "try again": the client reconnects with backoff, joins its rooms again and resyncs,
    // so a subscription that failed is not left silently missing.
    socket.on('message', (raw) => {
      onMessage(raw).catch((err: unknown) => {
        const unreachable = isDatabaseUnreachable(err);
        app.log[unreachable ? 'warn' : 'error']({ err }, 'realtime: a client message failed');
        send(socket, { type: 'error', code: unreachable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL' });
        socket.close(WS_CLOSE.tryAgain, 'try again');
      });
    });
    const onMessage = async (raw: RawData) => {
      let parsed: z.infer<typeof clientMessage>;
      try {
        parsed = clientMessage.parse(JSON.parse(raw.toString()));
      } catch {
        return send(socket, { type: 'error', code: 'VALIDATION_FAILED' });
      }
      if (parsed.type === 'ping') return send(socket, { type: 'pong' });
      if (parsed.type === 'presence') {
        if (!mine.has(parsed.room)) return send(socket, { type: 'error', code: 'FORBIDDEN', room: parsed.room });
        await deps.bus.publish({
          room: parsed.room,
          type: 'presence',
          data: { userId: auth.user.id, kind: auth.user.kind, name: auth.user.name, state: parsed.state },
        });
        return;
      }
      const { room } = parsed;
      if (parsed.type === 'unsubscribe') {
        leave(socket, room);
        return send(socket, { type: 'unsubscribed', room });
      }
      if (mine.size >= MAX_ROOMS_PER_SOCKET) return send(socket, { type: 'error', code: 'RATE_LIMITED', room });
      const allowed = await isAllowed(deps.rules, client.auth, room);
      if (!allowed) return send(socket, { type: 'error', code: 'FORBIDDEN', room });
      mine.add(room);
      if (!rooms.has(room)) rooms.set(room, new Set());
      rooms.get(room)?.add(socket);
      send(socket, { type: 'subscribed', room });
    };
    socket.on('close', () => {
      // Others in a request's room learn that this person left it.
      for (const room of mine)
        void deps.bus
          .publish({
            room,
            type: 'presence',
            data: { userId: auth.user.id, kind: auth.user.kind, name: auth.user.name, state: 'left' },
          })
          .catch(() => undefined);
      clearTimeout(expiry);
      clearInterval(heartbeat);
      deps.metrics.wsConnections.dec();
      for (const room of [...mine]) leave(socket, room);
      clients.delete(socket);
    });
    send(socket, { type: 'ready' });
  });
}

function ruleFor(rules: RoomRule[], room: string): RoomRule | undefined {
  return rules.find((rule) => rule.pattern.test(room));
}

async function isAllowed(rules: RoomRule[], auth: AuthState, room: string): Promise<boolean> {
  for (const rule of rules) {
    const match = room.match(rule.pattern);
    if (match) return Boolean(await rule.allow(auth, match));
  }
  return false;
}
