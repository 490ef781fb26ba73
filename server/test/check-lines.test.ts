import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLines, countLines } from '../../scripts/check-lines';

const lines = (n: number) => 'x;\n'.repeat(n);

describe('npm run check:lines on a tree with long files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'paydesk-check-lines-'));
    const put = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    put('server/modules/alpha/alpha.service.ts', lines(501));
    put('server/modules/alpha/alpha.repo.ts', lines(500));
    put('web/ui/page.css', lines(700));
    put('bench/long.mjs', lines(600));
    // Exempt: migrations, the generated client, demo content; not walked: node_modules; not source: JSON.
    put('server/db/migrations/0001_init.sql', lines(900));
    put('web/api/schema.d.ts', lines(900));
    put('server/seed/demo-catalog.ts', lines(900));
    put('node_modules/pkg/index.js', lines(900));
    put('server/modules/alpha/fixture.json', lines(900));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on every source file over 500 lines outside the exempt paths, code and styles alike', () => {
    const { unknown } = checkLines({ baseDir: dir, known: [] });
    expect(unknown).toEqual([
      { file: 'bench/long.mjs', lines: 600 },
      { file: 'server/modules/alpha/alpha.service.ts', lines: 501 },
      { file: 'web/ui/page.css', lines: 700 },
    ]);
  });

  it('passes what the known list names and reports entries that are no longer long', () => {
    const { unknown, stale } = checkLines({
      baseDir: dir,
      known: [
        { file: 'web/ui/page.css', removedBy: 'test' },
        { file: 'server/modules/alpha/alpha.repo.ts', removedBy: 'test' },
      ],
    });
    expect(unknown.map((f) => f.file)).toEqual(['bench/long.mjs', 'server/modules/alpha/alpha.service.ts']);
    expect(stale.map((k) => k.file)).toEqual(['server/modules/alpha/alpha.repo.ts']);
  });

  it('counts lines as wc -l does, with a last line that has no newline', () => {
    expect([countLines(''), countLines('a\n'), countLines('a\nb'), countLines('a\nb\n')]).toEqual([0, 1, 2, 2]);
  });
});
