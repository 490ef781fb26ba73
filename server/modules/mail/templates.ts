import type { Locale } from '../../../common/errors';
import type { Branding, Contacts } from '../../../common/settings';
import { SETTING_DEFAULTS } from '../settings';

/**
 * Every mail paydesk sends to customers, per event, in ru/uk/en. Add a template here (its
 * texts, its `AUTO_SUBMITTED` value) and call `queueTemplateMail`; appeal decisions will be
 * `appeal.decision` the same way.
 */
export const MAIL_TEMPLATES = [
  'ticket.acknowledgement',
  'ticket.guest_confirmation',
  'ticket.tracking_link',
  'ticket.new_answer',
  'ticket.answer_notice',
  'ticket.question',
  'ticket.resolved',
  'ticket.reopened',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/**
 * RFC 3834: `auto-replied` for mail sent automatically in response to the customer's own letter
 * or form (acknowledgement, confirmation link, tracking link); `auto-generated` for automatic
 * notices that answer nothing (the short portal notice, status changes without a human text);
 * none (`null`) for a text an operator wrote: a person's answer is not automatic mail.
 */
export const AUTO_SUBMITTED: Record<MailTemplate, 'auto-replied' | 'auto-generated' | null> = {
  'ticket.acknowledgement': 'auto-replied',
  'ticket.guest_confirmation': 'auto-replied',
  'ticket.tracking_link': 'auto-replied',
  'ticket.new_answer': null,
  'ticket.answer_notice': 'auto-generated',
  'ticket.question': null,
  'ticket.resolved': 'auto-generated',
  'ticket.reopened': 'auto-generated',
};

export type MailVars = {
  number: string;
  /** Where the customer opens the request (or confirms it). */
  url: string;
  expectedBy?: Date | null;
  /** The operator's text (answer, question, final answer), plain text as written. */
  body?: string | null;
};

/** Branding and contacts from settings, and the site's address for relative logo paths. */
export type MailBrand = { branding: Branding; contacts: Contacts | null; baseUrl: string };

export const DEFAULT_BRAND: MailBrand = {
  branding: SETTING_DEFAULTS.branding,
  contacts: SETTING_DEFAULTS.contacts,
  baseUrl: 'http://localhost',
};

type Parts = { subject: string; lines: string[]; action: string; bodyLabel?: string };

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

const fmt = (locale: Locale, date: Date | null | undefined) =>
  date
    ? dateFormat(locale).format(date) +
      (locale === 'en' ? ' (Moscow time)' : locale === 'uk' ? ' (за московським часом)' : ' (мск)')
    : '';

const TEXTS: Record<MailTemplate, Record<Locale, (v: MailVars) => Parts>> = {
  'ticket.acknowledgement': {
    ru: (v) => ({
      subject: `Обращение ${v.number} принято`,
      lines: [
        `Мы получили ваше обращение ${v.number}.`,
        ...(v.expectedBy ? [`Ожидаемый срок рассмотрения — до ${fmt('ru', v.expectedBy)}.`] : []),
        'Ответ придёт на этот адрес и в личный кабинет. Отвечая на это письмо, не меняйте тему: в ней номер обращения.',
      ],
      action: 'Открыть обращение',
    }),
    uk: (v) => ({
      subject: `Звернення ${v.number} прийнято`,
      lines: [
        `Ми отримали ваше звернення ${v.number}.`,
        ...(v.expectedBy ? [`Очікуваний строк розгляду — до ${fmt('uk', v.expectedBy)}.`] : []),
        'Відповідь надійде на цю адресу та в особистий кабінет. Відповідаючи на цей лист, не змінюйте тему: у ній номер звернення.',
      ],
      action: 'Відкрити звернення',
    }),
    en: (v) => ({
      subject: `Request ${v.number} received`,
      lines: [
        `We have received your request ${v.number}.`,
        ...(v.expectedBy ? [`We expect to review it by ${fmt('en', v.expectedBy)}.`] : []),
        'The answer will come to this address and to your account. When replying, keep the subject: it carries the request number.',
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
  'ticket.new_answer': {
    ru: (v) => ({
      subject: `Ответ по обращению ${v.number}`,
      lines: [`Служба поддержки ответила на ваше обращение ${v.number}.`],
      bodyLabel: 'Ответ',
      action: 'Открыть обращение и ответить',
    }),
    uk: (v) => ({
      subject: `Відповідь на звернення ${v.number}`,
      lines: [`Служба підтримки відповіла на ваше звернення ${v.number}.`],
      bodyLabel: 'Відповідь',
      action: 'Відкрити звернення та відповісти',
    }),
    en: (v) => ({
      subject: `Answer to request ${v.number}`,
      lines: [`Support has answered your request ${v.number}.`],
      bodyLabel: 'Answer',
      action: 'Open the request and reply',
    }),
  },
  'ticket.answer_notice': {
    ru: (v) => ({
      subject: `Новый ответ в личном кабинете по обращению ${v.number}`,
      lines: [
        `По обращению ${v.number} есть новый ответ. Вы выбрали получать ответы только в личном кабинете — прочитайте его там.`,
        'Эти уведомления можно отключить в разделе «Мои обращения».',
      ],
      action: 'Прочитать ответ',
    }),
    uk: (v) => ({
      subject: `Нова відповідь в особистому кабінеті щодо звернення ${v.number}`,
      lines: [
        `На звернення ${v.number} є нова відповідь. Ви обрали отримувати відповіді лише в особистому кабінеті — прочитайте її там.`,
        'Ці сповіщення можна вимкнути в розділі «Мої звернення».',
      ],
      action: 'Прочитати відповідь',
    }),
    en: (v) => ({
      subject: `New answer in your account for request ${v.number}`,
      lines: [
        `There is a new answer to request ${v.number}. You chose to read answers only in your account — it is waiting there.`,
        'You can turn these notices off under “My requests”.',
      ],
      action: 'Read the answer',
    }),
  },
  'ticket.question': {
    ru: (v) => ({
      subject: `Нужны уточнения по обращению ${v.number}`,
      lines: [
        `Чтобы продолжить работу над обращением ${v.number}, нам нужны уточнения. Пока мы ждём ответа, срок рассмотрения приостановлен.`,
      ],
      bodyLabel: 'Вопрос',
      action: 'Ответить',
    }),
    uk: (v) => ({
      subject: `Потрібні уточнення щодо звернення ${v.number}`,
      lines: [
        `Щоб продовжити роботу над зверненням ${v.number}, нам потрібні уточнення. Поки ми чекаємо відповіді, строк розгляду призупинено.`,
      ],
      bodyLabel: 'Питання',
      action: 'Відповісти',
    }),
    en: (v) => ({
      subject: `We need more details on request ${v.number}`,
      lines: [`To go on with request ${v.number} we need some details from you. The review time is paused until you answer.`],
      bodyLabel: 'Question',
      action: 'Reply',
    }),
  },
  'ticket.resolved': {
    ru: (v) => ({
      subject: `Обращение ${v.number} решено`,
      lines: [
        `Мы закрыли обращение ${v.number} как решённое.`,
        'Если вопрос не решён, откройте обращение снова по ссылке — оно вернётся в работу.',
      ],
      bodyLabel: 'Ответ',
      action: 'Открыть обращение',
    }),
    uk: (v) => ({
      subject: `Звернення ${v.number} вирішено`,
      lines: [
        `Ми закрили звернення ${v.number} як вирішене.`,
        'Якщо питання не вирішено, відкрийте звернення знову за посиланням — воно повернеться в роботу.',
      ],
      bodyLabel: 'Відповідь',
      action: 'Відкрити звернення',
    }),
    en: (v) => ({
      subject: `Request ${v.number} resolved`,
      lines: [
        `We have closed request ${v.number} as resolved.`,
        'If the problem is not solved, reopen the request with the link and we will take it up again.',
      ],
      bodyLabel: 'Answer',
      action: 'Open the request',
    }),
  },
  'ticket.reopened': {
    ru: (v) => ({
      subject: `Обращение ${v.number} снова в работе`,
      lines: [
        `Обращение ${v.number} снова открыто и вернулось в работу.`,
        ...(v.expectedBy ? [`Ожидаемый срок рассмотрения — до ${fmt('ru', v.expectedBy)}.`] : []),
      ],
      action: 'Открыть обращение',
    }),
    uk: (v) => ({
      subject: `Звернення ${v.number} знову в роботі`,
      lines: [
        `Звернення ${v.number} знову відкрито, і воно повернулося в роботу.`,
        ...(v.expectedBy ? [`Очікуваний строк розгляду — до ${fmt('uk', v.expectedBy)}.`] : []),
      ],
      action: 'Відкрити звернення',
    }),
    en: (v) => ({
      subject: `Request ${v.number} reopened`,
      lines: [
        `Request ${v.number} has been reopened and is being worked on again.`,
        ...(v.expectedBy ? [`We expect to review it by ${fmt('en', v.expectedBy)}.`] : []),
      ],
      action: 'Open the request',
    }),
  },
};

const FOOTER_NOTE: Record<Locale, string> = {
  ru: 'Это письмо отправлено службой поддержки по вашему обращению.',
  uk: 'Цей лист надіслано службою підтримки щодо вашого звернення.',
  en: 'This e-mail was sent by support about your request.',
};

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Subject lines are one line: no CR/LF from a request number or a setting reaches the header. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

function logoSrc(brand: MailBrand): string | null {
  const url = brand.branding.logoUrl;
  if (!url) return null;
  return url.startsWith('/') ? `${brand.baseUrl.replace(/\/+$/, '')}${url}` : url;
}

/** The contacts under every mail: the customers' hotline and the first customer address. */
function contactLine(brand: MailBrand, locale: Locale): string | null {
  const c = brand.contacts;
  if (!c) return null;
  const hotline = c.hotlines.find((h) => h.audience === 'customers') ?? c.hotlines[0];
  const email = c.emails.find((e) => e.audience !== 'agent') ?? c.emails[0];
  const parts = [hotline ? `${hotline.label[locale]}: ${hotline.display}` : null, email ? email.address : null].filter(
    (p): p is string => Boolean(p),
  );
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Plain text that reads well: paragraphs, the operator's text set off by a rule, the link, the footer. */
function layoutText(parts: Parts, vars: MailVars, brand: MailBrand, locale: Locale): string {
  const out: string[] = [];
  for (const line of parts.lines) out.push(line, '');
  if (vars.body) {
    out.push(`${parts.bodyLabel ?? ''}:`.replace(/^:$/, ''), '----------------------------------------', vars.body.trim());
    out.push('----------------------------------------', '');
  }
  out.push(`${parts.action}: ${vars.url}`, '', '-- ');
  const footer = brand.branding.footer[locale];
  out.push(brand.branding.productName);
  if (footer) out.push(footer);
  const contact = contactLine(brand, locale);
  if (contact && !footer) out.push(contact);
  out.push(brand.branding.legalName, FOOTER_NOTE[locale]);
  return out.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

/** One HTML layout for every mail: inline styles only (mail clients drop <style>), everything escaped. */
function layoutHtml(parts: Parts, vars: MailVars, brand: MailBrand, locale: Locale, subject: string): string {
  const b = brand.branding;
  const logo = logoSrc(brand);
  const head = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(b.productName)}" height="32" style="height:32px;border:0">`
    : `<span style="font-size:20px;font-weight:bold;color:#1f3a8a">${escapeHtml(b.productName)}</span>`;
  const paragraphs = parts.lines.map((l) => `<p style="margin:0 0 12px">${escapeHtml(l)}</p>`).join('');
  const body = vars.body
    ? `${parts.bodyLabel ? `<p style="margin:16px 0 4px;color:#555;font-size:13px">${escapeHtml(parts.bodyLabel)}</p>` : ''}` +
      `<div style="margin:0 0 16px;padding:12px 16px;border-left:3px solid #1f3a8a;background:#f4f6fb;white-space:pre-wrap">${escapeHtml(
        vars.body.trim(),
      ).replace(/\r?\n/g, '<br>')}</div>`
    : '';
  const button = `<p style="margin:20px 0"><a href="${escapeHtml(vars.url)}" style="display:inline-block;padding:10px 18px;background:#1f3a8a;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(
    parts.action,
  )}</a></p><p style="margin:0 0 12px;font-size:12px;color:#666;word-break:break-all">${escapeHtml(vars.url)}</p>`;
  const footer = b.footer[locale] || contactLine(brand, locale) || '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f2f3f5;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f3f5"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#fff;border-radius:6px">` +
    `<tr><td style="padding:20px 28px;border-bottom:1px solid #e5e7eb">${head}</td></tr>` +
    `<tr><td style="padding:24px 28px">${paragraphs}${body}${button}</td></tr>` +
    `<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#666">` +
    (footer ? `<p style="margin:0 0 6px">${escapeHtml(footer)}</p>` : '') +
    `<p style="margin:0 0 6px">${escapeHtml(b.legalName)}</p><p style="margin:0">${escapeHtml(FOOTER_NOTE[locale])}</p>` +
    `</td></tr></table></td></tr></table></body></html>`
  );
}

/**
 * Subject, plain text and HTML of one mail in the customer's language with the company's
 * branding. The request number is in the subject as `[#NUMBER]` (incoming replies thread by it).
 */
export function renderMail(
  template: MailTemplate,
  locale: Locale,
  vars: MailVars,
  brand: MailBrand = DEFAULT_BRAND,
): { subject: string; text: string; html: string } {
  const lang: Locale = locale === 'uk' || locale === 'en' ? locale : 'ru';
  const parts = TEXTS[template][lang](vars);
  const subject = oneLine(`[#${vars.number}] ${parts.subject}`);
  return {
    subject,
    text: layoutText(parts, vars, brand, lang),
    html: layoutHtml(parts, vars, brand, lang, subject),
  };
}
