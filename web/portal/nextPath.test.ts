import { describe, expect, it } from 'vitest';
import { safeNextPath } from './nextPath';

const origin = 'https://help.example';

describe('safeNextPath', () => {
  it('returns same-site portal paths with their query', () => {
    expect(safeNextPath('?next=/requests', origin)).toBe('/requests');
    expect(safeNextPath('?next=%2Frequests%2FPD-1%3Ftab%3Darchive', origin)).toBe('/requests/PD-1?tab=archive');
  });

  it('refuses other sites, the console, the sign-in page and junk', () => {
    for (const next of [
      'https://evil.test/',
      '//evil.test/x',
      '/\\evil.test',
      '/console',
      '/console/queues',
      '/login',
      'requests',
      '',
    ]) {
      expect(safeNextPath(`?next=${encodeURIComponent(next)}`, origin)).toBe('/');
    }
    expect(safeNextPath('', origin)).toBe('/');
  });
});
