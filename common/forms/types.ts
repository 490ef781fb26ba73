/**
 * Category forms: the definition an admin edits and the values a customer submits.
 * One definition drives the browser form and the server check (common/forms/validate.ts).
 */

export type L10n = { ru: string; uk: string; en: string };

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'wallet',
  'money',
  'date',
  'datetime',
  'select',
  'checkbox',
  'terminal_id',
  'receipt_number',
  'files',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const CURRENCIES = ['RUB', 'UAH', 'KZT', 'BYN', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Content types an upload may have, detected from its bytes (never from its name). */
export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** Show the field only when another field has (or has not) a value. */
export type FieldCondition =
  { field: string; equals: string | boolean } | { field: string; notEquals: string | boolean } | { field: string; in: string[] };

type Base = {
  /** Stable key of the value: `^[a-z][a-z0-9_]{0,39}$`, unique in the form. */
  key: string;
  label: L10n;
  help?: L10n;
  required?: boolean;
  condition?: FieldCondition;
  /**
   * Personal data (passport and identity documents): stored encrypted, shown masked, revealed
   * only to permitted staff with a reason (audited).
   */
  personal?: boolean;
};

export type FieldDef =
  | (Base & { type: 'text'; minLength?: number; maxLength?: number; pattern?: string })
  | (Base & { type: 'textarea'; minLength?: number; maxLength?: number })
  | (Base & { type: 'email' })
  | (Base & { type: 'phone' })
  | (Base & { type: 'wallet' })
  | (Base & { type: 'money'; currencies: Currency[]; min?: number; max?: number })
  /** `notBefore`: the key of another date field this one may not precede (a period's end and its start). */
  | (Base & { type: 'date'; notFuture?: boolean; maxDaysAgo?: number; notBefore?: string })
  | (Base & { type: 'datetime'; notFuture?: boolean; maxDaysAgo?: number })
  | (Base & { type: 'select'; options: Array<{ value: string; label: L10n }> })
  | (Base & { type: 'checkbox' })
  | (Base & { type: 'terminal_id' })
  | (Base & { type: 'receipt_number' })
  | (Base & { type: 'files'; accept: FileType[]; maxFiles: number; maxSizeMb?: number });

export type FormDef = { fields: FieldDef[] };

/** What the validator sees of an uploaded file (the server fills `type` from the bytes). */
export type FileDescriptor = { name: string; size: number; type: string };

/** Values after validation: hidden fields dropped, strings trimmed, phones as +digits. */
export type MoneyValue = { amount: string; currency: Currency };
export type FormValue = string | boolean | MoneyValue | FileDescriptor[];
export type FormValues = Record<string, FormValue>;

/** Stable per-field error codes; messages in three languages live in common/forms/messages.ts. */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'too_short',
  'too_long',
  'pattern',
  'invalid_email',
  'invalid_phone',
  'invalid_wallet',
  'invalid_amount',
  'amount_too_small',
  'amount_too_large',
  'invalid_currency',
  'invalid_date',
  'date_in_future',
  'date_too_old',
  'date_before_start',
  'invalid_option',
  'must_be_checked',
  'invalid_terminal_id',
  'invalid_receipt_number',
  'too_many_files',
  'file_type_not_allowed',
  'file_too_large',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldError = { code: FieldErrorCode; params?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
