import { describe, expect, it } from 'vitest';
import type { FormDef } from '../../../common/forms/types';
import type { CatalogNode } from '../../api/requests';
import { contactBase, formHeading, resolveSlugs, slugsFromPath, trailHref } from './catalogPath';
import { acceptAttribute, typeNames } from '../../ui/fields/FilePicker';
import { fileTypeOf, filesByField, initialValues, newIdempotencyKey, payloadFields, toValidatorValues } from './formDraft';

const l = (ru: string) => ({ ru, uk: ru, en: ru });
const node = (slug: string, children: CatalogNode[] = []): CatalogNode => ({
  id: `id-${slug}`,
  slug,
  name: l(slug),
  hint: l(''),
  audience: 'customer',
  isLeaf: children.length === 0,
  children,
});
const tree = [node('wallet', [node('blocked')]), node('terminals', [node('not-credited', [node('with-receipt')])])];

describe('catalogue paths', () => {
  it('reads the slugs after the base and builds the URL back', () => {
    expect(slugsFromPath('/contact', '/contact')).toEqual([]);
    expect(slugsFromPath('/contact/terminals/not-credited/', '/contact')).toEqual(['terminals', 'not-credited']);
    expect(slugsFromPath('/contactless', '/contact')).toEqual([]);
    expect(slugsFromPath('/agents/contact/x%20y', contactBase('agent'))).toEqual(['x y']);
    const resolved = resolveSlugs(tree, ['terminals', 'not-credited', 'with-receipt']);
    expect(resolved.found && resolved.trail.map((n) => n.slug)).toEqual(['terminals', 'not-credited', 'with-receipt']);
    expect(resolved.found && trailHref('/contact', resolved.trail)).toBe('/contact/terminals/not-credited/with-receipt');
    expect(trailHref('/contact', [])).toBe('/contact');
  });

  it('does not find a slug that is not a child of the level above', () => {
    expect(resolveSlugs(tree, ['wallet', 'not-credited'])).toEqual({ found: false });
    expect(resolveSlugs(tree, [])).toEqual({ found: true, trail: [] });
  });
});

const form: FormDef = {
  fields: [
    { key: 'amount', type: 'money', currencies: ['RUB', 'UAH'], label: l('Сумма'), required: true },
    { key: 'agree', type: 'checkbox', label: l('Да') },
    { key: 'scan', type: 'files', accept: ['image/png', 'image/heic'], maxFiles: 2, label: l('Скан') },
    { key: 'extra', type: 'files', accept: ['image/png'], maxFiles: 1, label: l('Ещё') },
    { key: 'text', type: 'text', label: l('Текст') },
  ],
};

describe('form heading', () => {
  it('says the path’s meaning, not only the last step', () => {
    expect(formHeading(['Терминалы', 'Платёж через терминал не дошёл', 'Чек сохранился'])).toBe(
      'Платёж через терминал не дошёл — чек сохранился',
    );
    expect(formHeading(['Кошелёк', 'SMS-код не приходит'])).toBe('Кошелёк — SMS-код не приходит');
    expect(formHeading(['Другой вопрос'])).toBe('Другой вопрос');
    expect(formHeading([])).toBe('');
  });
});

describe('form draft', () => {
  it('starts every type empty', () => {
    expect(initialValues(form)).toEqual({ amount: { amount: '', currency: 'RUB' }, agree: false, scan: [], extra: [], text: '' });
  });

  it('gives the validator file descriptors, with the type guessed from the name when the browser has none', () => {
    const heic = new File(['x'], 'IMG_1.HEIC');
    const png = new File(['abc'], 'a.png', { type: 'image/png' });
    expect(fileTypeOf(heic)).toBe('image/heic');
    expect(fileTypeOf({ name: 'x.bin', type: '' })).toBe('application/octet-stream');
    expect(toValidatorValues({ scan: [heic, png], text: 'hi' })).toEqual({
      scan: [
        { name: 'IMG_1.HEIC', size: 1, type: 'image/heic' },
        { name: 'a.png', size: 3, type: 'image/png' },
      ],
      text: 'hi',
    });
  });

  it('sends files as parts only for visible fields, and keeps them out of the JSON fields', () => {
    const png = new File(['abc'], 'a.png', { type: 'image/png' });
    const values = { scan: [png], extra: [png], text: 'x' };
    expect(filesByField(form, values, new Set(['scan', 'text']))).toEqual({ scan: [png] });
    expect(payloadFields(form, { scan: [{ name: 'a.png', size: 3, type: 'image/png' }], text: 'x', agree: true })).toEqual({
      text: 'x',
      agree: true,
    });
  });

  it('makes a new idempotency key each time, long enough for the API (8–100 characters)', () => {
    const a = newIdempotencyKey();
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(100);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('file picker', () => {
  it('accepts MIME types with their extensions and names them', () => {
    expect(acceptAttribute(['image/jpeg', 'application/pdf'])).toBe('image/jpeg,.jpg,.jpeg,application/pdf,.pdf');
    expect(typeNames(['image/jpeg', 'image/png', 'image/heic', 'application/pdf'])).toBe('JPG, PNG, HEIC, PDF');
  });
});
