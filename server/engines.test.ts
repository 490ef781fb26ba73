import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The project runs on Node 20.19 (the machines) and Node 24 LTS (what users run): no installed
// package may declare that it needs another Node. `npm ci` only warns (EBADENGINE); this fails.
// Packages whose newer lines need Node 22 are pinned or overridden in package.json.
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const project = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };

describe('Node versions', () => {
  it('every locked package runs on Node 20.19 and Node 24', () => {
    const refused: string[] = [];
    for (const [where, pkg] of Object.entries(lock.packages)) {
      const range = !where || Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      if (!range) continue;
      for (const node of ['20.19.0', '24.0.0']) {
        if (!semver.satisfies(node, range, { includePrerelease: true }))
          refused.push(`${where}@${pkg.version} needs node ${range}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('the project says so too', () => {
    expect(semver.minVersion(project.engines.node)?.version).toBe('20.19.0');
  });
});
