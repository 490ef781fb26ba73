/**
 * The form builder's editable state and its conversion to and from a form definition.
 * Number inputs are kept as the typed text (so "1." or "" can be edited), options of every type are
 * kept while the admin switches types, and `toCandidate` emits only what the chosen type accepts:
 * the result is checked with `parseFormDefinition` (common/forms/definition.ts) before publishing.
 */
import type { Currency, FieldCondition, FieldType, FileType, FormDef, L10n } from '../../../../common/forms/types';

export type ConditionOp = 'equals' | 'notEquals' | 'in';

/** A condition being edited: no field chosen = no condition; `values` are the compared values as text. */
export type ConditionDraft = { field: string; op: ConditionOp; values: string[] };

export type OptionDraft = { uid: string; value: string; label: L10n };

export type FieldDraft = {
  /** A stable id for React lists (the key can be edited). */
  uid: string;
  type: FieldType;
  key: string;
  label: L10n;
  help: L10n;
  required: boolean;
  personal: boolean;
  condition: ConditionDraft;
  // text, textarea
  minLength: string;
  maxLength: string;
  pattern: string;
  // money
  currencies: Currency[];
  min: string;
  max: string;
  // date, datetime
  notFuture: boolean;
  maxDaysAgo: string;
  // select
  options: OptionDraft[];
  // files
  accept: FileType[];
  maxFiles: string;
  maxSizeMb: string;
};

export const EMPTY_L10N: L10n = { ru: '', uk: '', en: '' };

let counter = 0;
/** A fresh id for list items (unique within the page's life). */
export function newUid(): string {
  counter += 1;
  return `u${counter}`;
}

/** A new field of `type` with sensible defaults (keys `field_1`, `field_2`… not yet used). */
export function newField(type: FieldType, taken: readonly string[] = []): FieldDraft {
  let n = taken.length + 1;
  while (taken.includes(`field_${n}`)) n += 1;
  return {
    uid: newUid(),
    type,
    key: `field_${n}`,
    label: { ...EMPTY_L10N },
    help: { ...EMPTY_L10N },
    required: false,
    personal: false,
    condition: { field: '', op: 'equals', values: [''] },
    minLength: '',
    maxLength: '',
    pattern: '',
    currencies: type === 'money' ? ['RUB'] : [],
    min: '',
    max: '',
    notFuture: false,
    maxDaysAgo: '',
    options: type === 'select' ? [{ uid: newUid(), value: 'option_1', label: { ...EMPTY_L10N } }] : [],
    accept: type === 'files' ? ['image/jpeg', 'image/png', 'application/pdf'] : [],
    maxFiles: type === 'files' ? '3' : '',
    maxSizeMb: '',
  };
}

/** Switches a field's type, keeping the common settings and giving the new type its defaults where unset. */
export function changeType(field: FieldDraft, type: FieldType): FieldDraft {
  const fresh = newField(type);
  return {
    ...field,
    type,
    currencies: field.currencies.length ? field.currencies : fresh.currencies,
    options: field.options.length ? field.options : fresh.options,
    accept: field.accept.length ? field.accept : fresh.accept,
    maxFiles: field.maxFiles || fresh.maxFiles,
  };
}

const num = (n: number | undefined): string => (n === undefined ? '' : String(n));

function conditionDraft(condition: FieldCondition | undefined): ConditionDraft {
  if (!condition) return { field: '', op: 'equals', values: [''] };
  if ('equals' in condition) return { field: condition.field, op: 'equals', values: [String(condition.equals)] };
  if ('notEquals' in condition) return { field: condition.field, op: 'notEquals', values: [String(condition.notEquals)] };
  return { field: condition.field, op: 'in', values: [...condition.in] };
}

/** The editable state of a published definition. */
export function fromFormDef(form: FormDef): FieldDraft[] {
  return form.fields.map((f) => {
    const d: FieldDraft = {
      ...newField(f.type),
      key: f.key,
      label: { ...f.label },
      help: f.help ? { ...f.help } : { ...EMPTY_L10N },
      required: f.required ?? false,
      personal: f.personal ?? false,
      condition: conditionDraft(f.condition),
    };
    switch (f.type) {
      case 'text':
        return { ...d, minLength: num(f.minLength), maxLength: num(f.maxLength), pattern: f.pattern ?? '' };
      case 'textarea':
        return { ...d, minLength: num(f.minLength), maxLength: num(f.maxLength) };
      case 'money':
        return { ...d, currencies: [...f.currencies], min: num(f.min), max: num(f.max) };
      case 'date':
      case 'datetime':
        return { ...d, notFuture: f.notFuture ?? false, maxDaysAgo: num(f.maxDaysAgo) };
      case 'select':
        return { ...d, options: f.options.map((o) => ({ uid: newUid(), value: o.value, label: { ...o.label } })) };
      case 'files':
        return { ...d, accept: [...f.accept], maxFiles: num(f.maxFiles), maxSizeMb: num(f.maxSizeMb) };
      default:
        return d;
    }
  });
}

/** A typed number as a number; text that is not a number is passed on as is, for the definition check to name. */
function numberOrText(text: string): number | string | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : text;
}

const isBlankL10n = (v: L10n): boolean => !v.ru.trim() && !v.uk.trim() && !v.en.trim();
const trimL10n = (v: L10n): L10n => ({ ru: v.ru.trim(), uk: v.uk.trim(), en: v.en.trim() });

/** The compared value as the definition wants it: booleans for a checkbox, text otherwise. */
function conditionValue(text: string, refType: FieldType | undefined): string | boolean {
  if (refType === 'checkbox') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

function toCondition(c: ConditionDraft, earlier: readonly FieldDraft[]): Record<string, unknown> | undefined {
  if (!c.field) return undefined;
  const refType = earlier.find((f) => f.key === c.field)?.type;
  if (c.op === 'in') return { field: c.field, in: c.values.map((v) => v.trim()).filter(Boolean) };
  return { field: c.field, [c.op]: conditionValue((c.values[0] ?? '').trim(), refType) };
}

/** Sets `name` on `out` unless the value is undefined. */
function put(out: Record<string, unknown>, name: string, value: unknown): void {
  if (value !== undefined) out[name] = value;
}

/** One field as the definition format has it (not yet checked). */
export function toCandidateField(f: FieldDraft, earlier: readonly FieldDraft[]): Record<string, unknown> {
  const out: Record<string, unknown> = { key: f.key.trim(), type: f.type, label: trimL10n(f.label) };
  if (!isBlankL10n(f.help)) out.help = trimL10n(f.help);
  if (f.required) out.required = true;
  if (f.personal) out.personal = true;
  put(out, 'condition', toCondition(f.condition, earlier));
  switch (f.type) {
    case 'text':
      put(out, 'minLength', numberOrText(f.minLength));
      put(out, 'maxLength', numberOrText(f.maxLength));
      if (f.pattern !== '') out.pattern = f.pattern;
      break;
    case 'textarea':
      put(out, 'minLength', numberOrText(f.minLength));
      put(out, 'maxLength', numberOrText(f.maxLength));
      break;
    case 'money':
      out.currencies = [...f.currencies];
      put(out, 'min', numberOrText(f.min));
      put(out, 'max', numberOrText(f.max));
      break;
    case 'date':
    case 'datetime':
      if (f.notFuture) out.notFuture = true;
      put(out, 'maxDaysAgo', numberOrText(f.maxDaysAgo));
      break;
    case 'select':
      out.options = f.options.map((o) => ({ value: o.value, label: trimL10n(o.label) }));
      break;
    case 'files':
      out.accept = [...f.accept];
      out.maxFiles = numberOrText(f.maxFiles) ?? '';
      put(out, 'maxSizeMb', numberOrText(f.maxSizeMb));
      break;
    default:
      break;
  }
  return out;
}

/** The whole definition to check with `parseFormDefinition` and publish. */
export function toCandidate(fields: readonly FieldDraft[]): { fields: Array<Record<string, unknown>> } {
  return { fields: fields.map((f, i) => toCandidateField(f, fields.slice(0, i))) };
}

/** Moves item `index` one place up (-1) or down (+1); out-of-range moves return the list unchanged. */
export function move<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** The fields a condition of field `index` may refer to: earlier ones that can be compared. */
export function conditionTargets(fields: readonly FieldDraft[], index: number): FieldDraft[] {
  return fields.slice(0, index).filter((f) => f.type !== 'money' && f.type !== 'files' && f.key.trim() !== '');
}
