import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/errors';
import { SETTING_DEFAULTS } from '../settings/settings.defaults';
import { AUTO_SUBMITTED, MAIL_TEMPLATES, renderMail, type MailBrand } from './templates';
import { chain, REFERENCES_CAP } from './thread';

const brand: MailBrand = {
  branding: {
    productName: 'Кошелёк+',
    legalName: 'ООО «Кошелёк» <legal>',
    logoUrl: '/brand/logo.png',
    footer: { ru: 'Горячая линия 8 800 111-22-33', uk: 'Гаряча лінія 8 800 111-22-33', en: 'Hotline 8 800 111-22-33' },
  },
  contacts: SETTING_DEFAULTS.contacts,
  baseUrl: 'https://help.example.test',
};
const url = 'https://help.example.test/requests/PD-1000014?x=1&y=2';

describe('every template in every language', () => {
  for (const template of MAIL_TEMPLATES)
    for (const locale of LOCALES)
      it(`${template} in ${locale}: number in the subject, the link, branding and footer in both parts`, () => {
        const body = template === 'ticket.new_answer' || template === 'ticket.question' ? 'Проверьте, пожалуйста, чек.' : null;
        const m = renderMail(
          template,
          locale,
          { number: 'PD-1000014', url, expectedBy: new Date('2026-03-02T10:00:00Z'), body },
          brand,
        );
        expect(m.subject.startsWith('[#PD-1000014] ')).toBe(true);
        expect(m.subject).toContain('PD-1000014');
        expect(m.subject).not.toMatch(/[\r\n]/);
        expect(m.text).toContain(url);
        expect(m.html).toContain('href="https://help.example.test/requests/PD-1000014?x=1&amp;y=2"');
        expect(m.html).toContain(`lang="${locale}"`);
        expect(m.text).toContain(brand.branding.footer[locale]);
        expect(m.html).toContain(brand.branding.footer[locale]);
        expect(m.text).toContain('ООО «Кошелёк» <legal>');
        expect(m.html).toContain('ООО «Кошелёк» &lt;legal&gt;');
        expect(m.html).toContain('src="https://help.example.test/brand/logo.png"');
        expect(m.text).not.toMatch(/<\/?(p|a|div|br|img|table|html)\b/i);
        if (body) {
          expect(m.text).toContain(body);
          expect(m.html).toContain(body);
        }
      });

  it('puts the expected review time into the acknowledgement', () => {
    const ru = renderMail(
      'ticket.acknowledgement',
      'ru',
      { number: 'PD-1', url, expectedBy: new Date('2026-03-02T10:00:00Z') },
      brand,
    );
    expect(ru.text).toContain('2 марта 2026');
    expect(ru.text).toContain('13:00');
    const en = renderMail(
      'ticket.acknowledgement',
      'en',
      { number: 'PD-1', url, expectedBy: new Date('2026-03-02T10:00:00Z') },
      brand,
    );
    expect(en.text).toContain('2 March 2026');
    expect(en.text).toContain('(Moscow time)');
    // The date follows what happened, before the advice about the subject line.
    expect(ru.text.indexOf('Ожидаемый срок')).toBeGreaterThan(ru.text.indexOf('Мы получили'));
    expect(ru.text.indexOf('Ожидаемый срок')).toBeLessThan(ru.text.indexOf('Ответ придёт'));
  });

  it('says how long the confirmation link lives with each language’s plural rules', () => {
    const days = (locale: 'ru' | 'uk' | 'en') =>
      /(?:действует|дійсне|valid for) ([^.]+)\./.exec(
        renderMail('ticket.guest_confirmation', locale, { number: 'PD-1', url }, brand).text,
      )?.[1];
    expect(days('ru')).toBe('7 дней');
    expect(days('uk')).toBe('7 днів');
    expect(days('en')).toBe('7 days');
  });

  it('escapes an operator text and settings in HTML, and keeps the plain text as written', () => {
    const body = '<script>alert(1)</script> "quoted" & <b>bold</b>\nвторая строка';
    const m = renderMail('ticket.new_answer', 'ru', { number: 'PD-1000014', url: 'https://x.test/"><img src=x>', body }, brand);
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<b>bold');
    expect(m.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;<br>вторая строка',
    );
    expect(m.html).not.toContain('<img src=x>');
    expect(m.html).toContain('href="https://x.test/&quot;&gt;&lt;img src=x&gt;"');
    expect(m.text).toContain(body);
  });

  it('shows the product name as text when there is no logo, and the default branding when none is given', () => {
    const m = renderMail(
      'ticket.resolved',
      'uk',
      { number: 'PD-1000014', url },
      { ...brand, branding: { ...brand.branding, logoUrl: null } },
    );
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('Кошелёк+');
    const d = renderMail('ticket.resolved', 'en', { number: 'PD-1000014', url });
    expect(d.text).toContain(SETTING_DEFAULTS.branding.footer.en);
  });

  it('marks automatic mail per RFC 3834 and leaves operators’ texts unmarked', () => {
    expect(AUTO_SUBMITTED['ticket.acknowledgement']).toBe('auto-replied');
    expect(AUTO_SUBMITTED['ticket.answer_notice']).toBe('auto-generated');
    expect(AUTO_SUBMITTED['ticket.new_answer']).toBeNull();
  });
});

describe('thread chain', () => {
  it('replies to the latest and keeps the root when capping References', () => {
    const ids = Array.from({ length: 15 }, (_, i) => `<m${i}@x>`);
    const c = chain(ids);
    expect(c.inReplyTo).toBe('<m14@x>');
    expect(c.references).toHaveLength(REFERENCES_CAP);
    expect(c.references[0]).toBe('<m0@x>');
    expect(c.references.at(-1)).toBe('<m14@x>');
    expect(chain([])).toEqual({ inReplyTo: null, references: [] });
  });
});
