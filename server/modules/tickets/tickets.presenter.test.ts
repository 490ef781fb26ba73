import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../../common/forms/types';
import { ticketsText } from './tickets.messages';
import { displayValue } from './tickets.presenter';

const consent = { key: 'consent', type: 'checkbox', label: { ru: 'Согласие', uk: 'Згода', en: 'Consent' } } as FieldDef;

describe('request texts in the reader’s language', () => {
  it('shows a yes/no field as a word of the language', () => {
    expect(displayValue(consent, true, 'ru')).toBe('Да');
    expect(displayValue(consent, false, 'ru')).toBe('Нет');
    expect(displayValue(consent, true, 'uk')).toBe('Так');
    expect(displayValue(consent, false, 'en')).toBe('No');
  });

  it('tells the customer of a merged request where the conversation goes on', () => {
    expect(ticketsText('uk', 'tickets.merged', { number: 'PD-1234-5' })).toBe(
      'Звернення об’єднано зі зверненням PD-1234-5: листування продовжиться там.',
    );
    expect(ticketsText('en', 'tickets.merged', { number: 'PD-1234-5' })).toBe(
      'This request was merged into PD-1234-5; the conversation continues there.',
    );
  });
});
