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

/**
 * The content type of a file from its first `SNIFF_BYTES` bytes: JPEG, PNG, HEIC/HEIF (ISO BMFF `ftyp`
 * with a HEIF brand) or PDF (`%PDF-` and a version digit at offset 0). Anything else, including an empty
 * buffer, is null. PDF readers tolerate a header up to 1024 bytes in (after junk, a BOM, markup…), but that
 * tolerance is what polyglot files (an executable or HTML page that is also a PDF) ride on, and every PDF
 * a scanner, a phone or a bank writes starts with its header: an upload must too.
 */
export function detectFileType(head: Uint8Array): FileType | null {
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  if (isHeic(head)) return 'image/heic';
  const version = head[PDF.length] ?? 0;
  if (startsWith(head, PDF) && version >= 0x30 && version <= 0x39) return 'application/pdf';
  return null;
}
