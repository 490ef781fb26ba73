import { describe, expect, it } from 'vitest';
import { formDefinitionSchema, parseFormDefinition } from './definition';
import type { FormDef } from './types';

const label = (en: string) => ({ ru: `${en} (ru)`, uk: `${en} (uk)`, en });

/** S1: a terminal payment that did not arrive, with the receipt (number + scan) or without it (terminal number). */
const terminalPayment = (): FormDef => ({
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
      key: 'receipt_scan',
      type: 'files',
      accept: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
      maxFiles: 3,
      maxSizeMb: 10,
      label: label('Scan'),
      condition: { field: 'has_receipt', equals: true },
    },
    {
      key: 'terminal_number',
      type: 'terminal_id',
      required: true,
      label: label('Terminal'),
      condition: { field: 'has_receipt', notEquals: true },
    },
    { key: 'amount', type: 'money', currencies: ['RUB', 'UAH'], min: 1, max: 15000, required: true, label: label('Amount') },
    { key: 'paid_at', type: 'datetime', notFuture: true, maxDaysAgo: 180, label: label('Paid at') },
    { key: 'paid_on', type: 'date', notFuture: true, label: label('Paid on') },
    { key: 'account', type: 'wallet', label: label('Wallet'), help: label('The phone number of the wallet') },
    { key: 'phone', type: 'phone', label: label('Phone') },
    { key: 'email', type: 'email', label: label('E-mail') },
    {
      key: 'operator',
      type: 'select',
      label: label('Operator'),
      options: [
        { value: 'mts', label: label('MTS') },
        { value: 'beeline', label: label('Beeline') },
        { value: 'other', label: label('Other') },
      ],
    },
    {
      key: 'operator_name',
      type: 'text',
      maxLength: 50,
      pattern: '[\\p{L} -]+',
      label: label('Operator'),
      condition: { field: 'operator', in: ['other'] },
    },
    {
      key: 'details',
      type: 'textarea',
      minLength: 10,
      maxLength: 3000,
      label: label('Details'),
      condition: { field: 'operator', notEquals: 'mts' },
    },
  ],
});

/** The definition with field `index` changed by `patch` (undefined values delete the property). */
function withField(index: number, patch: Record<string, unknown>): unknown {
  const form = terminalPayment() as { fields: Array<Record<string, unknown>> };
  const field = { ...form.fields[index], ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete field[k];
  form.fields[index] = field;
  return form;
}

function errorsOf(input: unknown) {
  const result = parseFormDefinition(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

describe('parseFormDefinition accepts', () => {
  it('the terminal-payment form with every kind of field', () => {
    const result = parseFormDefinition(terminalPayment());
    expect(result).toEqual({ ok: true, form: terminalPayment() });
    expect(formDefinitionSchema.safeParse(terminalPayment()).success).toBe(true);
  });

  it.each(['[A-Z]{2}\\d{4}', '(\\d{3})?-\\d+', '[(a+)]+', '\\(a+\\)+', '(ab|cd)+', '([A-Z]{2})+'])(
    'the safe pattern %s',
    (pattern) => {
      expect(parseFormDefinition(withField(11, { pattern })).ok).toBe(true);
    },
  );

  it('trims labels', () => {
    const result = parseFormDefinition(withField(0, { label: { ru: ' Чек ', uk: 'Чек', en: 'Receipt' } }));
    expect(result.ok && result.form.fields[0]?.label.ru).toBe('Чек');
  });
});

describe('parseFormDefinition refuses, naming the field', () => {
  it.each<[string, number, Record<string, unknown>, string, RegExp]>([
    ['a key with capitals', 0, { key: 'HasReceipt' }, 'fields[0] (HasReceipt).key', /lowercase latin letter/],
    ['a key that is too long', 8, { key: `p${'x'.repeat(40)}` }, `fields[8] (p${'x'.repeat(39)}).key`, /up to 39/],
    ['a duplicate key', 9, { key: 'phone' }, 'fields[9] (phone).key', /repeats the key "phone"/],
    [
      'an empty label',
      1,
      { label: { ru: 'Чек', uk: ' ', en: 'Receipt' } },
      'fields[1] (receipt_number).label.uk',
      /must not be empty/,
    ],
    [
      'a missing label language',
      1,
      { label: { ru: 'Чек', en: 'Receipt' } },
      'fields[1] (receipt_number).label.uk',
      /^is required$/,
    ],
    ['an unknown type', 8, { type: 'telephone' }, 'fields[8] (phone).type', /has no valid type/],
    ['an unknown property', 8, { placeholder: 'x' }, 'fields[8] (phone)', /unknown property "placeholder"/],
    ['a select without options', 10, { options: [] }, 'fields[10] (operator).options', /at least one option/],
    [
      'a select with repeated values',
      10,
      {
        options: [
          { value: 'mts', label: label('MTS') },
          { value: 'mts', label: label('MTS 2') },
        ],
      },
      'fields[10] (operator).options[1].value',
      /repeats option value "mts"/,
    ],
    ['files accepting nothing', 2, { accept: [] }, 'fields[2] (receipt_scan).accept', /at least one type/],
    ['files accepting GIF', 2, { accept: ['image/gif'] }, 'fields[2] (receipt_scan).accept[0]', /must be one of image\/jpeg/],
    [
      'files accepting a type twice',
      2,
      { accept: ['image/png', 'image/png'] },
      'fields[2] (receipt_scan).accept[1]',
      /repeats type/,
    ],
    ['files with maxFiles 0', 2, { maxFiles: 0 }, 'fields[2] (receipt_scan).maxFiles', /at least 1/],
    ['files with maxFiles 21', 2, { maxFiles: 21 }, 'fields[2] (receipt_scan).maxFiles', /at most 20/],
    ['files without maxFiles', 2, { maxFiles: undefined }, 'fields[2] (receipt_scan).maxFiles', /^is required$/],
    ['files with maxSizeMb 26', 2, { maxSizeMb: 26 }, 'fields[2] (receipt_scan).maxSizeMb', /at most 25/],
    [
      'a pattern that does not compile',
      11,
      { pattern: '[a-z' },
      'fields[11] (operator_name).pattern',
      /not a valid regular expression/,
    ],
    ['a pattern too long', 11, { pattern: 'a'.repeat(201) }, 'fields[11] (operator_name).pattern', /at most 200/],
    [
      'text minLength > maxLength',
      11,
      { minLength: 60 },
      'fields[11] (operator_name).minLength',
      /must not exceed maxLength \(50\)/,
    ],
    ['textarea minLength > maxLength', 12, { minLength: 4000 }, 'fields[12] (details).minLength', /must not exceed maxLength/],
    ['money min > max', 4, { min: 20000 }, 'fields[4] (amount).min', /must not exceed max \(15000\)/],
    ['money with three decimals', 4, { min: 0.001 }, 'fields[4] (amount).min', /./],
    ['money without currencies', 4, { currencies: [] }, 'fields[4] (amount).currencies', /at least one currency/],
    ['money in an unknown currency', 4, { currencies: ['GBP'] }, 'fields[4] (amount).currencies[0]', /./],
    ['a non-integer maxDaysAgo', 5, { maxDaysAgo: 1.5 }, 'fields[5] (paid_at).maxDaysAgo', /expected int/],
    [
      'a malformed condition',
      1,
      { condition: { field: 'has_receipt', is: true } },
      'fields[1] (receipt_number).condition',
      /must be \{ field, equals \}/,
    ],
  ])('%s', (_what, index, patch, path, message) => {
    const errors = errorsOf(withField(index, patch));
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each<[string, number, Record<string, unknown>, string, string]>([
    [
      'a forward reference',
      3,
      { condition: { field: 'amount', equals: '1' } },
      'fields[3] (terminal_number).condition.field',
      'refers to "amount", which is not an earlier field',
    ],
    [
      'a reference to a missing field',
      3,
      { condition: { field: 'has_check', equals: false } },
      'fields[3] (terminal_number).condition.field',
      'refers to "has_check", which is not an earlier field',
    ],
    [
      'a self-reference',
      3,
      { condition: { field: 'terminal_number', equals: '1' } },
      'fields[3] (terminal_number).condition.field',
      'refers to the field itself',
    ],
    [
      'a text value for a checkbox',
      3,
      { condition: { field: 'has_receipt', equals: 'false' } },
      'fields[3] (terminal_number).condition.equals',
      'must be true or false: "has_receipt" is a checkbox',
    ],
    [
      'an "in" list for a checkbox',
      3,
      { condition: { field: 'has_receipt', in: ['true'] } },
      'fields[3] (terminal_number).condition.in[0]',
      'must be true or false: "has_receipt" is a checkbox',
    ],
    [
      'a value that is not an option',
      12,
      { condition: { field: 'operator', notEquals: 'megafon' } },
      'fields[12] (details).condition.notEquals',
      '"megafon" is not an option of "operator" (mts, beeline, other)',
    ],
    [
      'an "in" value that is not an option',
      11,
      { condition: { field: 'operator', in: ['other', 'tele2'] } },
      'fields[11] (operator_name).condition.in[1]',
      '"tele2" is not an option of "operator" (mts, beeline, other)',
    ],
    [
      'a boolean for a text field',
      12,
      { condition: { field: 'email', equals: true } },
      'fields[12] (details).condition.equals',
      'must be a text value: "email" is a email field',
    ],
    [
      'a money field',
      12,
      { condition: { field: 'amount', equals: '100' } },
      'fields[12] (details).condition.field',
      'refers to "amount", a money field, which cannot be compared',
    ],
  ])('a condition with %s', (_what, index, patch, path, message) => {
    expect(errorsOf(withField(index, patch))).toEqual([{ path, message }]);
  });

  it('a form that is not an object, has no fields or has unknown properties', () => {
    expect(errorsOf(null)).toEqual([{ path: '(form)', message: expect.any(String) }]);
    expect(errorsOf({ fields: [] })).toEqual([{ path: 'fields', message: 'must have at least one field' }]);
    expect(errorsOf({ ...terminalPayment(), title: 'x' })).toEqual([{ path: '(form)', message: 'has unknown property "title"' }]);
  });

  it('several problems at once, each with its field', () => {
    const form = terminalPayment() as { fields: Array<Record<string, unknown>> };
    form.fields[1] = { ...form.fields[1], key: 'Bad' };
    form.fields[2] = { ...form.fields[2], maxFiles: 50 };
    expect(errorsOf(form).map((e) => e.path)).toEqual(['fields[1] (Bad).key', 'fields[2] (receipt_scan).maxFiles']);
  });
});

describe('personal fields', () => {
  it('accepts the personal flag (passport data is sealed on the server)', () => {
    const result = parseFormDefinition({
      fields: [{ key: 'passport_data', type: 'text', personal: true, label: { ru: 'Паспорт', uk: 'Паспорт', en: 'Passport' } }],
    });
    expect(result.ok).toBe(true);
  });
});
