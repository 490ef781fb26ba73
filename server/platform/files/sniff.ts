/**
 * The type of an upload from its leading bytes (magic numbers), never from its name or the browser's claim.
 */
import type { FileType } from '../../../common/forms/types';

/** How many leading bytes callers must pass to `detectFileType` (fewer only when the file is shorter). */
export const SNIFF_BYTES = 1024;

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const FTYP = [0x66, 0x74, 0x79, 0x70]; // ftyp
/** Brands that name HEVC-coded HEIF images (and sequences). */
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
/** Generic HEIF brands: HEIC unless the file declares itself AVIF (AV1-coded, not an accepted type). */
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Leading bytes of executables and markup: such a file is refused even if `%PDF-` follows (a polyglot). */
const NOT_PDF = [[0x4d, 0x5a] /* MZ */, [0x7f, 0x45, 0x4c, 0x46] /* ELF */, [0x23, 0x21] /* #! */, [0x3c] /* < */];

function startsWith(buf: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (buf.length < at + magic.length) return false;
  return magic.every((b, i) => buf[at + i] === b);
}

const ascii = (buf: Uint8Array, from: number): string => String.fromCharCode(...buf.subarray(from, from + 4));

function isHeic(buf: Uint8Array): boolean {
  if (!startsWith(buf, FTYP, 4) || buf.length < 16) return false;
  const size = (((buf[0] ?? 0) << 24) | ((buf[1] ?? 0) << 16) | ((buf[2] ?? 0) << 8) | (buf[3] ?? 0)) >>> 0;
  if (size < 16 || size % 4 !== 0) return false;
  // The major brand at 8, the minor version at 12, then the compatible brands to the end of the box.
  const brands = [ascii(buf, 8)];
  for (let at = 16; at + 4 <= Math.min(size, buf.length); at += 4) brands.push(ascii(buf, at));
  if (brands.some((b) => HEVC_BRANDS.has(b))) return true;
  return brands.some((b) => HEIF_BRANDS.has(b)) && !brands.some((b) => AVIF_BRANDS.has(b));
}

/** Index of `%PDF-` followed by a version digit within the first SNIFF_BYTES bytes, or -1. */
function pdfHeaderAt(buf: Uint8Array): number {
  const end = Math.min(buf.length, SNIFF_BYTES) - PDF.length - 1;
  for (let at = 0; at <= end; at += 1) {
    const next = buf[at + PDF.length] ?? 0;
    if (startsWith(buf, PDF, at) && next >= 0x30 && next <= 0x39) return at;
  }
  return -1;
}

/** Skips a UTF-8 BOM and ASCII whitespace. */
function firstContent(buf: Uint8Array): number {
  let at = startsWith(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < buf.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x00].includes(buf[at] ?? -1)) at += 1;
  return at;
}

/**
 * The content type of a file from its first `SNIFF_BYTES` bytes: JPEG, PNG, HEIC/HEIF (ISO BMFF `ftyp`
 * with a HEIF brand) or PDF (`%PDF-n` anywhere in the first 1024 bytes, as PDF readers allow, unless the
 * file starts as an executable, a script or markup). Anything else, including an empty buffer, is null.
 */
export function detectFileType(head: Uint8Array): FileType | null {
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  if (isHeic(head)) return 'image/heic';
  const pdf = pdfHeaderAt(head);
  if (pdf < 0) return null;
  const start = firstContent(head);
  if (start < pdf && NOT_PDF.some((magic) => startsWith(head, magic, start))) return null;
  return 'application/pdf';
}
