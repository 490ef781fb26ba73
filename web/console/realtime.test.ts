import { describe, expect, it } from 'vitest';
import { RealtimeClient, backoffDelay, parseServerMessage, socketUrl } from './realtime';
import type { SocketLike } from './realtime';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const client = new RealtimeClient({
    url: 'ws://x/ws',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  });
  return { client, sockets, timers };
}

describe('parseServerMessage', () => {
  it('reads events, presence, errors and ignores junk', () => {
    expect(parseServerMessage('{"type":"event","room":"queues:1","event":{"type":"ticket.created","id":"t1"}}')).toEqual({
      type: 'event',
      event: { room: 'queues:1', type: 'ticket.created', id: 't1' },
    });
    const presence = parseServerMessage(
      '{"type":"event","room":"ticket:1","event":{"type":"presence","data":{"userId":"u","kind":"staff","name":"Оля","state":"typing"}}}',
    );
    expect(presence).toEqual({
      type: 'event',
      event: { room: 'ticket:1', type: 'presence', presence: { userId: 'u', kind: 'staff', name: 'Оля', state: 'typing' } },
    });
    expect(parseServerMessage('{"type":"error","code":"FORBIDDEN","room":"queues:2"}')).toEqual({
      type: 'error',
      code: 'FORBIDDEN',
      room: 'queues:2',
    });
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('{"type":"mystery"}')).toBeNull();
    expect(parseServerMessage('{"type":"event","room":"r"}')).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles from one second up to thirty, with jitter between half and all of it', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(20, () => 0)).toBe(15_000);
  });
});

describe('RealtimeClient', () => {
  it('subscribes joined rooms on open and forwards their events', () => {
    const { client, sockets } = setup();
    const events: string[] = [];
    client.onEvent((e) => events.push(`${e.room}:${e.type}`));
    const leave = client.join('queues:a');
    client.start();
    const socket = sockets[0]!;
    socket.open();
    expect(socket.sent).toEqual([{ type: 'subscribe', room: 'queues:a' }]);
    socket.receive({ type: 'subscribed', room: 'queues:a' });
    expect(client.isSubscribed('queues:a')).toBe(true);
    socket.receive({ type: 'event', room: 'queues:a', event: { type: 'ticket.created', id: 't' } });
    expect(events).toEqual(['queues:a:ticket.created']);
    leave();
    expect(socket.sent.at(-1)).toEqual({ type: 'unsubscribe', room: 'queues:a' });
    expect(client.isSubscribed('queues:a')).toBe(false);
  });

  it('shares a room between joiners and leaves it with the last one', () => {
    const { client, sockets } = setup();
    client.start();
    sockets[0]!.open();
    const a = client.join('ticket:1');
    const b = client.join('ticket:1');
    expect(sockets[0]!.sent.filter((m) => m.type === 'subscribe')).toHaveLength(1);
    a();
    expect(sockets[0]!.sent.some((m) => m.type === 'unsubscribe')).toBe(false);
    b();
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'unsubscribe', room: 'ticket:1' });
  });

  it('marks a refused room as forbidden and sends presence only once subscribed', () => {
    const { client, sockets } = setup();
    client.start();
    const socket = sockets[0]!;
    socket.open();
    client.join('queues:security');
    socket.receive({ type: 'error', code: 'FORBIDDEN', room: 'queues:security' });
    expect(client.isForbidden('queues:security')).toBe(true);

    client.join('ticket:7');
    client.announce('ticket:7', 'viewing');
    expect(socket.sent.some((m) => m.type === 'presence')).toBe(false);
    socket.receive({ type: 'subscribed', room: 'ticket:7' });
    expect(socket.sent.at(-1)).toEqual({ type: 'presence', room: 'ticket:7', state: 'viewing' });
  });

  it('reconnects with backoff, resubscribes and asks listeners to re-read', () => {
    const { client, sockets, timers } = setup();
    let resyncs = 0;
    client.onResync(() => (resyncs += 1));
    client.join('queues:a');
    client.start();
    sockets[0]!.open();
    expect(resyncs).toBe(0);
    sockets[0]!.drop();
    expect(timers).toHaveLength(1);
    timers[0]!.fn();
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ type: 'subscribe', room: 'queues:a' }]);
    expect(resyncs).toBe(1);
    sockets[1]!.receive({ type: 'resync' });
    expect(resyncs).toBe(2);
  });

  it('gives up after the server refuses the session', () => {
    const { client, sockets, timers } = setup();
    client.start();
    sockets[0]!.open();
    sockets[0]!.drop(4401);
    expect(timers).toHaveLength(0);
  });

  it('tells its listeners when the server ends the session, not when the socket merely drops', () => {
    const { client, sockets, timers } = setup();
    let ended = 0;
    client.onSessionEnded(() => (ended += 1));
    client.start();
    sockets[0]!.open();
    sockets[0]!.drop(1006);
    expect(ended).toBe(0);
    timers[0]!.fn();
    sockets[1]!.open();
    sockets[1]!.drop(4401);
    expect(ended).toBe(1);
  });

  it('builds the socket address of the page', () => {
    expect(socketUrl({ protocol: 'https:', host: 'desk.example' })).toBe('wss://desk.example/ws');
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:3100' })).toBe('ws://127.0.0.1:3100/ws');
  });
});
