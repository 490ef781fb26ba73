import type { Locale } from '../../../common/errors';

/** Templates of automatic mail, per language. The e-mail issue adds the rest and branding. */
export type MailTemplate = 'ticket.acknowledgement' | 'ticket.guest_confirmation' | 'ticket.tracking_link' | 'ticket.new_answer';

type Vars = { number: string; url: string; expectedBy?: Date };
type Parts = { subject: string; lines: string[]; action: string };

/** One formatter per locale: building an Intl.DateTimeFormat costs more than formatting with it. */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
function dateFormat(locale: Locale): Intl.DateTimeFormat {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'uk' ? 'uk-UA' : locale === 'en' ? 'en-GB' : 'ru-RU', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Moscow',
    });
    dateFormats.set(locale, f);
  }
  return f;
}

const fmt = (locale: Locale, date: Date | undefined) =>
  date
    ? dateFormat(locale).format(date) +
      (locale === 'en' ? ' (Moscow time)' : locale === 'uk' ? ' (за московським часом)' : ' (мск)')
    : '';

const TEXTS: Record<MailTemplate, Record<Locale, (v: Vars) => Parts>> = {
  'ticket.acknowledgement': {
    ru: (v) => ({
      subject: `Обращение ${v.number} принято`,
      lines: [
        `Мы получили ваше обращение ${v.number}.`,
        `Ожидаемый срок рассмотрения — до ${fmt('ru', v.expectedBy)}.`,
        'Ответ придёт на этот адрес и в личный кабинет.',
      ],
      action: 'Открыть обращение',
    }),
    uk: (v) => ({
      subject: `Звернення ${v.number} прийнято`,
      lines: [
        `Ми отримали ваше звернення ${v.number}.`,
        `Очікуваний строк розгляду — до ${fmt('uk', v.expectedBy)}.`,
        'Відповідь надійде на цю адресу та в особистий кабінет.',
      ],
      action: 'Відкрити звернення',
    }),
    en: (v) => ({
      subject: `Request ${v.number} received`,
      lines: [
        `We have received your request ${v.number}.`,
        `We expect to review it by ${fmt('en', v.expectedBy)}.`,
        'The answer will come to this address and to your account.',
      ],
      action: 'Open the request',
    }),
  },
  'ticket.guest_confirmation': {
    ru: (v) => ({
      subject: `Подтвердите обращение ${v.number}`,
      lines: [
        `Вы написали в службу поддержки, обращение ${v.number}.`,
        'Чтобы мы начали его рассматривать, подтвердите адрес электронной почты по ссылке. Ссылка действует 7 дней.',
        'Если вы не писали нам, просто удалите это письмо.',
      ],
      action: 'Подтвердить обращение',
    }),
    uk: (v) => ({
      subject: `Підтвердьте звернення ${v.number}`,
      lines: [
        `Ви написали до служби підтримки, звернення ${v.number}.`,
        'Щоб ми почали його розглядати, підтвердьте адресу електронної пошти за посиланням. Посилання дійсне 7 днів.',
        'Якщо ви нам не писали, просто видаліть цей лист.',
      ],
      action: 'Підтвердити звернення',
    }),
    en: (v) => ({
      subject: `Confirm your request ${v.number}`,
      lines: [
        `You wrote to support, request ${v.number}.`,
        'To have it reviewed, confirm your e-mail address with the link. The link is valid for 7 days.',
        'If you did not write to us, just delete this e-mail.',
      ],
      action: 'Confirm the request',
    }),
  },
  'ticket.new_answer': {
    ru: (v) => ({
      subject: `Новый ответ по обращению ${v.number}`,
      lines: [`Служба поддержки ответила на ваше обращение ${v.number}.`, 'Ответ и вся переписка — по ссылке.'],
      action: 'Прочитать ответ',
    }),
    uk: (v) => ({
      subject: `Нова відповідь на звернення ${v.number}`,
      lines: [`Служба підтримки відповіла на ваше звернення ${v.number}.`, 'Відповідь і все листування — за посиланням.'],
      action: 'Прочитати відповідь',
    }),
    en: (v) => ({
      subject: `New answer to request ${v.number}`,
      lines: [`Support has answered your request ${v.number}.`, 'The answer and the whole conversation are at the link.'],
      action: 'Read the answer',
    }),
  },
  'ticket.tracking_link': {
    ru: (v) => ({
      subject: `Ссылка на обращение ${v.number}`,
      lines: [
        `Обращение ${v.number} передано в службу поддержки.`,
        'По этой ссылке вы можете следить за ним и отвечать. Не пересылайте её никому: она открывает ваше обращение.',
      ],
      action: 'Открыть обращение',
    }),
    uk: (v) => ({
      subject: `Посилання на звернення ${v.number}`,
      lines: [
        `Звернення ${v.number} передано до служби підтримки.`,
        'За цим посиланням ви можете стежити за ним і відповідати. Не пересилайте його нікому: воно відкриває ваше звернення.',
      ],
      action: 'Відкрити звернення',
    }),
    en: (v) => ({
      subject: `Link to your request ${v.number}`,
      lines: [
        `Request ${v.number} has been passed to support.`,
        'Use this link to follow it and reply. Do not forward it: it opens your request.',
      ],
      action: 'Open the request',
    }),
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Subject, plain text and HTML of an automatic mail; the request number is in the subject as [#NUMBER]. */
export function renderMail(template: MailTemplate, locale: Locale, vars: Vars): { subject: string; text: string; html: string } {
  const parts = TEXTS[template][locale](vars);
  const subject = `[#${vars.number}] ${parts.subject}`;
  const text = [...parts.lines, '', `${parts.action}: ${vars.url}`, '', '— paydesk'].join('\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${parts.lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}<p><a href="${escapeHtml(vars.url)}">${escapeHtml(parts.action)}</a></p><p>— paydesk</p></body></html>`;
  return { subject, text, html };
}
