import { describe, expect, it } from 'vitest';
import { cleanFileName, storedFileName } from './names';

describe('stored file names', () => {
  it('strips bidi overrides, isolates, zero-width and control characters', () => {
    // "photo" + RLO + "gpj.exe" reads as "photoexe.jpg" on screen.
    expect(cleanFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('\u2066чек\u2069\u200b\u0000\u001f\u007f.png')).toBe('чек.png');
    expect(cleanFileName('a\u2028b\u2029c')).toBe('abc');
    expect(cleanFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(cleanFileName('..\\windows\\win.ini')).toBe('_windows_win.ini');
    expect(cleanFileName(' . report.pdf. ')).toBe('report.pdf');
  });

  it('keeps an extension that agrees with the detected type', () => {
    expect(storedFileName('чек.png', 'image/png')).toBe('чек.png');
    expect(storedFileName('Scan.JPEG', 'image/jpeg')).toBe('Scan.jpeg');
    expect(storedFileName('IMG_0001.HEIC', 'image/heic')).toBe('IMG_0001.heic');
    expect(storedFileName('выписка.pdf', 'application/pdf')).toBe('выписка.pdf');
  });

  it('forces the extension of the detected type', () => {
    expect(storedFileName('photo\u202egpj.exe', 'image/jpeg')).toBe('photogpj.jpg');
    expect(storedFileName('receipt.exe', 'image/png')).toBe('receipt.png');
    expect(storedFileName('scan.pdf.exe', 'application/pdf')).toBe('scan.pdf');
    expect(storedFileName('invoice.html', 'application/pdf')).toBe('invoice.pdf');
    expect(storedFileName('без расширения', 'image/jpeg')).toBe('без расширения.jpg');
    expect(storedFileName('версия 2.5 от клиента', 'image/png')).toBe('версия 2.5 от клиента.png');
    expect(storedFileName('', 'image/png')).toBe('file.png');
    expect(storedFileName('\u202e', 'application/pdf')).toBe('file.pdf');
  });

  it('caps the length and keeps the extension', () => {
    const long = storedFileName(`${'я'.repeat(400)}.pdf`, 'application/pdf');
    expect(long.length).toBe(150);
    expect(long.endsWith('.pdf')).toBe(true);
    const emoji = storedFileName(`${'😀'.repeat(200)}.png`, 'image/png');
    expect(emoji.endsWith('.png')).toBe(true);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('masks passport and card numbers typed into a name, and leaves other numbers', () => {
    const passport = storedFileName('паспорт 4510 111111.jpg', 'image/jpeg');
    expect(passport).not.toContain('111111');
    expect(passport.endsWith('.jpg')).toBe(true);
    expect(storedFileName('карта 4111 1111 1111 1111.pdf', 'application/pdf')).not.toContain('4111 1111 1111');
    expect(storedFileName('чек 2025-10-01 № 15.png', 'image/png')).toBe('чек 2025-10-01 № 15.png');
  });
});
