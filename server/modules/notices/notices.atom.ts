import { formatShortDateTime } from '../../../common/format';
import type { Locale } from '../../../common/errors';
import type { NoticeRow } from './notices.service';

const FEED_TITLE: Record<Locale, string> = {
  ru: 'Уведомления о работах и сбоях',
  uk: 'Повідомлення про роботи та збої',
  en: 'Maintenance and outage notices',
};
const SEVERITY: Record<Locale, Record<NoticeRow['severity'], string>> = {
  ru: { info: 'Информация', maintenance: 'Плановые работы', outage: 'Сбой', critical: 'Серьёзный сбой' },
  uk: { info: 'Інформація', maintenance: 'Планові роботи', outage: 'Збій', critical: 'Серйозний збій' },
  en: { info: 'Information', maintenance: 'Maintenance', outage: 'Outage', critical: 'Major outage' },
};

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
      `    <title type="text">${xmlEscape(`${SEVERITY[locale][r.severity]}: ${r.title[locale]}`)}</title>`,
      `    <updated>${r.updatedAt.toISOString()}</updated>`,
      `    <published>${r.createdAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(`${publicUrl}/notices#notice-${r.id}`)}"/>`,
      `    <category term="${xmlEscape(r.severity)}" label="${xmlEscape(SEVERITY[locale][r.severity])}"/>`,
      `    <summary type="text">${xmlEscape(`${window}. ${r.body[locale]}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xmlEscape(tagUri(publicUrl, `notices/${locale}`))}</id>`,
    `  <title type="text">${xmlEscape(`${input.productName}: ${FEED_TITLE[locale]}`)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xmlEscape(input.productName)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${publicUrl}/notices`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
