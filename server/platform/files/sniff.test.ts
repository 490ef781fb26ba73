import { describe, expect, it } from 'vitest';
import { detectFileType, SNIFF_BYTES } from './sniff';

/** A complete 1×1 PNG. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JFIF JPEG (SOI, APP0 "JFIF"). */
const JPEG_JFIF = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
]);
/** The start of a camera JPEG (SOI, APP1 "Exif"). */
const JPEG_EXIF = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00]);

/** An ISO BMFF `ftyp` box: size, "ftyp", major brand, minor version 0, compatible brands. */
function ftyp(major: string, compatible: string[], tail = 'mdat'): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'latin1'));
  return Buffer.concat([box, Buffer.from(`\0\0\0\x08${tail}`, 'latin1')]);
}

describe('detectFileType', () => {
  it('asks for the first kilobyte', () => {
    expect(SNIFF_BYTES).toBe(1024);
  });

  it('recognises a PNG and JPEGs by their signatures', () => {
    expect(detectFileType(PNG_1X1)).toBe('image/png');
    expect(detectFileType(JPEG_JFIF)).toBe('image/jpeg');
    expect(detectFileType(JPEG_EXIF)).toBe('image/jpeg');
    expect(detectFileType(new Uint8Array(JPEG_JFIF))).toBe('image/jpeg');
  });

  it('refuses truncated signatures', () => {
    expect(detectFileType(PNG_1X1.subarray(0, 7))).toBeNull();
    expect(detectFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('recognises HEIC by its major or a compatible brand', () => {
    expect(detectFileType(ftyp('heic', ['mif1', 'heic']))).toBe('image/heic');
    expect(detectFileType(ftyp('heix', []))).toBe('image/heic');
    expect(detectFileType(ftyp('mif1', ['heic']))).toBe('image/heic');
    expect(detectFileType(ftyp('msf1', ['hevc']))).toBe('image/heic');
    expect(detectFileType(ftyp('mif1', ['miaf']))).toBe('image/heic');
  });

  it('refuses other ISO BMFF files: MP4, QuickTime, AVIF', () => {
    expect(detectFileType(ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']))).toBeNull();
    expect(detectFileType(ftyp('qt  ', ['qt  ']))).toBeNull();
    expect(detectFileType(ftyp('avif', ['avif', 'mif1', 'miaf']))).toBeNull();
  });

  it('refuses an ftyp box with an impossible size', () => {
    const box = ftyp('heic', ['mif1']);
    box.writeUInt32BE(8, 0);
    expect(detectFileType(box)).toBeNull();
  });

  it('recognises a PDF by its header at offset 0', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'))).toBe('application/pdf');
    expect(detectFileType(Buffer.from('%PDF-2.0\n'))).toBe('application/pdf');
  });

  it('refuses a PDF header anywhere but at offset 0 (after a BOM, whitespace or junk), or without a version', () => {
    expect(detectFileType(Buffer.from('\ufeff%PDF-1.4\n', 'utf8'))).toBeNull();
    expect(detectFileType(Buffer.from('\r\n  %PDF-1.4\n'))).toBeNull();
    expect(detectFileType(Buffer.concat([Buffer.alloc(600, 0x2a), Buffer.from('%PDF-2.0\n')]))).toBeNull();
    expect(detectFileType(Buffer.concat([Buffer.alloc(SNIFF_BYTES, 0x20), Buffer.from('%PDF-1.7')]))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF-'))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF-x'))).toBeNull();
  });

  it('refuses an EXE renamed .jpg, even with %PDF- inside (a polyglot)', () => {
    const mz = Buffer.alloc(256);
    mz.write('MZ', 0, 'latin1');
    mz.write('This program cannot be run in DOS mode.', 78, 'latin1');
    expect(detectFileType(mz)).toBeNull();
    mz.write('%PDF-1.4', 160, 'latin1');
    expect(detectFileType(mz)).toBeNull();
    expect(detectFileType(Buffer.from('<html><body>%PDF-1.4</body></html>'))).toBeNull();
    expect(detectFileType(Buffer.from('\x7fELF\x02\x01\x01 %PDF-1.4', 'latin1'))).toBeNull();
  });

  it('refuses GIF, text, and an empty buffer', () => {
    expect(detectFileType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.from('Hello, support! My payment did not arrive.'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
    expect(detectFileType(Buffer.from('PK\x03\x04', 'latin1'))).toBeNull();
  });
});
