import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDuration,
  formatFieldValue,
  formatFileSize,
  formatMoney,
  formatShortDate,
  formatShortDateTime,
} from './format';
import { renderMarkdown } from './markdown';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting', () => {
  it('formats dates in the interface language', () => {
    expect(formatDateTime('2025-05-12T09:31:00Z', 'ru', 'UTC')).toBe('12 мая 2025 г. в 09:31');
    expect(formatDateTime('2025-05-12T09:31:00Z', 'uk', 'UTC')).toMatch(/^12 травня 2025/);
    expect(formatDateTime('2025-05-12T09:31:00Z', 'en', 'UTC')).toMatch(/^12 May 2025/);
    expect(formatDateTime(null, 'ru')).toBe('');
    expect(formatDateTime('not a date', 'ru')).toBe('');
  });

  it('formats sizes and review times', () => {
    expect(nbsp(formatFileSize(850, 'en'))).toBe('850 byte');
    expect(nbsp(formatFileSize(1_300_000, 'ru'))).toBe('1,2 МБ');
    expect(nbsp(formatDuration(2700, 'ru'))).toBe('45 часов');
    expect(nbsp(formatDuration(30, 'en'))).toBe('30 minutes');
    expect(nbsp(formatDuration(3 * 24 * 60, 'uk'))).toBe('3 дні');
  });

  it('shows submitted dates, local date-times and amounts readably, and anything else as is', () => {
    expect(formatFieldValue('date', '2025-05-12', 'ru')).toBe('12 мая 2025 г.');
    expect(formatFieldValue('datetime', '2025-05-12T19:52', 'ru')).toBe('12 мая 2025 г. в 19:52');
    expect(nbsp(formatFieldValue('money', '500.00 RUB', 'ru'))).toBe('500,00 ₽');
    expect(formatFieldValue('money', 'five', 'ru')).toBe('five');
    expect(formatFieldValue('text', '2025-05-12', 'ru')).toBe('2025-05-12');
  });
});

describe('short dates', () => {
  it('write the year in full in every language', () => {
    const at = '2026-12-20T09:05:00Z';
    expect(formatShortDateTime(at, 'ru', 'UTC')).toBe('20.12.2026, 09:05');
    expect(formatShortDateTime(at, 'uk', 'UTC')).toBe('20.12.2026, 09:05');
    expect(formatShortDateTime(at, 'en', 'UTC')).toBe('20/12/2026, 09:05');
    expect(formatShortDate(at, 'uk', 'UTC')).toBe('20.12.2026');
    expect(formatShortDate(new Date(at), 'ru', 'UTC')).toBe('20.12.2026');
    expect(formatShortDate(at, 'en', 'UTC')).toBe('20/12/2026');
  });

  it('write money in the reader’s language', () => {
    expect(nbsp(formatMoney('1234.5', 'RUB', 'ru'))).toBe('1 234,50 ₽');
    expect(nbsp(formatMoney(1234.5, 'UAH', 'uk'))).toBe('1 234,50 ₴');
    expect(nbsp(formatMoney(1234.5, 'RUB', 'en'))).toBe('RUB 1,234.50');
    expect(formatMoney('n/a', 'RUB', 'ru')).toBe('n/a');
  });
});

describe('markdown', () => {
  it('reads headings, lists and paragraphs, with article headings under the page ones', () => {
    const html = renderMarkdown('## Сроки\nОбычно **быстро**.\n\n- один\n- два\n\n1. раз\n2. два\n\n#### Мелко');
    expect(html).toContain('<h3>Сроки</h3>');
    expect(html).toContain('<p>Обычно <strong>быстро</strong>.</p>');
    expect(html).toContain('<ul>\n<li>один</li>');
    expect(html).toContain('<ol>\n<li>раз</li>');
    expect(html).toContain('<h4>Мелко</h4>');
  });

  it('keeps only safe links and shows raw HTML as text', () => {
    const html = renderMarkdown('[a](/help) [b](https://x.test) [c](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).toContain('<a href="/help">a</a>');
    expect(html).toContain('<a href="https://x.test" target="_blank" rel="noopener noreferrer">b</a>');
    expect(html).not.toContain('javascript:alert(1)"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses links a browser would read as another host', () => {
    for (const source of [
      '[x](/\\evil.example/x)',
      '[x](//evil.example/x)',
      '[x](/%5Cevil.example)',
      '[x](<//evil>)',
      '[x](/%2F/evil)',
    ]) {
      expect(renderMarkdown(source), source).not.toContain('<a ');
    }
    expect(renderMarkdown('[ok](/help/cards)')).toContain('<a href="/help/cards">ok</a>');
  });
});
