import { diffArrays } from 'diff';

export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/**
 * A line diff of two texts, for showing what a revision changed: the `diff` package's diff of
 * the two texts' lines (Myers' algorithm), as one line per entry.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  return diffArrays(a, b).flatMap((part) =>
    part.value.map((text): DiffLine => ({ op: part.added ? 'add' : part.removed ? 'del' : 'same', text })),
  );
}
