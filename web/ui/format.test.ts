import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatFieldValue, formatFileSize } from './format';
import { parseInline, parseMarkdown } from './markdown';

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

describe('markdown', () => {
  it('reads headings, lists and paragraphs', () => {
    const blocks = parseMarkdown('## Сроки\nОбычно **быстро**.\n\n- один\n- два\n\n1. раз\n2. два');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list']);
    expect(blocks[2]).toMatchObject({ kind: 'list', ordered: false });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true });
  });

  it('keeps only safe links', () => {
    expect(parseInline('[a](/help) [b](https://x.test) [c](javascript:alert(1))')).toEqual([
      { kind: 'link', href: '/help', children: [{ kind: 'text', text: 'a' }] },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://x.test', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'c' },
      { kind: 'text', text: ')' },
    ]);
  });
});
