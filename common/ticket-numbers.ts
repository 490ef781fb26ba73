/** Request numbers (PD-…): isomorphic, so the server, the web and mail share one reading of what a person typed. */

/** Luhn check digit of a digit string: catches a mistyped or swapped digit when read out on the phone. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `PD-` + the sequence value + a check digit, e.g. 100001 → PD-1000014. */
export function formatTicketNumber(sequenceValue: number | bigint): string {
  const digits = String(sequenceValue);
  return `PD-${digits}${luhnDigit(digits)}`;
}

/** Normalises what a person typed ("pd 1000014", "1000014") and checks the digit; null if not a number of ours. */
export function parseTicketNumber(input: string): string | null {
  const digits = input
    .trim()
    .toUpperCase()
    .replace(/^PD[\s-]*/, '');
  if (!/^\d{6,15}$/.test(digits)) return null;
  const body = digits.slice(0, -1);
  return luhnDigit(body) === Number(digits.slice(-1)) ? `PD-${digits}` : null;
}
