import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtimeClient } from '../RealtimeProvider';
import type { PresenceState } from '../realtime';
import { throttleGate } from '../timing';
import { applyPresence, expireTyping } from './presence';
import type { Viewer } from './presence';

const TYPING_EVERY_MS = 3_000;

/**
 * Presence in a request's room (`ticket:<id>`): announces "viewing" on open, "typing" (throttled)
 * while the composer is used, "left" on leave; returns the other staff in the room.
 */
export function usePresence(room: string | null, selfId: string) {
  const client = useRealtimeClient();
  const [others, setOthers] = useState<{ room: string | null; list: Viewer[] }>({ room, list: [] });
  const list = useRef<Viewer[]>([]);
  const mine = useRef<PresenceState>('viewing');
  const gate = useRef(throttleGate(TYPING_EVERY_MS));

  useEffect(() => {
    if (!client || !room) return;
    list.current = [];
    const release = client.join(room);
    mine.current = 'viewing';
    client.announce(room, 'viewing');
    const off = client.onEvent((event) => {
      if (event.room !== room || !event.presence) return;
      const next = applyPresence(list.current, event.presence, selfId, Date.now());
      list.current = next.list;
      setOthers({ room, list: next.list });
      // Someone new: tell them we are here too.
      if (next.isNew) client.announce(room, mine.current);
    });
    const tick = window.setInterval(() => {
      const expired = expireTyping(list.current, Date.now());
      if (expired === list.current) return;
      list.current = expired;
      setOthers({ room, list: expired });
    }, 2_000);
    return () => {
      off();
      window.clearInterval(tick);
      client.announce(room, 'left');
      release();
    };
  }, [client, room, selfId]);

  const typing = useCallback(() => {
    if (!client || !room) return;
    mine.current = 'typing';
    if (gate.current(Date.now())) client.announce(room, 'typing');
  }, [client, room]);

  const idle = useCallback(() => {
    if (!client || !room || mine.current === 'viewing') return;
    mine.current = 'viewing';
    gate.current = throttleGate(TYPING_EVERY_MS);
    client.announce(room, 'viewing');
  }, [client, room]);

  return { others: others.room === room ? others.list : [], typing, idle };
}
