/**
 * Masks and seals the numbers `findPii` finds. A mask has the length of what it hides (one `•`
 * per hidden character), so offsets in the masked text are offsets in the original too.
 */
import { findPii, type PiiKind, type PiiMatch } from './find';

export const MASK_CHAR = '•';

/** What sealText needs of a cipher: the server's PII cipher (AES-256-GCM under SECRET_KEY). */
export type Sealer = { encrypt(plain: string): string };
/** What revealText needs of a cipher. */
export type Opener = { decrypt(sealed: string): string };

/** One number taken out of a text: where its mask stands, the mask, and the sealed original as written. */
export type SealedPii = { kind: PiiKind; start: number; end: number; mask: string; sealed: string };

/** Digits kept at the end: the last four of a card (as on a receipt), the last two of a document. */
const KEEP: Record<PiiKind, number> = { card: 4, ru_passport: 2, ua_passport: 2, ua_id_card: 2 };

/**
 * The mask of one number: every digit (and a booklet's two series letters) but the last few
 * becomes `•`; spaces, dashes and words in between stay. "4508 123456" → "•••• ••••56",
 * "КВ 123456" → "•• ••••56", "4276 1234 5678 9012" → "•••• •••• •••• 9012".
 */
export function maskPii(kind: PiiKind, value: string): string {
  const hidden: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if ((ch >= '0' && ch <= '9') || (kind === 'ua_passport' && i < 2)) hidden.push(i);
  }
  const hide = new Set(hidden.slice(0, Math.max(0, hidden.length - KEEP[kind])));
  let out = '';
  for (let i = 0; i < value.length; i++) out += hide.has(i) ? MASK_CHAR : value[i];
  return out;
}

function replaceAll(text: string, found: readonly PiiMatch[]): string {
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + maskPii(f.kind, f.value);
    at = f.end;
  }
  return out + text.slice(at);
}

/** The text with every number masked, and what was found (for a caller that seals on its own). */
export function maskText(text: string): { text: string; found: PiiMatch[] } {
  const found = findPii(text);
  return { text: found.length === 0 ? text : replaceAll(text, found), found };
}

/**
 * The text to store (every number masked) and the originals sealed with `cipher`, one per
 * number, in order. Text without such numbers comes back unchanged with nothing sealed.
 */
export function sealText(text: string, cipher: Sealer): { text: string; sealed: SealedPii[] } {
  const { text: masked, found } = maskText(text);
  return {
    text: masked,
    sealed: found.map((f) => ({
      kind: f.kind,
      start: f.start,
      end: f.end,
      mask: maskPii(f.kind, f.value),
      sealed: cipher.encrypt(f.value),
    })),
  };
}

/**
 * The original text back, for a person allowed to see it (the caller checks the role, asks
 * for the reason and audits). A piece whose mask is no longer where it was (the text was
 * edited since) stays masked.
 */
export function revealText(text: string, sealed: readonly SealedPii[], cipher: Opener): string {
  let out = '';
  let at = 0;
  for (const piece of [...sealed].sort((a, b) => a.start - b.start)) {
    if (piece.start < at || text.slice(piece.start, piece.end) !== piece.mask) continue;
    const plain = cipher.decrypt(piece.sealed);
    if (plain.length !== piece.end - piece.start) continue;
    out += text.slice(at, piece.start) + plain;
    at = piece.end;
  }
  return out + text.slice(at);
}
