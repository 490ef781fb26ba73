// The portal's first page in a browser: (1) the JS and CSS it loads, raw and gzip (level 9,
// the size a compressing proxy would send); (2) its first load on a throttled phone profile in
// Chromium through CDP — 4× CPU slowdown and DevTools' "Slow 4G" (562.5 ms latency,
// 1.44 Mbit/s down, 675 kbit/s up), cold cache, a 412×823 mobile viewport — median of BENCH_RUNS.
// It builds the web app (vite build) unless BENCH_NO_BUILD=1, starts the server on a fresh
// embedded database with the demo data, and prints Markdown tables.
// Run: npm run bench:web (under the heavy-run lock). Knobs: BENCH_RUNS (5), BENCH_PATH (/),
// BENCH_PORT (a free one), CHROMIUM_PATH (/usr/bin/chromium).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE_PATH = process.env.BENCH_PATH ?? '/';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// DevTools' "Slow 4G" preset (Lighthouse's mobile profile as DevTools throttling).
const SLOW_4G = {
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};
const CPU_SLOWDOWN = 4;
// The page is ready when its main heading is there and no loading placeholder is left.
const READY = 'main h1';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(port: number, dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    if (performance.now() - started > 180_000) {
      child.kill('SIGTERM');
      throw new Error('server did not become ready in 180 s');
    }
    await sleep(100);
  }
}

type Asset = { url: string; type: 'script' | 'stylesheet'; raw: number; gzip: number };

/** Every script and stylesheet the page loads until the network is quiet. */
async function assetsOf(browser: Browser, url: string): Promise<Asset[]> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const pending: Promise<Asset | null>[] = [];
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    if (kind !== 'script' && kind !== 'stylesheet') return;
    const type: Asset['type'] = kind;
    pending.push(
      response
        .body()
        .then((body) => ({
          url: new URL(response.url()).pathname,
          type,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }))
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector(READY);
  const assets = (await Promise.all(pending)).filter((a): a is Asset => a !== null);
  await context.close();
  return assets;
}

type Load = { ttfb: number; fcp: number; lcp: number; dcl: number; load: number; ready: number; bytes: number };

/** One cold first load on the throttled phone profile. */
async function throttledLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector(READY, { timeout: 120_000 });
  await page.waitForFunction(() => !document.querySelector('.page-loading'), null, { timeout: 120_000 });
  const ready = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    return {
      ttfb: nav.responseStart,
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      fcp,
      lcp: (window as unknown as { __lcp: number }).__lcp,
    };
  });
  await context.close();
  return { ...timing, ready, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kb = (n: number) => (n / 1024).toFixed(1);
const ms = (n: number) => Math.round(n).toString();

if (process.env.BENCH_NO_BUILD !== '1') {
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-bench-web-'));
const port = Number(process.env.BENCH_PORT ?? 0) || (await freePort());
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let server: ChildProcess | null = null;
try {
  server = await startServer(port, dataDir);
  const url = `http://127.0.0.1:${port}${PAGE_PATH}`;
  const assets = await assetsOf(browser, url);
  // One warm-up load (the server's first answers, the browser's own start), not counted.
  await throttledLoad(browser, url);
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) loads.push(await throttledLoad(browser, url));

  console.log(`\nweb-load: ${PAGE_PATH} at commit ${commit}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  console.log('| asset | type | raw, KiB | gzip, KiB |');
  console.log('| --- | --- | --- | --- |');
  for (const a of assets) console.log(`| ${a.url} | ${a.type} | ${kb(a.raw)} | ${kb(a.gzip)} |`);
  const sum = (type: Asset['type'] | null, key: 'raw' | 'gzip') =>
    assets.filter((a) => type === null || a.type === type).reduce((s, a) => s + a[key], 0);
  console.log(
    `| **JS** (${assets.filter((a) => a.type === 'script').length} files) | | ${kb(sum('script', 'raw'))} | ${kb(sum('script', 'gzip'))} |`,
  );
  console.log(`| **CSS** | | ${kb(sum('stylesheet', 'raw'))} | ${kb(sum('stylesheet', 'gzip'))} |`);
  console.log(`| **JS + CSS** | | ${kb(sum(null, 'raw'))} | ${kb(sum(null, 'gzip'))} |`);

  console.log(`\nThrottled first load (${CPU_SLOWDOWN}× CPU, Slow 4G, cold cache), median of ${RUNS}, ms`);
  console.log('| TTFB | FCP | LCP | DOMContentLoaded | load | page ready | transferred, KiB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const m = (key: keyof Load) => median(loads.map((l) => l[key]));
  console.log(
    `| ${ms(m('ttfb'))} | ${ms(m('fcp'))} | ${ms(m('lcp'))} | ${ms(m('dcl'))} | ${ms(m('load'))} | ${ms(m('ready'))} | ${kb(m('bytes'))} |`,
  );
  console.log(`runs (page ready): ${loads.map((l) => ms(l.ready)).join(', ')}`);
} finally {
  await browser.close();
  if (server?.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
