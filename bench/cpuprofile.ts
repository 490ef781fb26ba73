// Summarises V8 CPU profiles (node --cpu-prof; e.g. BENCH_CPU_PROF=/tmp/prof npm run bench:intake):
// self time by function, by where the code lives (a package under node_modules, node's own
// internals, this repository's files, GC, idle), and by owner: each sample charged to the nearest
// frame in a package or in our code, so a socket write made for pg counts as pg's.
// Run: npx tsx bench/cpuprofile.ts /tmp/prof/*.cpuprofile [--top 30] [--window FROM-TO] [--callers NAME]
// (--window: monotonic microseconds, as bench/intake.ts prints them with BENCH_CPU_PROF, to keep
// only the samples of a measured level and leave out start-up and the drain afterwards;
// --callers: the commonest stacks under which function NAME spends its self time.)
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const TOP = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const windowAt = args.indexOf('--window');
const [FROM = -Infinity, TO = Infinity] = windowAt >= 0 ? (args[windowAt + 1] ?? '').split('-').map(Number) : [];
const callersAt = args.indexOf('--callers');
const CALLERS = callersAt >= 0 ? (args[callersAt + 1] ?? '') : '';
const optionValues = new Set([topAt, windowAt, callersAt].filter((i) => i >= 0).map((i) => i + 1));
const files = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i));
if (files.length === 0) {
  console.error('usage: tsx bench/cpuprofile.ts <file.cpuprofile>... [--top N] [--window FROM-TO] [--callers NAME]');
  process.exit(2);
}

/** Where a frame's code lives: a package, node's internals, a file of ours, or a V8 pseudo-frame. */
function place(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith('node:')) return 'node:internal';
  const ours = /\/(server|common)\/(.+)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

const frameName = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${place(f.url, f.functionName)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
/** A place that owns work: a package or a file of ours (not node's internals, native code or V8). */
const owning = (where: string) => !where.startsWith('(') && where !== 'node:internal';

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
const byOwner = new Map<string, number>();
const callerStacks = new Map<string, number>();
let total = 0;
let idle = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const node = nodes.get(profile.samples[i] ?? -1);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node || at < FROM || at > TO) continue;
    const { functionName, url } = node.callFrame;
    const where = place(url, functionName);
    if (functionName === '(idle)') {
      idle += dt;
      continue;
    }
    total += dt;
    const key = frameName(node.callFrame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
    byPlace.set(where, (byPlace.get(where) ?? 0) + dt);
    let owner = where;
    const stack: string[] = [];
    for (let id = parent.get(node.id); id !== undefined && (!owning(owner) || stack.length < 8); id = parent.get(id)) {
      const frame = nodes.get(id)?.callFrame;
      if (!frame) break;
      if (!owning(owner)) owner = place(frame.url, frame.functionName);
      if (stack.length < 8) stack.push(frameName(frame));
    }
    const ownerKey = owning(owner) ? (owning(where) ? owner : `${owner} (via node/native)`) : where;
    byOwner.set(ownerKey, (byOwner.get(ownerKey) ?? 0) + dt);
    if (CALLERS && functionName === CALLERS) {
      const chain = stack.join(' < ');
      callerStacks.set(chain, (callerStacks.get(chain) ?? 0) + dt);
    }
  }
}

const pct = (x: number) => `${((100 * x) / total).toFixed(1)} %`;
console.log(`\n${files.length} profile(s): ${(total / 1000).toFixed(1)} s busy, ${(idle / 1000).toFixed(1)} s idle\n`);
console.log('| where (self time) | ms | share of busy |');
console.log('| --- | --- | --- |');
for (const [k, v] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`| ${k} | ${v.toFixed(0)} | ${pct(v)} |`);
console.log('\n| owner (self time charged to the nearest package or file of ours) | ms | share of busy |');
console.log('| --- | --- | --- |');
for (const [k, v] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`| ${k} | ${v.toFixed(0)} | ${pct(v)} |`);
console.log('\n| function (self time) | ms | share of busy |');
console.log('| --- | --- | --- |');
for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP))
  console.log(`| ${k} | ${v.toFixed(0)} | ${pct(v)} |`);
if (CALLERS) {
  console.log(`\nstacks of ${CALLERS} (self time):`);
  for (const [k, v] of [...callerStacks].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${v.toFixed(0)} ms  ${k}`);
}
