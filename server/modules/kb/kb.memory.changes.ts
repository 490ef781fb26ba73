import type { RealtimeBus } from '../../platform/realtime';

/**
 * How the help-centre index learns that it is stale: this process wrote it, or another node
 * announced a change on the bus (`kb.index_changed`). kb.memory.ts refreshes before the next search.
 */

/** Bumped whenever this process writes the index or another node announces it did: searches then refresh first. */
let generation = 0;

/** The current change generation (an index compares it with the one it last refreshed at). */
export const changeGeneration = (): number => generation;
export function kbIndexChanged(): void {
  generation += 1;
}

const ROOM = 'system:kb';
const TYPE = 'kb.index_changed';

/** After this node changed the index rows, the lexicon or the synonyms (committed): every node refreshes before its next search. */
export async function announceKbChange(bus: RealtimeBus): Promise<void> {
  kbIndexChanged();
  await bus.publish({ room: ROOM, type: TYPE });
}

/** Refreshes this node's index when another node announces a change (or the bus lost messages); returns the unsubscribe. */
export function listenForKbChanges(bus: RealtimeBus): () => void {
  const off = bus.subscribe((m) => {
    if (m.room === ROOM && m.type === TYPE) kbIndexChanged();
  });
  const offResync = bus.onResync(kbIndexChanged);
  return () => {
    off();
    offResync();
  };
}
