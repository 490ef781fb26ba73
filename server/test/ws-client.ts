import { expect } from 'vitest';
import WebSocket from 'ws';
import type { Session } from './app';

export type Msg = Record<string, unknown> & { type: string };

/**
 * A socket that queues what the server says (and its raw text), so tests can await the next
 * message; anonymous without a cookie. Nothing is awaited: the caller reads the greeting.
 */
export function openSocket(base: string, cookie?: string) {
  const socket = new WebSocket(base, { headers: cookie ? { cookie } : {} });
  const inbox: Msg[] = [];
  const raw: string[] = [];
  const waiters: Array<(m: Msg) => void> = [];
  socket.on('message', (data) => {
    raw.push(String(data));
    const msg = JSON.parse(String(data)) as Msg;
    const waiter = waiters.shift();
    if (waiter) waiter(msg);
    else inbox.push(msg);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const next = () =>
    new Promise<Msg>((resolve) => {
      const queued = inbox.shift();
      if (queued) resolve(queued);
      else waiters.push(resolve);
    });
  const send = (m: object) => socket.send(JSON.stringify(m));
  return { socket, next, send, closed, raw };
}

/** A signed-in client, past the server's `ready`, with room and event helpers. */
export async function connectSocket(base: string, session: Session) {
  const { socket, next, send, closed, raw } = openSocket(base, session.cookie);
  expect(await next()).toEqual({ type: 'ready' });
  const join = async (room: string) => {
    send({ type: 'subscribe', room });
    expect(await next()).toEqual({ type: 'subscribed', room });
  };
  /** Messages up to and including the first event of `type`. */
  const until = async (type: string) => {
    const seen: Msg[] = [];
    for (;;) {
      const m = await next();
      seen.push(m);
      if (m.type === 'event' && (m.event as { type: string }).type === type) return seen;
    }
  };
  return { socket, next, send, join, until, closed, raw };
}
