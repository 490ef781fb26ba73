import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { ErrorCode } from '../../common/errors';
import type { Config } from '../config';
import type { AuthState } from './auth/sessions';
import { isSameOrigin } from './auth/plugin';
import type { Metrics } from './metrics';
import type { BusMessage, RealtimeBus } from './realtime';

/** Who may join a room; modules add their own rules (a ticket's viewers, a department's queue…). */
export type RoomRule = {
  pattern: RegExp;
  allow: (auth: AuthState, match: RegExpMatchArray) => boolean | Promise<boolean>;
};

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

/**
 * `/ws`: the session cookie authenticates the upgrade; the client subscribes to rooms, each
 * checked against the rules; bus messages of a room are forwarded to its subscribers.
 */
export function registerWebSocket(
  app: FastifyInstance,
  deps: { bus: RealtimeBus; config: Config; metrics: Metrics; rules: RoomRule[] },
): void {
  const rooms = new Map<string, Set<WebSocket>>();
  const send = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribeBus = deps.bus.subscribe((message) => {
    for (const socket of rooms.get(message.room) ?? []) {
      send(socket, { type: 'event', room: message.room, event: { type: message.type, id: message.id, data: message.data } });
    }
  });
  const unsubscribeResync = deps.bus.onResync(() => {
    for (const socket of new Set([...rooms.values()].flatMap((s) => [...s]))) send(socket, { type: 'resync' });
  });
  app.addHook('onClose', async () => {
    unsubscribeBus();
    unsubscribeResync();
  });

  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    if (!isSameOrigin(request, deps.config)) {
      send(socket, { type: 'error', code: 'FORBIDDEN' });
      socket.close(4403, 'origin');
      return;
    }
    const auth = request.auth;
    if (!auth) {
      send(socket, { type: 'error', code: request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED' });
      socket.close(4401, 'auth');
      return;
    }
    deps.metrics.wsConnections.inc();
    const mine = new Set<string>();
    // The socket ends with its session.
    const expiry = setTimeout(
      () => {
        send(socket, { type: 'error', code: 'AUTH_SESSION_EXPIRED' });
        socket.close(4401, 'expired');
      },
      Math.min(auth.session.expiresAt.getTime() - Date.now(), 2 ** 31 - 1),
    );
    let alive = true;
    socket.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, 30_000);

    socket.on('message', async (raw) => {
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
        mine.delete(room);
        rooms.get(room)?.delete(socket);
        return send(socket, { type: 'unsubscribed', room });
      }
      if (mine.size >= MAX_ROOMS_PER_SOCKET) return send(socket, { type: 'error', code: 'RATE_LIMITED', room });
      const allowed = await isAllowed(deps.rules, auth, room);
      if (!allowed) return send(socket, { type: 'error', code: 'FORBIDDEN', room });
      mine.add(room);
      if (!rooms.has(room)) rooms.set(room, new Set());
      rooms.get(room)?.add(socket);
      send(socket, { type: 'subscribed', room });
    });
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
      for (const room of mine) {
        const set = rooms.get(room);
        set?.delete(socket);
        if (set && set.size === 0) rooms.delete(room);
      }
    });
    send(socket, { type: 'ready' });
  });
}

async function isAllowed(rules: RoomRule[], auth: AuthState, room: string): Promise<boolean> {
  for (const rule of rules) {
    const match = room.match(rule.pattern);
    if (match) return Boolean(await rule.allow(auth, match));
  }
  return false;
}
