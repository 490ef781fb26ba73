// The console's realtime connection (`/ws`, docs/API-console.md "Realtime"): one socket per tab,
// rooms joined by reference count, events fanned out to listeners, reconnection with backoff and a
// resync after every reconnect (events may have been missed meanwhile).

import { WS_CLOSE } from '../../common/realtime';

export type PresenceState = 'viewing' | 'typing' | 'left';
export type PresenceData = { userId: string; kind: string; name: string; state: PresenceState };

export type RealtimeEvent = { room: string; type: string; id?: string; presence?: PresenceData };

export type ServerMessage =
  | { type: 'ready' }
  | { type: 'subscribed' | 'unsubscribed'; room: string }
  | { type: 'event'; event: RealtimeEvent }
  | { type: 'resync' }
  | { type: 'pong' }
  | { type: 'error'; code: string; room?: string };

/** The part of a WebSocket the client uses (a fake in tests). */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
};

const OPEN = 1;
/** Close codes after which reconnecting cannot help (no session, foreign origin). */
const FINAL_CLOSE_CODES = new Set<number>([WS_CLOSE.sessionEnded, WS_CLOSE.foreignOrigin]);
const MAX_DELAY_MS = 30_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPresence(data: unknown): PresenceData | undefined {
  if (!isRecord(data)) return undefined;
  const { userId, kind, name, state } = data;
  if (typeof userId !== 'string' || typeof name !== 'string') return undefined;
  if (state !== 'viewing' && state !== 'typing' && state !== 'left') return undefined;
  return { userId, kind: typeof kind === 'string' ? kind : 'staff', name, state };
}

/** Reads one server frame; null for anything that is not a known message. */
export function parseServerMessage(raw: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'ready':
    case 'resync':
    case 'pong':
      return { type: value.type };
    case 'subscribed':
    case 'unsubscribed':
      return typeof value.room === 'string' ? { type: value.type, room: value.room } : null;
    case 'error':
      return {
        type: 'error',
        code: typeof value.code === 'string' ? value.code : 'INTERNAL',
        ...(typeof value.room === 'string' ? { room: value.room } : {}),
      };
    case 'event': {
      const event = value.event;
      if (typeof value.room !== 'string' || !isRecord(event) || typeof event.type !== 'string') return null;
      const presence = event.type === 'presence' ? readPresence(event.data) : undefined;
      return {
        type: 'event',
        event: {
          room: value.room,
          type: event.type,
          ...(typeof event.id === 'string' ? { id: event.id } : {}),
          ...(presence ? { presence } : {}),
        },
      };
    }
    default:
      return null;
  }
}

/** Delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … up to 30 s, with jitter (50–100 %). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base / 2 + (random() * base) / 2);
}

type Options = {
  url: string;
  createSocket?: (url: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export class RealtimeClient {
  private socket: SocketLike | null = null;
  private readonly rooms = new Map<string, number>();
  private readonly subscribed = new Set<string>();
  private readonly forbidden = new Set<string>();
  /** The last presence announced per room, re-sent after (re)subscribing. */
  private readonly presence = new Map<string, PresenceState>();
  private readonly eventListeners = new Set<(event: RealtimeEvent) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly stateListeners = new Set<() => void>();
  private readonly endedListeners = new Set<() => void>();
  private attempt = 0;
  private everOpened = false;
  private timer: unknown = null;
  private stopped = true;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: Options) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.setTimer = options.setTimer ?? ((fn, ms) => window.setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => window.clearTimeout(handle as number));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    this.subscribed.clear();
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'bye');
    }
    this.notifyState();
  }

  /** Joins a room until the returned function is called (rooms are shared by reference count). */
  join(room: string): () => void {
    const count = this.rooms.get(room) ?? 0;
    this.rooms.set(room, count + 1);
    if (count === 0) this.send({ type: 'subscribe', room });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.rooms.get(room) ?? 1) - 1;
      if (left > 0) {
        this.rooms.set(room, left);
        return;
      }
      this.rooms.delete(room);
      this.presence.delete(room);
      this.forbidden.delete(room);
      if (this.subscribed.delete(room)) this.notifyState();
      this.send({ type: 'unsubscribe', room });
    };
  }

  /** Announces viewing / typing / left in a request's room (sent once the room is joined). */
  announce(room: string, state: PresenceState): void {
    if (state === 'left') this.presence.delete(room);
    else this.presence.set(room, state);
    if (this.subscribed.has(room)) this.send({ type: 'presence', room, state });
  }

  isSubscribed(room: string): boolean {
    return this.subscribed.has(room);
  }

  isForbidden(room: string): boolean {
    return this.forbidden.has(room);
  }

  onEvent(listener: (event: RealtimeEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called when everything must be re-read: the server asked, or the socket came back. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Called when a room's subscription state changes. */
  onStateChange(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /**
   * Called when the server closed the socket because the session is gone (4401: signed out
   * elsewhere, expired, or an admin deactivated the person): the tab should leave the console.
   */
  onSessionEnded(listener: () => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private connect(): void {
    if (this.stopped) return;
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      const reconnected = this.everOpened;
      this.everOpened = true;
      for (const room of this.rooms.keys()) this.send({ type: 'subscribe', room });
      if (reconnected) for (const listener of [...this.resyncListeners]) listener();
    };
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') this.handle(event.data);
    };
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.subscribed.clear();
      this.notifyState();
      if (FINAL_CLOSE_CODES.has(event.code)) this.stopped = true;
      else this.scheduleReconnect();
      if (event.code === WS_CLOSE.sessionEnded) for (const listener of [...this.endedListeners]) listener();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer !== null) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private handle(raw: string): void {
    const message = parseServerMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'subscribed': {
        if (!this.rooms.has(message.room)) return;
        this.subscribed.add(message.room);
        this.forbidden.delete(message.room);
        const state = this.presence.get(message.room);
        if (state) this.send({ type: 'presence', room: message.room, state });
        this.notifyState();
        return;
      }
      case 'error':
        // A room this person may not join is normal (e.g. the security service's queue).
        if (message.room) {
          this.forbidden.add(message.room);
          this.notifyState();
        }
        return;
      case 'event':
        for (const listener of [...this.eventListeners]) listener(message.event);
        return;
      case 'resync':
        for (const listener of [...this.resyncListeners]) listener();
        return;
      default:
        return;
    }
  }

  private send(message: Record<string, unknown>): void {
    const socket = this.socket;
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  }

  private notifyState(): void {
    for (const listener of [...this.stateListeners]) listener();
  }
}

/** The `/ws` address of this page's origin. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
