/**
 * The check of a form definition an admin submits: structure, limits, and conditions that only look back
 * at earlier fields (so they can never form a cycle).
 */
import { z } from 'zod';
import { CURRENCIES, FILE_TYPES, type FieldDef, type FormDef } from './types';

/** Form keys: a lowercase latin letter, then up to 39 letters, digits or underscores. */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** Most fields in one form. */
export const MAX_FIELDS = 100;
/** Longest `pattern` of a text field (a guard against unreadable and catastrophic expressions). */
export const MAX_PATTERN_LENGTH = 200;

const nonEmpty = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const l10n = (max: number) => z.strictObject({ ru: nonEmpty(max), uk: nonEmpty(max), en: nonEmpty(max) });
const scalar = z.union([z.string(), z.boolean()], { error: 'must be a string or true/false' });

const conditionSchema = z.union(
  [
    z.strictObject({ field: z.string(), equals: scalar }),
    z.strictObject({ field: z.string(), notEquals: scalar }),
    z.strictObject({ field: z.string(), in: z.array(z.string()).min(1, 'must list at least one value').max(100) }),
  ],
  { error: 'must be { field, equals }, { field, notEquals } or { field, in: [...] }' },
);

const base = {
  key: z.string().regex(FIELD_KEY_PATTERN, 'must be a lowercase latin letter followed by up to 39 letters, digits or _'),
  label: l10n(200),
  help: l10n(1000).optional(),
  required: z.boolean().optional(),
  condition: conditionSchema.optional(),
  personal: z.boolean().optional(),
};

const count = (min: number, max: number) => z.int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const range = (min: number, max: number) => z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const cents = (min: number) =>
  range(min, 1e12).refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'must have at most two decimal places');

/** Adds "min must not exceed max" when both are set. */
function minMax(ctx: z.core.$RefinementCtx<unknown>, min: number | undefined, max: number | undefined, names: [string, string]) {
  if (min !== undefined && max !== undefined && min > max) {
    ctx.addIssue({ code: 'custom', path: [names[0]], message: `must not exceed ${names[1]} (${max})` });
  }
}

/** Adds an issue at `[name, i]` for each repeated item. */
function unique(ctx: z.core.$RefinementCtx<unknown>, items: readonly string[], name: string, what: string) {
  items.forEach((item, i) => {
    if (items.indexOf(item) !== i) ctx.addIssue({ code: 'custom', path: [name, i], message: `repeats ${what} "${item}"` });
  });
}

const REPEAT = /^(?:[+*]|\{\d*,\d*\})/;

/**
 * Whether a (compiling) pattern repeats a group that contains a repetition, like `(a+)+` or `((a|b)*c)*`:
 * the classic catastrophic-backtracking shape, refused so one form submission cannot stall the server.
 */
function hasNestedRepetition(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it contain a repetition?
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') i += 1;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') groups.push(false);
    else if (ch === ')') {
      const repeated = groups.pop() ?? false;
      const quantified = REPEAT.test(pattern.slice(i + 1));
      if (repeated && quantified) return true;
      if (groups.length > 0 && (repeated || quantified)) groups[groups.length - 1] = true;
    } else if (groups.length > 0 && REPEAT.test(pattern.slice(i))) groups[groups.length - 1] = true;
  }
  return false;
}

const textSchema = z
  .strictObject({
    ...base,
    type: z.literal('text'),
    minLength: count(0, 1000).optional(),
    maxLength: count(1, 1000).optional(),
    pattern: z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`)
      .optional(),
  })
  .superRefine((f, ctx) => {
    minMax(ctx, f.minLength, f.maxLength, ['minLength', 'maxLength']);
    if (f.pattern === undefined) return;
    try {
      new RegExp(f.pattern, 'u');
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `is not a valid regular expression: ${(e as Error).message}` });
      return;
    }
    if (hasNestedRepetition(f.pattern)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: 'repeats a group that itself repeats, like (a+)+: too slow to check',
      });
    }
  });

const textareaSchema = z
  .strictObject({
    ...base,
    type: z.literal('textarea'),
    minLength: count(0, 20000).optional(),
    maxLength: count(1, 20000).optional(),
  })
  .superRefine((f, ctx) => minMax(ctx, f.minLength, f.maxLength, ['minLength', 'maxLength']));

const moneySchema = z
  .strictObject({
    ...base,
    type: z.literal('money'),
    currencies: z.array(z.enum(CURRENCIES)).min(1, 'must list at least one currency'),
    min: cents(0.01).optional(),
    max: cents(0.01).optional(),
  })
  .superRefine((f, ctx) => {
    minMax(ctx, f.min, f.max, ['min', 'max']);
    unique(ctx, f.currencies, 'currencies', 'currency');
  });

const dateLimits = { notFuture: z.boolean().optional(), maxDaysAgo: count(1, 36500).optional() };

const selectSchema = z
  .strictObject({
    ...base,
    type: z.literal('select'),
    options: z
      .array(
        z.strictObject({
          value: z
            .string()
            .min(1, 'must not be empty')
            .max(100)
            .refine((v) => v.trim() === v, 'must not start or end with spaces'),
          label: l10n(200),
        }),
      )
      .min(1, 'must list at least one option')
      .max(200, 'must list at most 200 options'),
  })
  .superRefine((f, ctx) =>
    f.options.forEach((o, i) => {
      if (f.options.findIndex((p) => p.value === o.value) !== i) {
        ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], message: `repeats option value "${o.value}"` });
      }
    }),
  );

const filesSchema = z
  .strictObject({
    ...base,
    type: z.literal('files'),
    accept: z
      .array(z.enum(FILE_TYPES, { error: `must be one of ${FILE_TYPES.join(', ')}` }))
      .min(1, 'must list at least one type'),
    maxFiles: count(1, 20),
    maxSizeMb: range(1, 25).optional(),
  })
  .superRefine((f, ctx) => unique(ctx, f.accept, 'accept', 'type'));

const fieldSchema = z.discriminatedUnion(
  'type',
  [
    textSchema,
    textareaSchema,
    z.strictObject({ ...base, type: z.literal('email') }),
    z.strictObject({ ...base, type: z.literal('phone') }),
    z.strictObject({ ...base, type: z.literal('wallet') }),
    moneySchema,
    z.strictObject({ ...base, type: z.literal('date'), ...dateLimits, notBefore: z.string().min(1).max(64).optional() }),
    z.strictObject({ ...base, type: z.literal('datetime'), ...dateLimits }),
    selectSchema,
    z.strictObject({ ...base, type: z.literal('checkbox') }),
    z.strictObject({ ...base, type: z.literal('terminal_id') }),
    z.strictObject({ ...base, type: z.literal('receipt_number') }),
    filesSchema,
  ],
  {
    error:
      'has no valid type (text, textarea, email, phone, wallet, money, date, datetime, select, checkbox, terminal_id, receipt_number, files)',
  },
);

type Problem = [path: Array<string | number>, message: string];

/** Problems of a condition against the field it refers to: [path below `condition`, message]. */
function conditionProblems(field: FieldDef, earlier: FieldDef[]): Problem[] {
  const cond = field.condition;
  if (!cond) return [];
  if (cond.field === field.key) return [[['field'], 'refers to the field itself']];
  const ref = earlier.find((f) => f.key === cond.field);
  if (!ref) return [[['field'], `refers to "${cond.field}", which is not an earlier field`]];
  if (ref.type === 'money' || ref.type === 'files')
    return [[['field'], `refers to "${ref.key}", a ${ref.type} field, which cannot be compared`]];
  const [name, values]: [string, Array<string | boolean>] =
    'equals' in cond ? ['equals', [cond.equals]] : 'notEquals' in cond ? ['notEquals', [cond.notEquals]] : ['in', cond.in];
  const problems: Problem[] = [];
  values.forEach((v, i) => {
    const path = name === 'in' ? [name, i] : [name];
    if (ref.type === 'checkbox') {
      if (typeof v !== 'boolean') problems.push([path, `must be true or false: "${ref.key}" is a checkbox`]);
    } else if (typeof v !== 'string') {
      problems.push([path, `must be a text value: "${ref.key}" is a ${ref.type} field`]);
    } else if (ref.type === 'select' && !ref.options.some((o) => o.value === v)) {
      problems.push([path, `"${v}" is not an option of "${ref.key}" (${ref.options.map((o) => o.value).join(', ')})`]);
    }
  });
  return problems;
}

/** Zod schema of a form definition as an admin submits it (strict: unknown properties are refused). */
export const formDefinitionSchema: z.ZodType<FormDef> = z
  .strictObject({
    fields: z.array(fieldSchema).min(1, 'must have at least one field').max(MAX_FIELDS, `must have at most ${MAX_FIELDS} fields`),
  })
  .superRefine((form, ctx) => {
    form.fields.forEach((field, i) => {
      if (form.fields.findIndex((f) => f.key === field.key) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'key'],
          message: `repeats the key "${field.key}" of an earlier field`,
        });
      }
      for (const [sub, message] of conditionProblems(field, form.fields.slice(0, i))) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'condition', ...sub], message });
      }
    });
  });

/** One problem of a definition: where (naming the field, e.g. `fields[3] (terminal_number).condition.field`) and what. */
export type DefinitionError = { path: string; message: string };

function fieldKeyAt(input: unknown, index: number): string | undefined {
  if (typeof input !== 'object' || input === null || !('fields' in input) || !Array.isArray(input.fields)) return undefined;
  const field: unknown = input.fields[index];
  if (typeof field !== 'object' || field === null || !('key' in field)) return undefined;
  return typeof field.key === 'string' && field.key !== '' ? field.key.slice(0, 40) : undefined;
}

function formatPath(input: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  path.forEach((part, i) => {
    if (typeof part === 'number') {
      out += `[${part}]`;
      const key = i === 1 && path[0] === 'fields' ? fieldKeyAt(input, part) : undefined;
      if (key !== undefined) out += ` (${key})`;
    } else out += `${out === '' ? '' : '.'}${String(part)}`;
  });
  return out === '' ? '(form)' : out;
}

/** Checks a submitted form definition; every error names the field it is about. */
export function parseFormDefinition(input: unknown): { ok: true; form: FormDef } | { ok: false; errors: DefinitionError[] } {
  const parsed = formDefinitionSchema.safeParse(input, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
  });
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const where = formatPath(input, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return {
        path: where,
        message: `has unknown ${issue.keys.length === 1 ? 'property' : 'properties'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      };
    }
    return { path: where, message: issue.message };
  });
  return { ok: false, errors };
}
