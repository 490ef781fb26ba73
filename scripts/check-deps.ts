/**
 * `npm run check:deps`: the layers of docs/ARCHITECTURE.md ("Boundaries"), checked by
 * dependency-cruiser with the rules of .dependency-cruiser.cjs, plus one check it has no rule
 * for: cycles between modules (a folder-level cycle is not always a file-level one). Violations
 * named in scripts/deps-known.ts are reported but pass; any other fails the run. A known entry
 * that no longer happens is reported, so it can be deleted.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { KNOWN_VIOLATIONS, type KnownViolation } from './deps-known';

export type Found = { rule: string; from: string; to: string };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODULE_OF = /^server\/modules\/([^/]+)\//;
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/**
 * Edges module → module that lie on a cycle between module folders (tests and type-only imports
 * left out), once the `skip` edges are taken out of the graph: a known edge that closes a cycle
 * does not make every other edge of that cycle a violation too.
 */
export function moduleCycles(result: ICruiseResult, skip: readonly { from: string; to: string }[] = []): Found[] {
  const edges = new Map<string, Set<string>>();
  for (const m of result.modules) {
    const from = MODULE_OF.exec(m.source)?.[1];
    if (!from || isTest(m.source)) continue;
    for (const d of m.dependencies) {
      const to = MODULE_OF.exec(d.resolved)?.[1];
      if (!to || to === from || d.dependencyTypes.includes('type-only')) continue;
      if (skip.some((s) => s.from === from && s.to === to)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  const reaches = (a: string, b: string): boolean => {
    const seen = new Set<string>();
    const todo = [a];
    while (todo.length > 0) {
      const x = todo.pop() as string;
      if (x === b) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      todo.push(...(edges.get(x) ?? []));
    }
    return false;
  };
  const found: Found[] = [];
  for (const [from, tos] of edges) for (const to of tos) if (reaches(to, from)) found.push({ rule: 'no-module-cycle', from, to });
  return found.sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
}

const same = (k: KnownViolation, f: Found) => k.rule === f.rule && k.from === f.from && k.to === f.to;

/** Cruises `roots` under `baseDir` with the rules of `config`; splits what it finds by the known list. */
export async function checkDeps(
  options: { baseDir?: string; roots?: string[]; config?: string; known?: readonly KnownViolation[] } = {},
): Promise<{ found: Found[]; unknown: Found[]; stale: KnownViolation[] }> {
  const baseDir = options.baseDir ?? ROOT;
  const config = options.config ?? path.join(ROOT, '.dependency-cruiser.cjs');
  const known = options.known ?? KNOWN_VIOLATIONS;
  const cruiseOptions = await extractDepcruiseOptions(config);
  const tsConfig = extractTSConfig(path.join(ROOT, 'tsconfig.json'));
  const { output } = await cruise(
    options.roots ?? ['server', 'web', 'common'],
    { ...cruiseOptions, baseDir, validate: true, outputType: 'json' },
    {},
    { tsConfig },
  );
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  const fileRules = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  const found: Found[] = [...fileRules, ...moduleCycles(result)];
  const knownCycles = known.filter((k) => k.rule === 'no-module-cycle');
  return {
    found,
    unknown: [...fileRules.filter((f) => !known.some((k) => same(k, f))), ...moduleCycles(result, knownCycles)],
    stale: known.filter((k) => !found.some((f) => same(k, f))),
  };
}

async function main(): Promise<void> {
  const { unknown, stale } = await checkDeps();
  for (const k of stale) console.warn(`gone (delete it from scripts/deps-known.ts): ${k.rule} ${k.from} → ${k.to}`);
  if (unknown.length > 0) {
    for (const f of unknown) console.error(`✗ ${f.rule}: ${f.from} → ${f.to}`);
    console.error(`\n${unknown.length} dependency rule violation(s); see docs/ARCHITECTURE.md, "Boundaries".`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `dependency rules hold (${KNOWN_VIOLATIONS.length - stale.length} known violation(s) passed, listed in scripts/deps-known.ts)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
