import { describe, expect, it } from 'vitest';
import { shortName } from './names';

describe('shortName', () => {
  it('keeps the first name and the initial of the second', () => {
    expect(shortName('Ольга Операторова')).toBe('Ольга О.');
    expect(shortName('  Тимур   Терминалов Юрьевич ')).toBe('Тимур Т.');
    expect(shortName('Admin')).toBe('Admin');
    expect(shortName('')).toBe('');
  });
});
