import { createContext, useContext, useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateLive, invalidateRoom } from '../api/query';
import { useSession } from '../api/session';
import { RealtimeClient, socketUrl } from './realtime';
import type { RealtimeEvent } from './realtime';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** One realtime connection for the signed-in staff member's console tab. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new RealtimeClient({ url: socketUrl(window.location) }));
  const queries = useQueryClient();
  const { recheck } = useSession();
  // Not a dependency of the connection: a new `recheck` must not reconnect the socket.
  const sessionEnded = useEffectEvent(() => void recheck());
  useEffect(() => {
    // An event names a room: the queries that follow it re-read; a resync re-reads them all.
    const offEvent = client.onEvent((event) => {
      if (event.type !== 'presence') invalidateRoom(queries, event.room);
    });
    const offResync = client.onResync(() => invalidateLive(queries));
    // The server closed the socket for a session that is gone (e.g. an admin deactivated this
    // person): ask who is signed in, and the console goes to its sign-in page when nobody is.
    const offEnded = client.onSessionEnded(() => sessionEnded());
    client.start();
    return () => {
      offEvent();
      offResync();
      offEnded();
      client.stop();
    };
  }, [client, queries]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeClient(): RealtimeClient | null {
  return useContext(RealtimeContext);
}

type Handlers = { onEvent?: (event: RealtimeEvent) => void; onResync?: () => void };

const noop = () => () => undefined;

/**
 * Joins `rooms` while mounted and calls `onEvent` for their events, `onResync` when everything must
 * be re-read. Returns `live`: whether at least one of the rooms is joined right now.
 */
export function useRooms(rooms: readonly string[], handlers: Handlers): { live: boolean } {
  const client = useRealtimeClient();
  const key = [...new Set(rooms)].sort().join('|');
  const onEvent = useEffectEvent((event: RealtimeEvent) => handlers.onEvent?.(event));
  const onResync = useEffectEvent(() => handlers.onResync?.());

  useEffect(() => {
    if (!client || !key) return;
    const list = key.split('|');
    const releases = list.map((room) => client.join(room));
    const mine = new Set(list);
    const offEvent = client.onEvent((event) => {
      if (mine.has(event.room)) onEvent(event);
    });
    const offResync = client.onResync(() => onResync());
    return () => {
      offEvent();
      offResync();
      for (const release of releases) release();
    };
  }, [client, key]);

  const live = useSyncExternalStore(
    client ? (listener) => client.onStateChange(listener) : noop,
    () => Boolean(client && key && key.split('|').some((room) => client.isSubscribed(room))),
    () => false,
  );
  return { live };
}
