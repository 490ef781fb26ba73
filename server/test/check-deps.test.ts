import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDeps } from '../../scripts/check-deps';
import type { KnownViolation } from '../../scripts/deps-known';

const FIXTURE = fileURLToPath(new URL('../../scripts/deps-fixture', import.meta.url));
const run = (known: KnownViolation[]) => checkDeps({ baseDir: FIXTURE, roots: ['server', 'web'], known });

describe('npm run check:deps on a tree with one seeded violation of each rule', () => {
  it('fails on each of them', async () => {
    const { unknown } = await run([]);
    const F = 'server/modules';
    expect(unknown).toEqual(
      expect.arrayContaining([
        { rule: 'module-through-public-entry', from: `${F}/beta/index.ts`, to: `${F}/alpha/alpha.repo.ts` },
        { rule: 'platform-not-modules', from: 'server/platform/clock.ts', to: `${F}/alpha/index.ts` },
        { rule: 'core-through-module-entries', from: 'server/runtime.ts', to: `${F}/alpha/alpha.repo.ts` },
        { rule: 'web-not-server', from: 'web/page.ts', to: 'server/platform/clock.ts' },
        { rule: 'no-module-cycle', from: 'alpha', to: 'beta' },
        { rule: 'no-module-cycle', from: 'beta', to: 'alpha' },
      ]),
    );
    expect(unknown.filter((f) => f.rule === 'no-circular').map((f) => f.from)).toEqual(
      expect.arrayContaining([`${F}/beta/beta.one.ts`]),
    );
    // An import through the public entry is not a violation.
    expect(unknown.some((f) => f.from === 'server/runtime.ts' && f.to === `${F}/alpha/index.ts`)).toBe(false);
    expect(unknown.some((f) => f.from === `${F}/alpha/index.ts` && f.rule === 'module-through-public-entry')).toBe(false);
  }, 120_000);

  it('passes what the known list names, keeps failing on the rest, and reports entries that no longer happen', async () => {
    const { unknown, stale } = await run([
      { rule: 'web-not-server', from: 'web/page.ts', to: 'server/platform/clock.ts', removedBy: 'test' },
      { rule: 'no-module-cycle', from: 'beta', to: 'alpha', removedBy: 'test' },
      { rule: 'web-not-server', from: 'web/gone.ts', to: 'server/x.ts', removedBy: 'test' },
    ]);
    expect(unknown.some((f) => f.rule === 'web-not-server')).toBe(false);
    // The cycle alpha ↔ beta is closed by the known edge beta → alpha: alpha → beta is no longer on a cycle.
    expect(unknown.some((f) => f.rule === 'no-module-cycle')).toBe(false);
    expect(unknown.some((f) => f.rule === 'platform-not-modules')).toBe(true);
    expect(stale.map((k) => k.from)).toEqual(['web/gone.ts']);
  }, 120_000);
});
