import { describe, expect, it } from 'vitest';
import { findPii, hasPii, luhnValid } from './find';

const found = (text: string) => findPii(text).map((m) => [m.kind, m.value]);

describe('identity documents', () => {
  it.each([
    ['Мой паспорт 4508 123456, выдан в 2015', [['ru_passport', '4508 123456']]],
    ['данные: 45 08 123456.', [['ru_passport', '45 08 123456']]],
    ['паспорт 4508 №123456', [['ru_passport', '4508 №123456']]],
    ['паспорт 4508 № 123456', [['ru_passport', '4508 № 123456']]],
    ['серия 45 08 номер 123456', [['ru_passport', '45 08 номер 123456']]],
    ['Серия 4508, номер 123456, выдан ОВД', [['ru_passport', '4508, номер 123456']]],
    ['Passport series 4508 No. 123456', [['ru_passport', '4508 No. 123456']]],
    ['паспорт серии и номера 4508123456', [['ru_passport', '4508123456']]],
    ['Паспорт:\n4508 123456', [['ru_passport', '4508 123456']]],
    ['4508\u00a0123456 — мои паспортные данные', [['ru_passport', '4508\u00a0123456']]],
    ['Паспорт КВ 123456 виданий 2001 р.', [['ua_passport', 'КВ 123456']]],
    ['паспорт КВ123456', [['ua_passport', 'КВ123456']]],
    ['Паспорт серії МЕ № 123456', [['ua_passport', 'МЕ № 123456']]],
    ['мій паспорт: серія кв 123456', [['ua_passport', 'кв 123456']]],
    ['my passport KB 123456', [['ua_passport', 'KB 123456']]],
    ['мій паспорт (ID-картка) 001234567', [['ua_id_card', '001234567']]],
    ['ID-картка № 001234567', [['ua_id_card', '001234567']]],
    ['номер ID card: 001234567', [['ua_id_card', '001234567']]],
    ['паспорт громадянина у формі картки 001234567', [['ua_id_card', '001234567']]],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('card numbers', () => {
  it.each([
    ['Карта 4111 1111 1111 1111 заблокирована', [['card', '4111 1111 1111 1111']]],
    ['card 5555-5555-5555-4444, please help', [['card', '5555-5555-5555-4444']]],
    ['4111111111111111', [['card', '4111111111111111']]],
    ['списали с 4276 1234 5678 9014!', [['card', '4276 1234 5678 9014']]],
    ['Amex 3782 822463 10005', [['card', '3782 822463 10005']]],
    ['Diners 3056 930902 5904', [['card', '3056 930902 5904']]],
    ['оплачивал картой Мир 2202\u00a02000\u00a00000\u00a00008', [['card', '2202\u00a02000\u00a00000\u00a00008']]],
    ['Maestro 6304 0000 0000 0000 018', [['card', '6304 0000 0000 0000 018']]],
    ['UnionPay 6271820000000000009.', [['card', '6271820000000000009']]],
    // a phone or money word before a card does not make it something else
    ['Перевёл с карты на кошелёк 4111 1111 1111 1111', [['card', '4111 1111 1111 1111']]],
    ['платёж с 5555555555554444 не дошёл', [['card', '5555555555554444']]],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('finds every number of a letter, in order, each once', () => {
    const text =
      'Здравствуйте! Паспорт 4508 123456, карта 4111 1111 1111 1111, ID-картка 001234567, ' +
      'телефон +79001234567, заявка PD-1000014.';
    expect(found(text)).toEqual([
      ['ru_passport', '4508 123456'],
      ['card', '4111 1111 1111 1111'],
      ['ua_id_card', '001234567'],
    ]);
    for (const m of findPii(text)) expect(text.slice(m.start, m.end)).toBe(m.value);
  });
});

describe('what is not personal data', () => {
  it.each([
    // phones and wallets
    'Мой кошелёк +79001234567, не проходит оплата',
    'позвоните 8 900 123-45-67 или 8 (900) 123 45 67',
    'кошелёк 79001234567',
    'номер телефона 9001234567',
    'паспорт дома, телефон 9001234567',
    '+380 67 123 45 67 — мій номер',
    '+7 4508 123456',
    'WebMoney Z123456789012',
    // amounts, dates, times
    'Сумма 1 500 000 руб., платёж 12.03.2024 в 14:05',
    'Перевёл 4500 рублей 15.10.2024',
    'Списано 4508 123456 руб.',
    'Сумма 4111111111111111.50',
    'время 10:30:15, дата 2024-01-15',
    // requests, receipts, terminals, operations, orders, accounts
    'Номер заявки PD-1000014',
    'заявка PD 1000014 и PD-10000000000003',
    'терминал 123456789 не выдал сдачу',
    'Терминал 4508 123456 не выдал чек',
    'паспорт есть, а терминал 1234 567890 сломан',
    'чек № 1234 567890',
    'квитанция 000123456789 на сумму 1500,00',
    'Заказ ТП-123456 и код 1234 567890123',
    'транзакция 4111111111111111',
    'номер операции 4111 1111 1111 1111',
    'RRN 411111111111111',
    'ИНН 7707083893',
    'Счёт 40817810099910004312',
    'IBAN UA213223130000026007233566001',
    // look like a card but are not one
    '4111 1111 1111 1112',
    '1111 1111 1111 1117',
    '0000000000000',
    '4111 11 11 1111 1111',
    '41111 11111 111111',
    // glued into something else
    'https://example.com/pay/4111111111111111',
    'color: #4111111111111111',
    'user4111111111111111@example.com',
    'ID 123456',
    'ИП 1234567890',
    'N123456789 без контекста',
    '001234567',
    '4508123456',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('Luhn', () => {
  it('accepts valid numbers and refuses a mistyped digit or a swap', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4111111111111121')).toBe(false);
  });
});

describe('large and hostile text', () => {
  it('handles long runs of digits and spaces (no backtracking blow-up) and still finds the number at the end', () => {
    const text = '1 '.repeat(100_000) + 'паспорт 4508 123456';
    expect(found(text)).toEqual([['ru_passport', '4508 123456']]);
    const digits = '7'.repeat(200_000);
    expect(hasPii(digits)).toBe(false);
    const spaced = '4111 '.repeat(50_000);
    expect(findPii(spaced).length).toBe(0);
  });

  it('says whether a text holds anything', () => {
    expect(hasPii('паспорт 4508 123456')).toBe(true);
    expect(hasPii('Спасибо за помощь!')).toBe(false);
  });
});
