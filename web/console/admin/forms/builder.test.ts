import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../../../common/forms/definition';
import type { FormDef } from '../../../../common/forms/types';
import { knownDefinitionMessage, placeErrors, previewForm, problemsAt, problemsUnder, unplacedProblems } from './builderErrors';
import { changeType, conditionTargets, fromFormDef, move, newField, toCandidate } from './builderState';
import type { FieldDraft } from './builderState';

const l = (text: string) => ({ ru: text, uk: text, en: text });

const SAMPLE: FormDef = {
  fields: [
    {
      key: 'topic',
      type: 'select',
      required: true,
      label: l('Тема'),
      options: [
        { value: 'wallet', label: l('Кошелёк') },
        { value: 'other', label: l('Другое') },
      ],
    },
    {
      key: 'details',
      type: 'textarea',
      label: l('Подробности'),
      minLength: 10,
      maxLength: 2000,
      condition: { field: 'topic', equals: 'other' },
    },
    { key: 'agree', type: 'checkbox', label: l('Согласен') },
    { key: 'amount', type: 'money', label: l('Сумма'), currencies: ['RUB', 'UAH'], min: 1, max: 15000.5 },
    { key: 'when', type: 'date', label: l('Дата'), notFuture: true, maxDaysAgo: 90, condition: { field: 'agree', equals: true } },
    { key: 'code', type: 'text', label: l('Код'), help: l('Шесть цифр'), pattern: '^\\d{6}$', maxLength: 6, personal: true },
    {
      key: 'scan',
      type: 'files',
      label: l('Скан'),
      accept: ['image/png', 'application/pdf'],
      maxFiles: 2,
      maxSizeMb: 5,
      condition: { field: 'topic', in: ['wallet', 'other'] },
    },
    { key: 'phone', type: 'phone', label: l('Телефон'), condition: { field: 'topic', notEquals: 'wallet' } },
  ],
};

function labelled(field: FieldDraft, text = 'Поле'): FieldDraft {
  return { ...field, label: l(text) };
}

describe('form builder state', () => {
  it('round-trips a definition of every kind of option through the editor state', () => {
    const candidate = toCandidate(fromFormDef(SAMPLE));
    expect(candidate).toEqual(SAMPLE);
    expect(parseFormDefinition(candidate)).toEqual({ ok: true, form: SAMPLE });
  });

  it('emits only the options of the chosen type after a type change', () => {
    const text = { ...labelled(newField('text')), key: 'ref', maxLength: '20', pattern: '^A' };
    const select = changeType(text, 'select');
    const out = toCandidate([select]).fields[0];
    expect(out).toEqual({ key: 'ref', type: 'select', label: l('Поле'), options: [{ value: 'option_1', label: l('') }] });
    // Back to text: the typed limits come back.
    expect(toCandidate([changeType(select, 'text')]).fields[0]).toMatchObject({ maxLength: 20, pattern: '^A' });
  });

  it('turns typed numbers into numbers, blanks into nothing and keeps other text for the check to name', () => {
    const money = { ...labelled(newField('money')), key: 'sum', min: '0,5', max: '' };
    expect(toCandidate([money]).fields[0]).toEqual({
      key: 'sum',
      type: 'money',
      label: l('Поле'),
      currencies: ['RUB'],
      min: 0.5,
    });
    const files = { ...labelled(newField('files')), key: 'docs', maxFiles: 'two' };
    const parsed = parseFormDefinition(toCandidate([files]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toEqual(['fields[0] (docs).maxFiles']);
  });

  it('compares a checkbox condition as a boolean and a select condition as text', () => {
    const agree = { ...labelled(newField('checkbox')), key: 'agree' };
    const more = {
      ...labelled(newField('text')),
      key: 'more',
      condition: { field: 'agree', op: 'equals' as const, values: ['true'] },
    };
    const other = {
      ...labelled(newField('text')),
      key: 'other',
      condition: { field: 'agree', op: 'in' as const, values: [' a ', ''] },
    };
    const out = toCandidate([agree, more, other]).fields;
    expect(out[1]?.condition).toEqual({ field: 'agree', equals: true });
    expect(out[2]?.condition).toEqual({ field: 'agree', in: ['a'] });
  });

  it('drops the help when all three texts are blank, and keeps a partly filled one for the check', () => {
    const field = { ...labelled(newField('email')), key: 'mail', help: { ru: 'Подсказка', uk: '', en: ' ' } };
    expect(toCandidate([field]).fields[0]?.help).toEqual({ ru: 'Подсказка', uk: '', en: '' });
    expect(toCandidate([{ ...field, help: { ru: ' ', uk: '', en: '' } }]).fields[0]).not.toHaveProperty('help');
  });

  it('picks unused keys for new fields and moves items within bounds', () => {
    expect(newField('text', ['field_1', 'field_2']).key).toBe('field_3');
    expect(newField('text', ['field_2']).key).toBe('field_3');
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('offers only earlier, comparable fields as condition targets', () => {
    const fields = fromFormDef(SAMPLE);
    expect(conditionTargets(fields, 4).map((f) => f.key)).toEqual(['topic', 'details', 'agree']);
  });
});

describe('definition errors in the builder', () => {
  it('places each error under the field and the input it names', () => {
    const fields = fromFormDef(SAMPLE);
    fields[0] = { ...fields[0]!, label: { ru: 'Тема', uk: '', en: 'Topic' } };
    fields[0]!.options[1] = { ...fields[0]!.options[1]!, value: 'wallet' };
    fields[1] = { ...fields[1]!, key: 'topic', condition: { field: 'nope', op: 'equals', values: ['x'] } };
    const parsed = parseFormDefinition(toCandidate(fields));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const placed = placeErrors(parsed.errors);
    expect(placed.form).toEqual([]);
    expect(problemsAt(placed.fields.get(0), 'label.uk')).toEqual(['must not be empty']);
    expect(problemsUnder(placed.fields.get(0), 'options').map((p) => p.path)).toEqual(['options[1].value']);
    expect(problemsAt(placed.fields.get(1), 'key')).toEqual(['repeats the key "topic" of an earlier field']);
    expect(problemsUnder(placed.fields.get(1), 'condition')).toHaveLength(1);
    expect(unplacedProblems(placed.fields.get(1))).toEqual([]);
  });

  it('reports form-wide problems apart from fields', () => {
    const parsed = parseFormDefinition(toCandidate([]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(placeErrors(parsed.errors).form).toEqual(['must have at least one field']);
  });

  it('previews what is valid, leaving out broken fields and the fields that depend on them', () => {
    const fields = fromFormDef(SAMPLE);
    fields[0] = { ...fields[0]!, label: { ru: '', uk: '', en: '' } };
    const { form, dropped } = previewForm(toCandidate(fields));
    // topic is broken; details, scan and phone point at it.
    expect(form.fields.map((f) => f.key)).toEqual(['agree', 'amount', 'when', 'code']);
    expect(dropped).toBe(4);
  });

  it('translates the validator texts it knows and leaves the rest', () => {
    expect(knownDefinitionMessage('must not be empty')).toEqual({ key: 'admin.def.empty' });
    expect(knownDefinitionMessage('must be at most 1000')).toEqual({ key: 'admin.def.atMost', params: { max: '1000' } });
    expect(knownDefinitionMessage('must not exceed maxLength (5)')).toEqual({ key: 'admin.def.exceeds', params: { max: '5' } });
    expect(knownDefinitionMessage('"x" is not an option of "topic" (a, b)')).toEqual({
      key: 'admin.def.notOption',
      params: { value: 'x', field: 'topic' },
    });
    expect(knownDefinitionMessage('something new')).toBeNull();
  });
});
