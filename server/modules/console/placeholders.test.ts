import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './console.workspace';

describe('canned answers’ placeholders', () => {
  it('fills known placeholders and keeps unknown ones for the operator to see', () => {
    expect(fillPlaceholders('Здравствуйте, {{customer.name}}! {{x.y}}', { 'customer.name': 'Иван' })).toEqual({
      text: 'Здравствуйте, Иван! {{x.y}}',
      empty: [],
    });
  });

  it('a guest without a name gets a neutral greeting, and the empty placeholder is reported', () => {
    expect(
      fillPlaceholders('Здравствуйте, {{customer.name}}! Обращение {{ticket.number}}.', {
        'customer.name': '',
        'ticket.number': 'PD-1',
      }),
    ).toEqual({
      text: 'Здравствуйте! Обращение PD-1.',
      empty: ['customer.name'],
    });
    expect(fillPlaceholders('{{customer.name}}, добрый день', { 'customer.name': ' ' }).empty).toEqual(['customer.name']);
  });
});
