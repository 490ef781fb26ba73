import { describe, expect, it } from 'vitest';
import { fieldErrorMessage, localize } from './messages';
import { FIELD_ERROR_CODES, type FieldDef, type FieldError, type FormDef } from './types';
import { buildValuesSchema, fieldErrorsFromIssues, isFieldVisible, normalizePhone, validateFormValues } from './validate';

const label = (en: string) => ({ ru: en, uk: en, en });
/** A field definition without its key and label (Omit over each member of the union). */
type Spec = FieldDef extends infer F ? (F extends FieldDef ? Omit<F, 'key' | 'label'> : never) : never;
const now = new Date('2025-06-15T12:00:00Z');

/** Validates `value` as the only field of a form made of `field` (key "v"). */
function check(field: Spec, value: unknown, opts = { now }) {
  const form = { fields: [{ key: 'v', label: label('V'), ...field } as FieldDef] };
  const result = validateFormValues(form, value === undefined ? {} : { v: value }, opts);
  return result.ok ? { value: result.values.v } : { error: result.errors.v };
}
const accepts = (field: Spec, value: unknown) => check(field, value).value;
const refuses = (field: Spec, value: unknown) => check(field, value).error;

describe('required and empty values', () => {
  it.each([undefined, null, '', '   ', []])('refuses %j for a required field and drops it otherwise', (value) => {
    const type = Array.isArray(value) ? 'files' : 'text';
    const extra = type === 'files' ? { accept: ['image/png'], maxFiles: 2 } : {};
    expect(refuses({ type, required: true, ...extra } as Spec, value)).toEqual({ code: 'required' });
    const result = check({ type, ...extra } as Spec, value);
    expect(result).toEqual({ value: undefined });
  });

  it('treats a money value without an amount as empty', () => {
    expect(refuses({ type: 'money', currencies: ['RUB'], required: true }, { amount: '', currency: 'RUB' })).toEqual({
      code: 'required',
    });
  });

  it('refuses a key the form does not have', () => {
    const form: FormDef = { fields: [{ key: 'a', type: 'text', label: label('A') }] };
    expect(validateFormValues(form, { a: 'x', admin: true })).toEqual({
      ok: false,
      errors: { admin: { code: 'unknown_field' } },
    });
  });

  it('refuses a wrong JS type for every kind of field', () => {
    expect(refuses({ type: 'text' }, 42)).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'email' }, ['a@b.co'])).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'select', options: [{ value: 'a', label: label('A') }] }, { value: 'a' })).toEqual({
      code: 'invalid_type',
    });
    expect(refuses({ type: 'money', currencies: ['RUB'] }, '1500')).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'money', currencies: ['RUB'] }, { amount: true })).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'files', accept: ['image/png'], maxFiles: 2 }, 'scan.png')).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'files', accept: ['image/png'], maxFiles: 2 }, [{ name: 'a.png' }])).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'checkbox' }, 'yes')).toEqual({ code: 'invalid_type' });
    expect(refuses({ type: 'date' }, 20250101)).toEqual({ code: 'invalid_type' });
  });
});

describe('text and textarea', () => {
  it('trims and checks lengths (in characters, not UTF-16 units)', () => {
    expect(accepts({ type: 'text' }, '  Иван  ')).toBe('Иван');
    expect(refuses({ type: 'text', minLength: 5 }, ' Иван ')).toEqual({ code: 'too_short', params: { min: 5 } });
    expect(refuses({ type: 'text', maxLength: 3 }, 'Иван')).toEqual({ code: 'too_long', params: { max: 3 } });
    expect(accepts({ type: 'text', maxLength: 2 }, '👍👍')).toBe('👍👍');
  });

  it('applies the default maximums: 200 for text, 5000 for a textarea', () => {
    expect(accepts({ type: 'text' }, 'a'.repeat(200))).toHaveLength(200);
    expect(refuses({ type: 'text' }, 'a'.repeat(201))).toEqual({ code: 'too_long', params: { max: 200 } });
    expect(accepts({ type: 'textarea' }, 'a'.repeat(5000))).toHaveLength(5000);
    expect(refuses({ type: 'textarea' }, 'a'.repeat(5001))).toEqual({ code: 'too_long', params: { max: 5000 } });
  });

  it('keeps the lines of a textarea, joins those of a text, and strips control characters', () => {
    expect(accepts({ type: 'textarea' }, 'line 1\r\nline 2\u0000')).toBe('line 1\nline 2');
    expect(accepts({ type: 'text' }, 'a\nb\tc')).toBe('a b c');
  });

  it('matches the whole value against the pattern', () => {
    const field: Spec = { type: 'text', pattern: '[A-Z]{2}\\d{4}' };
    expect(accepts(field, 'AB1234')).toBe('AB1234');
    expect(refuses(field, 'xAB1234')).toEqual({ code: 'pattern' });
    expect(refuses(field, 'AB12345')).toEqual({ code: 'pattern' });
    expect(accepts({ type: 'text', pattern: 'a|b' }, 'b')).toBe('b');
    expect(refuses({ type: 'text', pattern: 'a|b' }, 'ab')).toEqual({ code: 'pattern' });
  });
});

describe('email, phone and wallet', () => {
  it.each(['Ivan.Petrov@Example.COM', 'a+tag@mail.ru', 'ivan@пример.рф'])('accepts %s, lowercased', (email) => {
    expect(accepts({ type: 'email' }, ` ${email} `)).toBe(email.toLowerCase());
  });

  it.each([
    'ivan',
    'ivan@',
    '@mail.ru',
    'ivan@mail',
    'ivan@@mail.ru',
    'iv an@mail.ru',
    'ivan..p@mail.ru',
    'ivan@-mail.ru',
    'ivan@mail.r',
  ])('refuses %s', (email) => expect(refuses({ type: 'email' }, email)).toEqual({ code: 'invalid_email' }));

  it.each([
    ['+7 (900) 123-45-67', '+79001234567'],
    ['8 900 123 45 67', '+79001234567'],
    ['89001234567', '+79001234567'],
    ['9001234567', '+79001234567'],
    ['+380 67 123 4567', '+380671234567'],
    ['067 123 45 67', '+380671234567'],
    ['00 375 29 123-45-67', '+375291234567'],
    ['+49 151 12345678', '+4915112345678'],
  ])('normalises the phone %s to %s', (input, expected) => {
    expect(accepts({ type: 'phone' }, input)).toBe(expected);
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '123',
    '+7 900 123-45-6',
    '+7 900 123-45-678',
    '+380 67 123 456',
    'tel: 89001234567',
    '+0 123 456 7890',
    '+1234567890123456',
  ])('refuses the phone %s', (input) => expect(refuses({ type: 'phone' }, input)).toEqual({ code: 'invalid_phone' }));

  it('takes a wallet number as its owner phone number', () => {
    expect(accepts({ type: 'wallet' }, '8 (900) 123-45-67')).toBe('+79001234567');
    expect(refuses({ type: 'wallet' }, 'Z123456789012')).toEqual({ code: 'invalid_wallet' });
  });
});

describe('money', () => {
  const field: Spec = { type: 'money', currencies: ['RUB', 'UAH'], min: 10, max: 15000 };
  it.each([
    [
      { amount: '1500', currency: 'RUB' },
      { amount: '1500.00', currency: 'RUB' },
    ],
    [
      { amount: '1 500,5', currency: 'rub' },
      { amount: '1500.50', currency: 'RUB' },
    ],
    [
      { amount: 99.99, currency: 'UAH' },
      { amount: '99.99', currency: 'UAH' },
    ],
    [
      { amount: '010.10', currency: 'UAH' },
      { amount: '10.10', currency: 'UAH' },
    ],
  ])('accepts %j', (value, expected) => expect(accepts(field, value)).toEqual(expected));

  it('defaults the currency of a single-currency field', () => {
    expect(accepts({ type: 'money', currencies: ['RUB'] }, { amount: '5' })).toEqual({ amount: '5.00', currency: 'RUB' });
  });

  it.each([
    { amount: '0' },
    { amount: '-5' },
    { amount: '1.234' },
    { amount: '1,500.00' },
    { amount: 'abc' },
    { amount: Infinity },
  ])('refuses the amount of %j', (value) =>
    expect(refuses(field, { ...value, currency: 'RUB' })).toEqual({ code: 'invalid_amount' }),
  );

  it('refuses another currency, and amounts outside the range', () => {
    expect(refuses(field, { amount: '100', currency: 'USD' })).toEqual({
      code: 'invalid_currency',
      params: { allowed: 'RUB, UAH' },
    });
    expect(refuses(field, { amount: '100' })).toEqual({ code: 'invalid_currency', params: { allowed: 'RUB, UAH' } });
    expect(refuses(field, { amount: '9.99', currency: 'RUB' })).toEqual({
      code: 'amount_too_small',
      params: { min: 10, currency: 'RUB' },
    });
    expect(refuses(field, { amount: '15000.01', currency: 'RUB' })).toEqual({
      code: 'amount_too_large',
      params: { max: 15000, currency: 'RUB' },
    });
    expect(accepts(field, { amount: '15000', currency: 'RUB' })).toEqual({ amount: '15000.00', currency: 'RUB' });
  });
});

describe('date and datetime', () => {
  it('accepts real calendar dates only', () => {
    expect(accepts({ type: 'date' }, '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '15.06.2025', '2025-6-1', '1800-01-01']) {
      expect(refuses({ type: 'date' }, bad)).toEqual({ code: 'invalid_date' });
    }
  });

  it('allows "today" in any time zone but not later (notFuture)', () => {
    const field: Spec = { type: 'date', notFuture: true };
    expect(accepts(field, '2025-06-15')).toBe('2025-06-15');
    expect(accepts(field, '2025-06-16')).toBe('2025-06-16'); // already the 16th east of UTC+12
    expect(refuses(field, '2025-06-17')).toEqual({ code: 'date_in_future' });
    expect(check(field, '2025-06-16', { now: new Date('2025-06-15T09:00:00Z') })).toEqual({ error: { code: 'date_in_future' } });
  });

  it('refuses dates older than maxDaysAgo', () => {
    const field: Spec = { type: 'date', maxDaysAgo: 30 };
    expect(accepts(field, '2025-05-16')).toBe('2025-05-16');
    expect(refuses(field, '2025-05-14')).toEqual({ code: 'date_too_old', params: { days: 30 } });
  });

  it('refuses a period whose end comes before its start, naming the end field', () => {
    const form: FormDef = {
      fields: [
        { key: 'period_from', type: 'date', label: label('From') },
        { key: 'period_to', type: 'date', label: label('To'), notBefore: 'period_from' },
      ],
    };
    const result = validateFormValues(form, { period_from: '2025-05-10', period_to: '2025-05-01' }, { now });
    expect(result).toEqual({ ok: false, errors: { period_to: { code: 'date_before_start' } } });
    expect(fieldErrorMessage({ code: 'date_before_start' }, 'ru')).toBe('Дата окончания не может быть раньше даты начала');
    expect(validateFormValues(form, { period_from: '2025-05-01', period_to: '2025-05-01' }, { now }).ok).toBe(true);
  });

  it('accepts ISO local and offset date-times and normalises them', () => {
    expect(accepts({ type: 'datetime' }, '2025-06-15T10:30')).toBe('2025-06-15T10:30');
    expect(accepts({ type: 'datetime' }, '2025-06-15 10:30:15.250z')).toBe('2025-06-15T10:30:15Z');
    expect(accepts({ type: 'datetime' }, '2025-06-15T10:30+0300')).toBe('2025-06-15T10:30+03:00');
    for (const bad of [
      '2025-06-15',
      '2025-06-15T24:00',
      '2025-06-15T10:60',
      '2025-02-30T10:00',
      '2025-06-15T10:00+15:00',
      'yesterday',
    ]) {
      expect(refuses({ type: 'datetime' }, bad)).toEqual({ code: 'invalid_date' });
    }
  });

  it('judges notFuture of a date-time with an offset exactly, with a few minutes of clock skew', () => {
    const field: Spec = { type: 'datetime', notFuture: true };
    expect(accepts(field, '2025-06-15T12:04Z')).toBe('2025-06-15T12:04Z');
    expect(refuses(field, '2025-06-15T12:10Z')).toEqual({ code: 'date_in_future' });
    expect(accepts(field, '2025-06-15T18:00+07:00')).toBe('2025-06-15T18:00+07:00');
    expect(accepts(field, '2025-06-16T01:00')).toBe('2025-06-16T01:00'); // local time at UTC+14
    expect(refuses(field, '2025-06-16T03:00')).toEqual({ code: 'date_in_future' });
  });

  it('refuses date-times older than maxDaysAgo', () => {
    const field: Spec = { type: 'datetime', maxDaysAgo: 1 };
    expect(accepts(field, '2025-06-14T13:00Z')).toBe('2025-06-14T13:00Z');
    expect(refuses(field, '2025-06-14T11:00Z')).toEqual({ code: 'date_too_old', params: { days: 1 } });
  });
});

describe('select, checkbox, terminal, receipt, files', () => {
  it('accepts an option value only', () => {
    const field: Spec = { type: 'select', options: [{ value: 'mts', label: label('MTS') }] };
    expect(accepts(field, ' mts ')).toBe('mts');
    expect(refuses(field, 'MTS')).toEqual({ code: 'invalid_option' });
  });

  it('reads checkboxes from JSON and multipart, and "required" means checked', () => {
    expect(accepts({ type: 'checkbox' }, 'on')).toBe(true);
    expect(accepts({ type: 'checkbox' }, 'false')).toBe(false);
    expect(accepts({ type: 'checkbox' }, undefined)).toBe(false);
    expect(accepts({ type: 'checkbox', required: true }, true)).toBe(true);
    expect(refuses({ type: 'checkbox', required: true }, false)).toEqual({ code: 'must_be_checked' });
    expect(refuses({ type: 'checkbox', required: true }, undefined)).toEqual({ code: 'must_be_checked' });
  });

  it('checks terminal and receipt numbers', () => {
    expect(accepts({ type: 'terminal_id' }, ' 1234 567 ')).toBe('1234567');
    for (const bad of ['123', '12345678901', 'T-1234'])
      expect(refuses({ type: 'terminal_id' }, bad)).toEqual({ code: 'invalid_terminal_id' });
    expect(accepts({ type: 'receipt_number' }, 'AB-1234')).toBe('AB-1234');
    expect(accepts({ type: 'receipt_number' }, 'ЧК 0042')).toBe('ЧК0042');
    for (const bad of ['AB1', 'A'.repeat(31), 'AB#1234']) {
      expect(refuses({ type: 'receipt_number' }, bad)).toEqual({ code: 'invalid_receipt_number' });
    }
  });

  it('checks the number, types and sizes of files', () => {
    const field: Spec = { type: 'files', accept: ['image/jpeg', 'application/pdf'], maxFiles: 2, maxSizeMb: 5 };
    const jpg = { name: 'receipt.jpg', size: 1000, type: 'image/jpeg' };
    expect(accepts(field, [{ ...jpg, extra: 1 }])).toEqual([jpg]);
    expect(refuses(field, [jpg, jpg, jpg])).toEqual({ code: 'too_many_files', params: { max: 2 } });
    expect(refuses(field, [jpg, { name: 'x.png', size: 1, type: 'image/png' }])).toEqual({
      code: 'file_type_not_allowed',
      params: { name: 'x.png', allowed: 'JPEG, PDF' },
    });
    expect(accepts(field, [{ ...jpg, size: 5 * 1024 * 1024 }])).toHaveLength(1);
    expect(refuses(field, [{ ...jpg, size: 5 * 1024 * 1024 + 1 }])).toEqual({
      code: 'file_too_large',
      params: { name: 'receipt.jpg', maxMb: 5 },
    });
    expect(refuses({ ...field, maxSizeMb: undefined }, [{ ...jpg, size: 11 * 1024 * 1024 }])).toEqual({
      code: 'file_too_large',
      params: { name: 'receipt.jpg', maxMb: 10 },
    });
  });
});

/** S1: a terminal payment that did not arrive, with the receipt or without it. */
const terminalPayment: FormDef = {
  fields: [
    { key: 'has_receipt', type: 'checkbox', label: label('I have the receipt') },
    {
      key: 'receipt_number',
      type: 'receipt_number',
      required: true,
      label: label('Receipt'),
      condition: { field: 'has_receipt', equals: true },
    },
    {
      key: 'terminal_number',
      type: 'terminal_id',
      required: true,
      label: label('Terminal'),
      condition: { field: 'has_receipt', equals: false },
    },
    {
      key: 'reason',
      type: 'select',
      label: label('Reason'),
      options: [
        { value: 'other', label: label('Other') },
        { value: 'late', label: label('Late') },
      ],
      condition: { field: 'terminal_number', notEquals: '0000' },
    },
    { key: 'details', type: 'textarea', required: true, label: label('Details'), condition: { field: 'reason', in: ['other'] } },
  ],
};
const field = (key: string) => terminalPayment.fields.find((f) => f.key === key) as FieldDef;

describe('conditions', () => {
  it('shows the receipt number only with a receipt and the terminal number only without', () => {
    expect(isFieldVisible(terminalPayment, field('receipt_number'), { has_receipt: 'on' })).toBe(true);
    expect(isFieldVisible(terminalPayment, field('terminal_number'), { has_receipt: 'on' })).toBe(false);
    expect(isFieldVisible(terminalPayment, field('receipt_number'), {})).toBe(false);
    expect(isFieldVisible(terminalPayment, field('terminal_number'), {})).toBe(true);
  });

  it('does not require a hidden required field and drops its value', () => {
    const result = validateFormValues(terminalPayment, {
      has_receipt: true,
      receipt_number: 'AB-1234',
      terminal_number: 'garbage',
    });
    expect(result).toEqual({ ok: true, values: { has_receipt: true, receipt_number: 'AB-1234' } });
    const without = validateFormValues(terminalPayment, {
      has_receipt: 'false',
      receipt_number: '??',
      terminal_number: '123 456',
    });
    expect(without).toEqual({ ok: true, values: { has_receipt: false, terminal_number: '123456' } });
    const other = validateFormValues(terminalPayment, { terminal_number: '123456', reason: 'other' });
    expect(other).toEqual({ ok: false, errors: { details: { code: 'required' } } });
    expect(validateFormValues(terminalPayment, { reason: 'late', terminal_number: '123456' })).toEqual({
      ok: true,
      values: { has_receipt: false, terminal_number: '123456', reason: 'late' },
    });
  });

  it('requires the visible required field', () => {
    expect(validateFormValues(terminalPayment, { has_receipt: true })).toEqual({
      ok: false,
      errors: { receipt_number: { code: 'required' } },
    });
  });

  it('hides a field that depends on a hidden field, whatever its condition says', () => {
    // reason: terminal_number notEquals '0000' — true when terminal_number is absent, but it is hidden.
    expect(isFieldVisible(terminalPayment, field('reason'), { has_receipt: true })).toBe(false);
    expect(isFieldVisible(terminalPayment, field('details'), { has_receipt: true, reason: 'other' })).toBe(false);
    expect(isFieldVisible(terminalPayment, field('details'), { reason: 'other' })).toBe(true);
    expect(isFieldVisible(terminalPayment, field('details'), { terminal_number: '0000', reason: 'other' })).toBe(false);
    // Conditions compare normalised values: ' 00 00 ' is the terminal number 0000.
    expect(isFieldVisible(terminalPayment, field('reason'), { terminal_number: ' 00 00 ' })).toBe(false);
  });

  it('hides fields caught in a cycle of an unchecked definition instead of looping', () => {
    const cyclic: FormDef = {
      fields: [
        { key: 'a', type: 'text', label: label('A'), condition: { field: 'b', equals: 'x' } },
        { key: 'b', type: 'text', label: label('B'), condition: { field: 'a', equals: 'x' } },
      ],
    };
    expect(isFieldVisible(cyclic, cyclic.fields[0] as FieldDef, { a: 'x', b: 'x' })).toBe(false);
  });
});

describe('the zod schema', () => {
  it('parses to normalised values and reports issues as field errors', () => {
    const schema = buildValuesSchema(terminalPayment, { now });
    expect(schema.parse({ has_receipt: 'on', receipt_number: ' AB-1234 ' })).toEqual({
      has_receipt: true,
      receipt_number: 'AB-1234',
    });
    const failed = schema.safeParse({ has_receipt: 'maybe', x: 1 });
    expect(failed.success).toBe(false);
    if (!failed.success) {
      expect(fieldErrorsFromIssues(failed.error.issues)).toEqual({
        x: { code: 'unknown_field' },
        has_receipt: { code: 'invalid_type' },
      });
      expect(failed.error.issues.map((i) => i.message)).toContain('This field is not part of the form');
    }
    expect(fieldErrorsFromIssues(schema.safeParse(null).error?.issues ?? [])).toEqual({ _form: { code: 'invalid_type' } });
  });
});

describe('messages', () => {
  const params = { min: 5, max: 21, days: 3, name: 'scan.pdf', maxMb: 10, allowed: 'JPEG, PDF', currency: 'RUB' };
  it.each(['ru', 'uk', 'en'] as const)('has a %s text for every code, with and without params', (locale) => {
    const texts = new Set<string>();
    for (const code of FIELD_ERROR_CODES) {
      const text = fieldErrorMessage({ code, params }, locale);
      expect(text.length, code).toBeGreaterThan(5);
      expect(text, code).not.toMatch(/[{}]|undefined/);
      expect(fieldErrorMessage({ code }, locale), code).not.toMatch(/[{}]|undefined/);
      texts.add(fieldErrorMessage({ code }, locale));
    }
    expect(texts.size).toBe(FIELD_ERROR_CODES.length);
  });

  it.each<[FieldError, string, string]>([
    [{ code: 'too_long', params: { max: 200 } }, 'ru', 'Не больше 200 символов'],
    [{ code: 'too_long', params: { max: 21 } }, 'ru', 'Не больше 21 символа'],
    [{ code: 'too_short', params: { min: 3 } }, 'uk', 'Не менше 3 символів'],
    [{ code: 'too_short', params: { min: 1 } }, 'en', 'At least 1 character'],
    [{ code: 'date_too_old', params: { days: 2 } }, 'ru', 'Дата должна быть не раньше чем 2 дня назад'],
    [{ code: 'date_too_old', params: { days: 5 } }, 'uk', 'Дата має бути не раніше ніж 5 днів тому'],
    [{ code: 'too_many_files', params: { max: 1 } }, 'ru', 'Можно приложить не больше 1 файла'],
    [{ code: 'amount_too_small', params: { min: 10, currency: 'RUB' } }, 'en', 'The amount must be at least 10 RUB'],
    [{ code: 'file_too_large', params: { name: 'scan.pdf', maxMb: 10 } }, 'ru', 'Файл «scan.pdf» больше 10 МБ'],
  ])('interpolates %j in %s', (error, locale, text) => {
    expect(fieldErrorMessage(error, locale as 'ru' | 'uk' | 'en')).toBe(text);
  });

  it('localizes labels with a fallback for an empty text', () => {
    expect(localize({ ru: 'Чек', uk: 'Чек', en: 'Receipt' }, 'en')).toBe('Receipt');
    expect(localize({ ru: 'Чек', uk: ' ', en: 'Receipt' }, 'uk')).toBe('Чек');
  });
});
