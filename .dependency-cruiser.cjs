/**
 * The layers paydesk keeps (docs/ARCHITECTURE.md, "Boundaries"). Checked in CI by
 * `npm run check:deps` (scripts/check-deps.ts), which also applies the known-violations list
 * in scripts/deps-known.ts. `npx depcruise server web common -c .dependency-cruiser.cjs` works too
 * (without the known list).
 *
 * A module's public entry, the only files another module may import:
 *   server/modules/<m>/index.ts       — its services, queries, policies and types for others;
 *   server/modules/<m>/<m>.module.ts  — its manifest (imported by server/modules/index.ts only);
 *   server/modules/<m>/commands/…     — its commands (the request domain's, issue 12).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part out, or call through an event. Type-only imports do not count.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-through-public-entry',
      severity: 'error',
      comment:
        'A module imports another module only through its public entry (index.ts, <m>.module.ts, commands/), never its repo, service or other internals.',
      from: { path: '^server/modules/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/(index|[^/]+\\.module)\\.ts$', '^server/modules/[^/]+/commands/'],
      },
    },
    {
      name: 'core-through-module-entries',
      severity: 'error',
      comment:
        'The server core (app.ts, runtime.ts, context.ts, issues.ts, the seeds, the CLI) reaches the modules through their list (modules/index.ts, module.ts, register.ts) or a public entry, never their internals.',
      from: { path: '^server/', pathNot: ['^server/(modules|platform|test)/', '\\.test\\.tsx?$'] },
      to: {
        path: '^server/modules/',
        pathNot: [
          '^server/modules/(index|module|register)\\.ts$',
          '^server/modules/[^/]+/(index|[^/]+\\.module)\\.ts$',
          '^server/modules/[^/]+/commands/',
        ],
      },
    },
    {
      name: 'platform-not-modules',
      severity: 'error',
      comment: 'server/platform/ is below the modules: it must not know any of them.',
      from: { path: '^server/platform/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP (web/api, generated); shared code lives in common/.',
      from: { path: '^web/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'common-stands-alone',
      severity: 'error',
      comment: 'common/ is shared by the browser and the server: it imports neither.',
      from: { path: '^common/' },
      to: { path: '^(server|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
