import { describe, expect, it } from 'vitest';
import { findPassports, redactPassports } from './passports';

const values = (text: string) => findPassports(text).map((m) => [m.kind, m.value]);

describe('passport numbers in letters', () => {
  it.each([
    ['Мой паспорт 4508 123456, выдан в 2015', [['ru_passport', '4508 123456']]],
    ['серия 45 08 номер 123456', []],
    ['данные: 45 08 123456.', [['ru_passport', '45 08 123456']]],
    ['паспорт 4508 №123456', [['ru_passport', '4508 №123456']]],
    ['паспорт серии и номера 4508123456', [['ru_passport', '4508123456']]],
    ['Паспорт КВ 123456 виданий 2001 р.', [['ua_passport', 'КВ 123456']]],
    ['паспорт КВ123456', [['ua_passport', 'КВ123456']]],
    ['мій паспорт (ID-картка) 001234567', [['ua_id_card', '001234567']]],
  ])('finds %s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    'Мой кошелёк +79001234567, не проходит оплата',
    'позвоните 8 900 123-45-67 или 8 (900) 123 45 67',
    'кошелёк 79001234567',
    'номер телефона 9001234567',
    'Сумма 1 500 000 руб., платёж 12.03.2024 в 14:05',
    'Перевёл 4500 рублей 15.10.2024',
    'терминал 123456789 не выдал сдачу',
    'квитанция 000123456789 на сумму 1500,00',
    '+380 67 123 45 67 — мій номер',
    'Заказ ТП-123456 и код 1234 567890123',
  ])('leaves %s alone', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('masks every number and keeps the rest of the text', () => {
    const { text, found } = redactPassports('Паспорт 45 08 123456 и ещё ID-картка 001234567, телефон +79161112233.');
    expect(found).toHaveLength(2);
    expect(text).toBe('Паспорт •• •• ••••56 и ещё ID-картка •••••••67, телефон +79161112233.');
    expect(text).not.toMatch(/45 08 123456|001234567/);
  });
});
