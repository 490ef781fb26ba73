// Help-centre search and consultant benchmark: 10,000 generated articles (ru/uk, built from the
// demo articles' sentences) and 1,000 real-shaped customer queries (phrasings from the seeds,
// with typos, ё/е, cut-off words and Ukrainian forms); GET /api/v1/kb/search and POST
// /api/v1/bot/ask over HTTP at concurrency 8, on PGlite and on PostgreSQL; prints p50/p95.
//
// Data: a fresh DATA_DIR (PGlite) or a fresh database on BENCH_DATABASE_URL's server, migrated and
// seeded by the app's own runtime, the articles inserted and indexed (indexMissing) before the
// app starts as a child (`node --import tsx server/main.ts`, PAYDESK_ROLES=web). Load goes only
// to 127.0.0.1. The database and the directory are removed at the end.
//
// Run: npm run bench:kb-search. Knobs: BENCH_ENGINES (pglite,postgres), BENCH_DATABASE_URL
// (postgres://postgres@127.0.0.1:5432/postgres), BENCH_ARTICLES (10000), BENCH_QUERIES (1000), BENCH_CONCURRENCY (8),
// BENCH_APP_NODE_ARGS (extra node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_WARMUP (1: first the measured queries in the other language, to warm the app's JIT without
// sharing a cached result; 0: only the 100 + 50 requests of before), BENCH_CLIENT (raw: hand-written
// keep-alive HTTP/1.1 connections; http: Node's http client, as before), BENCH_FLOOR (1: after the app, the
// same search load on bench/kb-floor.mjs — bare Fastify giving back an answer of the app's — to read the
// app's figures against the host's speed at that moment; 0 skips it). Prints CPU per request.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import net from 'node:net';
import { cpus, loadavg } from 'node:os';
import pino from 'pino';
import { loadConfig } from '../server/config';
import { kbArticles } from '../server/db/schema';
import { indexMissing } from '../server/modules/kb/kb.search';
import { DEMO_ARTICLES } from '../server/seed/demo-articles';
import { cpuSnapshot, cpuUse } from './cpu';
import { cpuPerRequest, ENGINES, onEngine, pct, root, waitReady } from './harness';
import { RawConnection } from './rawhttp';
import { createRuntime } from '../server/runtime';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** `raw` (default): keep-alive connections written and parsed by hand; `http`: Node's http client (before). */
const CLIENT = process.env.BENCH_CLIENT ?? 'raw';
/** 1 (default): warm the app's JIT with the measured queries asked in the other language first; 0: before. */
const WARMUP = process.env.BENCH_WARMUP !== '0';
/** 1 (default): after the app, the same search load against bench/kb-floor.mjs (the bare stack); 0 skips it. */
const FLOOR = process.env.BENCH_FLOOR !== '0';

/** A seeded PRNG (mulberry32): the same articles and queries every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// ── data ──
const sentences = (text: string) => text.match(/[^.!?]+[.!?]+/g) ?? [text];
const variants = DEMO_ARTICLES.flatMap((a) =>
  (['ru', 'uk'] as const).flatMap((locale) => {
    const v = a.variants[locale];
    return v ? [{ locale, audience: a.audience, section: a.section, tags: a.tags, ...v }] : [];
  }),
);
const QUALIFIERS = {
  ru: [
    'в приложении',
    'на сайте',
    'через терминал',
    'для карт Visa',
    'для карт Мир',
    'в роуминге',
    'для агентов',
    'с новым номером',
    'после смены телефона',
    'в выходные',
  ],
  uk: [
    'у застосунку',
    'на сайті',
    'через термінал',
    'для карток Visa',
    'у роумінгу',
    'для агентів',
    'з новим номером',
    'після зміни телефону',
    'у вихідні',
  ],
};

function generateArticles(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const base = pick(variants.filter((v) => (i % 3 === 0 ? v.locale === 'uk' : v.locale === 'ru')));
    const other = pick(variants.filter((v) => v.locale === base.locale));
    const q = pick(QUALIFIERS[base.locale]);
    const body = [...sentences(base.body), ...sentences(other.body)].sort(() => rand() - 0.5).join(' ');
    out.push({
      slug: `gen-${i}`,
      locale: base.locale,
      section: base.section,
      audience: base.audience,
      tags: base.tags,
      title: `${base.title.replace(/:.*$/, '')} ${q}`,
      summary: [...sentences(base.summary), pick(sentences(other.summary))].join(' '),
      body,
    });
  }
  return out;
}

const PHRASES = {
  ru: [
    'не приходит смс с кодом',
    'заблокировали кошелек',
    'кошелёк заблокирован что делать',
    'блокировка кошелька',
    'не прышла смс',
    'деньги не пришли через терминал',
    'терминал не выдал чек',
    'терминал не принял купюру',
    'как вывести деньги на карту',
    'забыл пароль',
    'не могу войти в кошелек',
    'перевел не на тот номер',
    'ошибся номером при пополнении телефона',
    'кто-то списал деньги',
    'взломали аккаунт',
    'как привязать карту',
    'лимит на вывод',
    'как удалить кошелек',
    'сколько рассматривают заявку',
    'приложение не работает',
    'не приходят уведомления',
    'как пройти идентификацию',
    'хочу пожаловаться',
    'компенсация за ошибку',
    'заказать выписку',
    'восстановить пин код',
    'ошибка платежа',
    'проверить статус платежа',
    'перевод не дошел',
    'киви заблокировали',
    'бабки не пришли',
    'оператор',
    'позовите специалиста',
    'здравствуйте',
    'спасибо',
    'как приготовить борщ',
  ],
  uk: [
    'гаманець заблоковано',
    'не приходить смс з кодом',
    'забув пароль',
    'гроші не надійшли через термінал',
    'термінал не видав чек',
    'як вивести гроші на картку',
    'переказ не дійшов',
    'зламали акаунт',
    'як привязати картку',
    'не можу увійти',
    'дякую',
  ],
};

/** Real-shaped queries: phrasings customers use, some with a typo (two letters swapped), ё/е, or the last word cut. */
function generateQueries(n: number): Array<{ q: string; locale: 'ru' | 'uk' }> {
  const out: Array<{ q: string; locale: 'ru' | 'uk' }> = [];
  for (let i = 0; i < n; i++) {
    const locale = i % 4 === 0 ? 'uk' : 'ru';
    let q = pick(PHRASES[locale]);
    const r = rand();
    if (r < 0.2) {
      const at = 1 + Math.floor(rand() * (q.length - 3));
      q = q.slice(0, at) + q[at + 1] + q[at] + q.slice(at + 2);
    } else if (r < 0.3) q = q.replace(/е/g, 'ё');
    else if (r < 0.4 && q.length > 8) q = q.slice(0, q.length - 3);
    out.push({ q, locale });
  }
  return out;
}

// ── processes ──
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function prepare(env: Record<string, string>): Promise<void> {
  const config = loadConfig({ env: { ...env, SEED_DEMO: 'true', LOG_LEVEL: 'warn' } });
  const runtime = await createRuntime(config, { background: false, logger: pino({ level: 'warn' }) });
  try {
    const rows = generateArticles(ARTICLES);
    for (let i = 0; i < rows.length; i += 500)
      await runtime.ctx.db
        .insert(kbArticles)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing();
    const started = Date.now();
    const indexed = await indexMissing(runtime.ctx.db);
    console.log(`  indexed ${indexed} article variants in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await runtime.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(port: number, method: string, pathname: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathname,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function load(
  port: number,
  queries: Array<{ q: string; locale: string }>,
  kind: 'search' | 'bot',
  cpu?: { appPid: number; database: string },
) {
  const latencies: number[] = [];
  const connections = CLIENT === 'http' ? [] : Array.from({ length: CONCURRENCY }, () => new RawConnection(port));
  const before = cpu ? cpuSnapshot(cpu.appPid, cpu.database) : null;
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      const send = (method: string, pathname: string, body?: unknown) =>
        CLIENT === 'http' ? request(port, method, pathname, body) : connections[worker]!.request(method, pathname, { body });
      for (;;) {
        const i = next++;
        if (i >= queries.length) return;
        const { q, locale } = queries[i]!;
        const t0 = performance.now();
        const res =
          kind === 'search'
            ? await send('GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}&locale=${locale}&limit=5`)
            : await send('POST', '/api/v1/bot/ask', { text: q, locale });
        latencies.push(performance.now() - t0);
        if (res.status !== 200) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const use = before && cpu ? cpuUse(before, cpuSnapshot(cpu.appPid, cpu.database)) : null;
  for (const c of connections) c.close();
  return { p50: pct(latencies, 50), p95: pct(latencies, 95), rps: queries.length / seconds, errors, use };
}

async function runEngine(engine: string) {
  await onEngine(engine, 'kb', async (e) => {
    console.log(`${engine}: generating ${ARTICLES} articles`);
    await prepare(e.env);
    const port = await freePort();
    const child = e.startApp(port, { BOT_ASKS_PER_IP_MINUTE: '1000000' });
    await waitReady(port);
    const queries = generateQueries(QUERIES);
    if (WARMUP) {
      // The app's JIT warms up over the first few thousand requests (a fresh process spent ~0.7 ms of
      // CPU per search in its first thousand, ~0.15–0.25 ms later): warm it with the same queries
      // asked in the other language, so no result, candidate list or typo fix is shared with the run.
      const other = queries.map(({ q, locale }) => ({ q, locale: locale === 'uk' ? 'ru' : 'uk' }));
      await load(port, other, 'search');
      await load(port, other, 'bot');
    }
    await load(port, queries.slice(0, 100), 'search'); // warm-up
    await load(port, queries.slice(0, 50), 'bot');
    const cpu = { appPid: child.pid ?? 0, database: e.database };
    const t0 = process.hrtime.bigint() / 1000n;
    const search = await load(port, queries, 'search', cpu);
    const t1 = process.hrtime.bigint() / 1000n;
    const bot = await load(port, queries, 'bot', cpu);
    const t2 = process.hrtime.bigint() / 1000n;
    // Monotonic microseconds, the clock of V8's profiles: bench/cpuprofile.ts --window FROM-TO.
    if ((process.env.BENCH_APP_NODE_ARGS ?? '').includes('--cpu-prof'))
      console.log(`${engine}: profile windows search ${t0}-${t1}, bot ${t1}-${t2}`);
    const f = (x: number) => x.toFixed(1);
    // An answer of the app's of the median size among the first 21 queries', for the floor.
    const sampler = new RawConnection(port);
    const answers: string[] = [];
    for (const { q, locale } of queries.slice(0, 21))
      answers.push((await sampler.request('GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}&locale=${locale}&limit=5`)).text);
    sampler.close();
    const sample = { text: answers.sort((a, b) => a.length - b.length)[10] ?? '' };
    console.log(
      `${engine}: search p50 ${f(search.p50)} ms, p95 ${f(search.p95)} ms, ${f(search.rps)} req/s, errors ${search.errors}${cpuPerRequest(search.use, queries.length)}`,
    );
    console.log(
      `${engine}: bot    p50 ${f(bot.p50)} ms, p95 ${f(bot.p95)} ms, ${f(bot.rps)} req/s, errors ${bot.errors}${cpuPerRequest(bot.use, queries.length)}`,
    );
    if (!FLOOR) return;
    // The bare stack in the same minutes, on the cores the app has left: the app stops first.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    const bodyFile = path.join(e.env.DATA_DIR ?? '', 'floor-answer.json');
    writeFileSync(bodyFile, sample.text);
    const floorPort = await freePort();
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const floor = spawn(process.execPath, [...nodeArgs, path.join(root, 'bench/kb-floor.mjs')], {
      cwd: root,
      env: { ...process.env, PORT: String(floorPort), FLOOR_BODY: bodyFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await waitReady(floorPort);
      await load(floorPort, queries, 'search'); // warm-up, as many as the measured run
      const r = await load(floorPort, queries, 'search', { appPid: floor.pid ?? 0, database: e.database });
      console.log(
        `${engine}: floor  p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, ${f(r.rps)} req/s, errors ${r.errors}${cpuPerRequest(r.use, queries.length).replace('app', 'floor')} (bare Fastify, the app's answer of ${Buffer.byteLength(sample.text)} bytes)`,
      );
    } finally {
      const gone = new Promise((resolve) => floor.once('exit', resolve));
      floor.kill('SIGTERM');
      await gone;
    }
  });
}

console.log(
  `kb-search bench: ${ARTICLES} articles, ${QUERIES} queries, c=${CONCURRENCY}; ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (const engine of ENGINES) await runEngine(engine);
agent.destroy();
