/** SLA targets are stored in (business) minutes; people read and type them in hours or days. */
export type TargetUnit = 'minutes' | 'hours' | 'days';
export type Target = { value: string; unit: TargetUnit };

const round2 = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The friendliest unit that shows `minutes` exactly: days only when a day length is known (on a 24/7
 * calendar from two days on, so "24 h" stays in hours), else hours, else minutes.
 */
export function splitTarget(minutes: number, day: number | null): Target {
  const fromDays = day !== null && day >= 24 * 60 ? 2 * day : day;
  if (day && fromDays && minutes >= fromDays && minutes % day === 0) return { value: String(minutes / day), unit: 'days' };
  if (minutes % 60 === 0 || (minutes > 60 && minutes % 15 === 0)) return { value: round2(minutes / 60), unit: 'hours' };
  return { value: String(minutes), unit: 'minutes' };
}

/** Minutes of a typed target, rounded to whole minutes; null when not a positive number or no day length. */
export function joinTarget(target: Target, day: number | null): number | null {
  const n = Number(target.value.trim().replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0) return null;
  const factor = target.unit === 'days' ? day : target.unit === 'hours' ? 60 : 1;
  if (!factor) return null;
  const minutes = Math.round(n * factor);
  return minutes >= 1 ? minutes : null;
}
