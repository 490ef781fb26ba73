/**
 * The realtime socket's close codes that the server sends and the console reads: after the first
 * two reconnecting cannot help; after `tryAgain` it can (and resubscribes and resyncs).
 */
export const WS_CLOSE = {
  /** No session any more: signed out, expired, or the person deactivated. */
  sessionEnded: 4401,
  /** The page's origin is not this installation's. */
  foreignOrigin: 4403,
  /** A message could not be carried out (the database was away): reconnect later, rooms and all. */
  tryAgain: 1013,
} as const;
