import { describe, expect, it } from 'vitest';
import { maskPii, maskText, revealText, sealText } from './seal';

/** A reversible stand-in for the server's AES cipher (common/ has no node:crypto); every call differs like a real IV. */
function fakeCipher() {
  let n = 0;
  return {
    encrypt: (plain: string) => `sealed:${n++}:${Buffer.from(plain).toString('base64')}`,
    decrypt: (sealed: string) => Buffer.from(sealed.split(':')[2]!, 'base64').toString(),
  };
}

describe('masks', () => {
  it.each([
    ['ru_passport', '4508 123456', '•••• ••••56'],
    ['ru_passport', '45 08 номер 123456', '•• •• номер ••••56'],
    ['ru_passport', '4508123456', '••••••••56'],
    ['ua_passport', 'КВ 123456', '•• ••••56'],
    ['ua_passport', 'МЕ № 123456', '•• № ••••56'],
    ['ua_id_card', '001234567', '•••••••67'],
    ['card', '4111 1111 1111 1111', '•••• •••• •••• 1111'],
    ['card', '5555-5555-5555-4444', '••••-••••-••••-4444'],
    ['card', '378282246310005', '•••••••••••0005'],
  ] as const)('%s %j → %j', (kind, value, mask) => {
    expect(maskPii(kind, value)).toBe(mask);
    expect(mask).toHaveLength(value.length);
  });

  it('masks every number and keeps the rest of the text', () => {
    const { text, found } = maskText('Паспорт 45 08 123456 и ещё ID-картка 001234567, телефон +79161112233.');
    expect(found).toHaveLength(2);
    expect(text).toBe('Паспорт •• •• ••••56 и ещё ID-картка •••••••67, телефон +79161112233.');
  });

  it('finds nothing more in a masked text', () => {
    const once = maskText('Карта 4111 1111 1111 1111, паспорт 4508 123456, КВ 123456').text;
    expect(maskText(once)).toEqual({ text: once, found: [] });
  });

  it('returns a text without numbers as it is', () => {
    const text = 'Не пришёл платёж 1500 руб. по заявке PD-1000014';
    expect(maskText(text)).toEqual({ text, found: [] });
  });
});

describe('sealing', () => {
  const original = 'Паспорт 4508 123456, карта 4111 1111 1111 1111. Телефон +79001234567.';

  it('stores masks in the text and the originals sealed, one per number', () => {
    const { text, sealed } = sealText(original, fakeCipher());
    expect(text).toBe('Паспорт •••• ••••56, карта •••• •••• •••• 1111. Телефон +79001234567.');
    expect(text).not.toContain('4508 123456');
    expect(text).not.toContain('4111 1111 1111 1111');
    expect(sealed.map((s) => [s.kind, s.mask])).toEqual([
      ['ru_passport', '•••• ••••56'],
      ['card', '•••• •••• •••• 1111'],
    ]);
    for (const s of sealed) {
      expect(text.slice(s.start, s.end)).toBe(s.mask);
      expect(s.sealed).not.toContain('4508');
    }
  });

  it('reveals the original text to whoever may see it', () => {
    const cipher = fakeCipher();
    const { text, sealed } = sealText(original, cipher);
    expect(revealText(text, sealed, cipher)).toBe(original);
  });

  it('keeps a piece masked when the text around it was edited', () => {
    const cipher = fakeCipher();
    const { text, sealed } = sealText(original, cipher);
    const edited = `Добавлено. ${text}`;
    expect(revealText(edited, sealed, cipher)).toBe(edited);
  });

  it('seals nothing in a text without numbers', () => {
    expect(sealText('Спасибо!', fakeCipher())).toEqual({ text: 'Спасибо!', sealed: [] });
  });
});
