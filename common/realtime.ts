/**
 * The realtime socket's close codes that the server sends and the console reads: after either,
 * reconnecting cannot help.
 */
export const WS_CLOSE = {
  /** No session any more: signed out, expired, or the person deactivated. */
  sessionEnded: 4401,
  /** The page's origin is not this installation's. */
  foreignOrigin: 4403,
} as const;
