/**
 * Problems of a form definition, placed next to what they name: `parseFormDefinition` reports
 * paths like `fields[3] (terminal_number).condition.field`; the builder shows each under the input
 * of field 3 that edits `condition`, and translates the validator's English texts where it knows them.
 */
import { parseFormDefinition } from '../../../../common/forms/definition';
import type { DefinitionError } from '../../../../common/forms/definition';
import type { FormDef } from '../../../../common/forms/types';
import type { MessageKey } from '../../../i18n/catalogues';

/** One problem of one field: `path` below the field (`label.uk`, `options[1].value`, '' = the field itself). */
export type FieldProblem = { path: string; message: string };

export type PlacedErrors = {
  /** Problems of the whole form (no field named). */
  form: string[];
  /** By field index. */
  fields: Map<number, FieldProblem[]>;
};

const FIELD_PATH = /^fields\[(\d+)\](?: \([^)]*\))?(?:\.(.*))?$/;

/** Sorts definition errors by the field they name. */
export function placeErrors(errors: readonly DefinitionError[]): PlacedErrors {
  const placed: PlacedErrors = { form: [], fields: new Map() };
  for (const e of errors) {
    const match = FIELD_PATH.exec(e.path);
    if (!match) {
      placed.form.push(e.message);
      continue;
    }
    const index = Number(match[1]);
    const list = placed.fields.get(index) ?? [];
    list.push({ path: match[2] ?? '', message: e.message });
    placed.fields.set(index, list);
  }
  return placed;
}

/** The problems at exactly `path`. */
export function problemsAt(problems: readonly FieldProblem[] | undefined, path: string): string[] {
  return (problems ?? []).filter((p) => p.path === path).map((p) => p.message);
}

/** The problems at `prefix` or anywhere below it (`options` covers `options[2].label.en`). */
export function problemsUnder(problems: readonly FieldProblem[] | undefined, prefix: string): FieldProblem[] {
  return (problems ?? []).filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
}

/** Paths the field editor shows next to an input; anything else is listed at the top of the field. */
const SHOWN_AT_INPUTS = [
  'key',
  'label.ru',
  'label.uk',
  'label.en',
  'help.ru',
  'help.uk',
  'help.en',
  'condition',
  'minLength',
  'maxLength',
  'pattern',
  'currencies',
  'min',
  'max',
  'maxDaysAgo',
  'options',
  'accept',
  'maxFiles',
  'maxSizeMb',
];

/** The problems no input claims (e.g. an unknown type, or `label` missing altogether). */
export function unplacedProblems(problems: readonly FieldProblem[] | undefined): FieldProblem[] {
  return (problems ?? []).filter((p) => !SHOWN_AT_INPUTS.some((prefix) => problemsUnder([p], prefix).length > 0));
}

/**
 * The form the preview can show: the candidate minus the fields with problems (repeated until what
 * is left passes, since a condition may point at a dropped field). `dropped` counts the fields left out.
 */
export function previewForm(candidate: { fields: unknown[] }): { form: FormDef; dropped: number } {
  let fields = [...candidate.fields];
  for (let round = 0; round <= candidate.fields.length; round += 1) {
    const parsed = parseFormDefinition({ fields });
    if (parsed.ok) return { form: parsed.form, dropped: candidate.fields.length - fields.length };
    const bad = placeErrors(parsed.errors).fields;
    if (bad.size === 0) break;
    fields = fields.filter((_, i) => !bad.has(i));
  }
  return { form: { fields: [] }, dropped: candidate.fields.length };
}

type Known = { key: MessageKey; params?: Record<string, string> };

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Known]> = [
  [/^must not be empty$/, () => ({ key: 'admin.def.empty' })],
  [/^is required$/, () => ({ key: 'admin.def.required' })],
  [/^must be at most (\d+) characters$/, (m) => ({ key: 'admin.def.tooLong', params: { max: m[1] ?? '' } })],
  [/^must be at least ([\d.]+)$/, (m) => ({ key: 'admin.def.atLeast', params: { min: m[1] ?? '' } })],
  [/^must be at most ([\d.e+]+)$/, (m) => ({ key: 'admin.def.atMost', params: { max: m[1] ?? '' } })],
  [/^must have at most two decimal places$/, () => ({ key: 'admin.def.cents' })],
  [/^must not exceed \w+ \(([\d.]+)\)$/, (m) => ({ key: 'admin.def.exceeds', params: { max: m[1] ?? '' } })],
  [/^must be a lowercase latin letter/, () => ({ key: 'admin.def.keyFormat' })],
  [/^repeats the key "(.*)" of an earlier field$/, (m) => ({ key: 'admin.def.repeatKey', params: { key: m[1] ?? '' } })],
  [/^repeats option value "(.*)"$/, (m) => ({ key: 'admin.def.repeats', params: { item: m[1] ?? '' } })],
  [/^repeats \w+ "(.*)"$/, (m) => ({ key: 'admin.def.repeats', params: { item: m[1] ?? '' } })],
  [/^is not a valid regular expression/, () => ({ key: 'admin.def.regex' })],
  [/^repeats a group that itself repeats/, () => ({ key: 'admin.def.slowRegex' })],
  [/^must list at least one currency$/, () => ({ key: 'admin.def.oneCurrency' })],
  [/^must list at least one option$/, () => ({ key: 'admin.def.oneOption' })],
  [/^must list at least one type$/, () => ({ key: 'admin.def.oneType' })],
  [/^must list at least one value$/, () => ({ key: 'admin.def.oneValue' })],
  [/^must not start or end with spaces$/, () => ({ key: 'admin.def.spaces' })],
  [/^must have at least one field$/, () => ({ key: 'admin.def.oneField' })],
  [/^refers to the field itself$/, () => ({ key: 'admin.def.selfRef' })],
  [/^refers to "(.*)", which is not an earlier field$/, (m) => ({ key: 'admin.def.notEarlier', params: { field: m[1] ?? '' } })],
  [
    /^refers to "(.*)", a \w+ field, which cannot be compared$/,
    (m) => ({ key: 'admin.def.notComparable', params: { field: m[1] ?? '' } }),
  ],
  [/^must be true or false/, () => ({ key: 'admin.def.boolean' })],
  [
    /^"(.*)" is not an option of "(.*)" /,
    (m) => ({ key: 'admin.def.notOption', params: { value: m[1] ?? '', field: m[2] ?? '' } }),
  ],
  [/expected (number|int)/, () => ({ key: 'admin.def.number' })],
];

/** The catalogue message for a validator text, or null when it is not one the builder knows. */
export function knownDefinitionMessage(message: string): Known | null {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return build(match);
  }
  return null;
}
