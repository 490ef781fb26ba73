import type { Locale } from '../../../common/errors';
import type { Branding, Contacts } from '../../../common/settings';
import { formatDateTime } from '../../../common/format';
import { asLocale } from '../../platform/locale';
import { SETTING_DEFAULTS } from '../settings';
import { UNCONFIRMED_TTL_DAYS } from '../../../common/tickets';
import { mailRu, type MailMessageKey } from './mail.messages.ru';
import { mailText as text } from './mail.text';

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

/** A date and time for mail, in the reader's language and Moscow time, saying so. */
const fmt = (locale: Locale, date: Date) =>
  text(locale, 'mail.dateInZone', { date: formatDateTime(date, locale, 'Europe/Moscow') });

/** The templates whose letter says by when the request is expected to be reviewed. */
const SAYS_EXPECTED: ReadonlySet<MailTemplate> = new Set(['ticket.acknowledgement', 'ticket.reopened']);

function partsOf(template: MailTemplate, locale: Locale, v: MailVars): Parts {
  const values = { number: v.number, days: UNCONFIRMED_TTL_DAYS };
  const key = (part: 'subject' | 'body' | 'action' | 'bodyLabel') => `mail.${template}.${part}` as MailMessageKey;
  const [first = '', ...rest] = text(locale, key('body'), values).split('\n');
  const expected =
    SAYS_EXPECTED.has(template) && v.expectedBy ? [text(locale, 'mail.expected', { date: fmt(locale, v.expectedBy) })] : [];
  const label = key('bodyLabel');
  return {
    subject: text(locale, key('subject'), values),
    // The expected date follows the first paragraph (what happened), before the advice.
    lines: [first, ...expected, ...rest].filter(Boolean),
    action: text(locale, key('action'), values),
    // The catalogues have the same keys in every language (mail.messages.test.ts).
    ...(label in mailRu ? { bodyLabel: text(locale, label) } : {}),
  };
}

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
  out.push(brand.branding.legalName, text(locale, 'mail.footerNote'));
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
    `<p style="margin:0 0 6px">${escapeHtml(b.legalName)}</p><p style="margin:0">${escapeHtml(text(locale, 'mail.footerNote'))}</p>` +
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
  const lang = asLocale(locale);
  const parts = partsOf(template, lang, vars);
  const subject = oneLine(`[#${vars.number}] ${parts.subject}`);
  return {
    subject,
    text: layoutText(parts, vars, brand, lang),
    html: layoutHtml(parts, vars, brand, lang, subject),
  };
}
