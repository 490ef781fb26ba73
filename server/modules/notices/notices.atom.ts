import { formatShortDateTime } from '../../../common/format';
import type { Locale } from '../../../common/errors';
import { noticesText } from './notices.messages';
import type { NoticeRow } from './notices.service';

/** A notice's severity in a language (notices.messages.ts). */
const severityText = (locale: Locale, severity: NoticeRow['severity']) => noticesText(locale, `notices.severity.${severity}`);

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** tag: URIs (RFC 4151) under the site's host: stable however the feed is fetched. */
function tagUri(publicUrl: string, specific: string): string {
  let host = 'paydesk.local';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the default authority
  }
  return `tag:${host},2026:${specific}`;
}

/** An Atom 1.0 feed (RFC 4287) of notices in one language. */
export function renderAtom(input: { rows: NoticeRow[]; locale: Locale; publicUrl: string; productName: string }): string {
  const { rows, locale, publicUrl } = input;
  const updated = rows.reduce((max, r) => (r.updatedAt > max ? r.updatedAt : max), new Date(0));
  const self = `${publicUrl}/notices.atom?locale=${locale}`;
  const when = (d: Date) => formatShortDateTime(d, locale, 'Europe/Moscow');
  const entries = rows.map((r) => {
    const window = `${when(r.startsAt)} — ${r.endsAt ? when(r.endsAt) : '…'} (MSK)`;
    return [
      '  <entry>',
      `    <id>${xmlEscape(tagUri(publicUrl, `notice/${r.id}`))}</id>`,
      `    <title type="text">${xmlEscape(`${severityText(locale, r.severity)}: ${r.title[locale]}`)}</title>`,
      `    <updated>${r.updatedAt.toISOString()}</updated>`,
      `    <published>${r.createdAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(`${publicUrl}/notices#notice-${r.id}`)}"/>`,
      `    <category term="${xmlEscape(r.severity)}" label="${xmlEscape(severityText(locale, r.severity))}"/>`,
      `    <summary type="text">${xmlEscape(`${window}. ${r.body[locale]}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xmlEscape(tagUri(publicUrl, `notices/${locale}`))}</id>`,
    `  <title type="text">${xmlEscape(`${input.productName}: ${noticesText(locale, 'notices.feedTitle')}`)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xmlEscape(input.productName)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${publicUrl}/notices`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
