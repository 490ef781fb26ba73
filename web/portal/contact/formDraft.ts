import type { FieldDef, FormDef, MoneyValue } from '../../../common/forms/types';
import type { ReplyChannel } from '../../api/requests';

/** What an input holds while the customer fills the form: files are the chosen File objects. */
export type DraftValue = string | boolean | MoneyValue | File[];
export type DraftValues = Record<string, DraftValue>;

/** The empty value of each field type. */
export function emptyValue(field: FieldDef): DraftValue {
  switch (field.type) {
    case 'checkbox':
      return false;
    case 'money':
      return { amount: '', currency: field.currencies[0] ?? 'RUB' };
    case 'files':
      return [];
    default:
      return '';
  }
}

export function initialValues(form: FormDef): DraftValues {
  return Object.fromEntries(form.fields.map((f) => [f.key, emptyValue(f)]));
}

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  heif: 'image/heic',
  pdf: 'application/pdf',
};

/** The content type of a chosen file: the browser's guess, else from the extension (HEIC often has none). */
export function fileTypeOf(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream';
}

function isFileList(value: DraftValue): value is File[] {
  return Array.isArray(value);
}

/** The values as the shared validator reads them: files become `{ name, size, type }`. */
export function toValidatorValues(values: DraftValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = isFileList(value) ? value.map((f) => ({ name: f.name, size: f.size, type: fileTypeOf(f) })) : value;
  }
  return out;
}

/** The chosen files of the visible `files` fields, by field key. */
export function filesByField(form: FormDef, values: DraftValues, visibleKeys: Set<string>): Record<string, File[]> {
  const out: Record<string, File[]> = {};
  for (const field of form.fields) {
    const value = values[field.key];
    if (field.type === 'files' && visibleKeys.has(field.key) && value && isFileList(value) && value.length) {
      out[field.key] = value;
    }
  }
  return out;
}

/** The validated values minus the files (those travel as multipart parts). */
export function payloadFields(form: FormDef, validated: Record<string, unknown>): Record<string, unknown> {
  const fileKeys = new Set(form.fields.filter((f) => f.type === 'files').map((f) => f.key));
  return Object.fromEntries(Object.entries(validated).filter(([key]) => !fileKeys.has(key)));
}

export type ContactDraft = { email: string; name: string; replyChannel: ReplyChannel; website: string };

/** A fresh Idempotency-Key (a UUID; falls back to random hex where randomUUID is missing, e.g. plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
