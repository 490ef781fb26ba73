import type { PresenceData } from '../realtime';

/** Another person in a request's room. */
export type Viewer = { userId: string; name: string; state: 'viewing' | 'typing'; at: number };

/** How long "typing…" lasts without a new signal. */
export const TYPING_TTL_MS = 8_000;

/**
 * Applies one presence signal to the list of others in the room. `isNew` tells that the person
 * was not known yet: we then announce ourselves again so they learn about us too.
 */
export function applyPresence(
  list: Viewer[],
  data: PresenceData,
  selfId: string,
  now: number,
): { list: Viewer[]; isNew: boolean } {
  if (data.userId === selfId || data.kind !== 'staff') return { list, isNew: false };
  const known = list.some((v) => v.userId === data.userId);
  if (data.state === 'left') return { list: list.filter((v) => v.userId !== data.userId), isNew: false };
  const viewer: Viewer = { userId: data.userId, name: data.name, state: data.state, at: now };
  return {
    list: known ? list.map((v) => (v.userId === data.userId ? viewer : v)) : [...list, viewer],
    isNew: !known,
  };
}

/** Turns stale "typing" back into "viewing" (the signal stopped coming). */
export function expireTyping(list: Viewer[], now: number, ttl = TYPING_TTL_MS): Viewer[] {
  return list.some((v) => v.state === 'typing' && now - v.at > ttl)
    ? list.map((v) => (v.state === 'typing' && now - v.at > ttl ? { ...v, state: 'viewing' } : v))
    : list;
}
