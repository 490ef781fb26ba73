/**
 * The name a stored file is shown and downloaded under: the sender's name, made harmless. Control
 * and format characters go (bidi overrides such as U+202E turn `photo‮gpj.exe` into what looks
 * like `photoexe.jpg`; zero-width characters hide text), path separators become `_`, and the
 * extension is the one of the type the content was detected as, so a name never promises a
 * different kind of file than the one that downloads.
 */
import type { FileType } from '../../../common/forms/types';
import { maskText } from '../../../common/pii';

/** Extensions of each accepted type, the usual one first. */
const EXTENSIONS: Record<FileType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/heic': ['heic', 'heif'],
  'application/pdf': ['pdf'],
};

const MAX_LENGTH = 150;

/**
 * Strips control, format and line-separator characters and path separators; trims dots and
 * spaces; masks passport and card numbers (`common/pii`), since a name is typed text too.
 */
export function cleanFileName(name: string): string {
  return maskText(name.normalize('NFC'))
    .text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
}

const splitExtension = (name: string): [string, string | null] => {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, null];
  const ext = name.slice(dot + 1);
  // Only something that looks like an extension counts as one ("отчёт 2.5 версия" has none).
  return /^[A-Za-z0-9]{1,8}$/.test(ext) ? [name.slice(0, dot), ext.toLowerCase()] : [name, null];
};

/** The stored name of an upload named `name` whose content was detected as `type`. */
export function storedFileName(name: string, type: FileType): string {
  const allowed = EXTENSIONS[type];
  let [base, ext] = splitExtension(cleanFileName(name));
  if (!ext || !allowed.includes(ext)) {
    // `scan.pdf.exe` holding a PDF is `scan.pdf`; `photo.exe` holding a JPEG is `photo.jpg`.
    const [inner, innerExt] = splitExtension(base);
    if (innerExt && allowed.includes(innerExt)) [base, ext] = [inner, innerExt];
    else ext = allowed[0]!;
  }
  base = base.replace(/[\s.]+$/u, '');
  const room = MAX_LENGTH - ext.length - 1;
  // Cut by code points, never inside a surrogate pair.
  const cut = [...base].slice(0, room).join('') || 'file';
  return `${cut}.${ext}`;
}
