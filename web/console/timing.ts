// Small timing helpers for live updates: coalescing bursts of events, and limiting how often a
// repeated signal (e.g. "typing…") is sent.

type Timers = { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type Debounced = { trigger: () => void; cancel: () => void };

/** Runs `fn` once, `ms` after the last of a burst of triggers. */
export function debounce(fn: () => void, ms: number, timers: Timers = browserTimers): Debounced {
  let handle: unknown = null;
  return {
    trigger() {
      if (handle !== null) timers.clear(handle);
      handle = timers.set(() => {
        handle = null;
        fn();
      }, ms);
    },
    cancel() {
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}

/** True at most once per `ms` (leading edge): `if (gate(now)) send()`. */
export function throttleGate(ms: number): (now: number) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (now) => {
    if (now - last < ms) return false;
    last = now;
    return true;
  };
}
