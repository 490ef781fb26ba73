import type { Locale } from '../../common/errors';
import { FILE_TYPES, type FieldDef } from '../../common/forms/types';
import { checkFieldValue } from '../../common/forms/validate';
import { fileTypeOf } from '../portal/contact/formDraft';
import { fieldErrorText } from './fieldError';

/**
 * The files of a reply, as both reply routes take them (`POST /tickets/{number}/messages` and
 * `POST /console/tickets/{number}/reply`): up to 5 files of 10 MB of the usual types.
 */
export const REPLY_FILES: Extract<FieldDef, { type: 'files' }> = {
  key: 'files',
  type: 'files',
  accept: [...FILE_TYPES],
  maxFiles: 5,
  maxSizeMb: 10,
  label: { ru: '', uk: '', en: '' },
};

/** What is wrong with the chosen files, in the reader's language, or null: the server's own check, run first in the browser. */
export function replyFilesProblem(files: File[], locale: Locale, fallback: string): string | null {
  const check = checkFieldValue(
    REPLY_FILES,
    files.map((f) => ({ name: f.name, size: f.size, type: fileTypeOf(f) })),
  );
  return check.ok ? null : fieldErrorText(check.error, locale, fallback);
}
