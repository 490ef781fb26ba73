import { useEffect, useEffectEvent } from 'react';
import { RealtimeClient, socketUrl } from '../../console/realtime';

/**
 * While a signed-in customer has their request open, its room on `/ws` tells of new answers and
 * status changes (from whichever node made them): `onChange` re-reads the request. A guest's
 * tracking token does not open a socket (the socket is authenticated by the session cookie).
 */
export function useLiveTicket(ticketId: string | null, onChange: () => void): void {
  const changed = useEffectEvent(onChange);
  useEffect(() => {
    if (!ticketId) return;
    const room = `ticket:${ticketId}`;
    const client = new RealtimeClient({ url: socketUrl(window.location) });
    const offEvent = client.onEvent((event) => {
      if (event.room === room) changed();
    });
    const offResync = client.onResync(() => changed());
    const leave = client.join(room);
    client.start();
    return () => {
      offEvent();
      offResync();
      leave();
      client.stop();
    };
  }, [ticketId]);
}
