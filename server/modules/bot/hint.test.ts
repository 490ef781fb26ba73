import { describe, expect, it } from 'vitest';
import { closingHint, phrase } from './bot.text';

describe('the consultant’s closing sentence', () => {
  it('does not say «if it did not help» after an answer that already says it or says «write to us»', () => {
    for (const guide of [
      'Подождите несколько минут и проверьте настройки телефона; если не помогло — напишите нам.',
      'Перезагрузите телефон. Если не помогло, обратитесь в поддержку.',
      'Перезавантажте телефон; якщо не допомогло — напишіть нам.',
      'Restart the phone; if that did not help, write to us.',
    ])
      expect(closingHint(guide), guide).toBe('categoryLink');
  });

  it('offers the way on when the answer does not', () => {
    expect(closingHint('Проверьте баланс в приложении.')).toBe('categoryHint');
  });

  it('the two sentences differ: only one of them says «if it did not help»', () => {
    expect(phrase('ru', 'categoryLink', { category: 'Кошелёк' })).not.toMatch(/не помогло/);
    expect(phrase('ru', 'categoryHint', { category: 'Кошелёк' })).toMatch(/не помогло/);
  });
});
