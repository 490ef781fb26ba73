// Phone numbers as people read them, one formatter for the console and the portal:
// +79001234567 → +7 900 123-45-67. Written here rather than taken from libphonenumber-js
// (≈ 150 KB with metadata) because paydesk's callers are from three numbering plans only;
// anything else is shown grouped but otherwise as stored.

/**
 * Formats an international phone number for reading.
 * - Russia and Kazakhstan (+7, 10 digits): `+7 900 123-45-67`, `+7 701 234-56-78`
 * - Ukraine (+380, 9 digits): `+380 67 123 45 67`
 * - anything else: `+` and the digits as stored, in groups of three or four; text that is not
 *   a phone number comes back unchanged.
 */
export function formatPhone(value: string): string {
  const trimmed = value.trim();
  if (!/^\+?[\d\s()-]+$/.test(trimmed)) return value;
  const digits = trimmed.replace(/\D/g, '');
  const ru = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(digits);
  if (ru) return `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}`;
  const ua = /^380(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(digits);
  if (ua) return `+380 ${ua[1]} ${ua[2]} ${ua[3]} ${ua[4]}`;
  if (!trimmed.startsWith('+') || digits.length < 7 || digits.length > 15) return value;
  // Unknown plan: no guess at the country code's length, only readable groups from the end.
  const groups: string[] = [];
  let rest = digits;
  while (rest.length > 4) {
    groups.unshift(rest.slice(-3));
    rest = rest.slice(0, -3);
  }
  return `+${[rest, ...groups].join(' ')}`;
}
