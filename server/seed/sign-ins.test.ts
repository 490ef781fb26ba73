import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSignIns } from './sign-ins';

/** The rows of README.md's «Demo sign-ins» table: [who, e-mail, password]. */
function readmeSignIns(): string[][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('## Demo sign-ins')[1]?.split(/\n##+ /)[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .slice(1) // the header
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    );
}

describe('demo sign-ins', () => {
  it('README lists exactly the sign-ins printed at start, in the same order', () => {
    expect(readmeSignIns()).toEqual(demoSignIns().map((s) => [s.who, s.email, s.password]));
  });

  it('every e-mail is listed once', () => {
    const emails = demoSignIns().map((s) => s.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
