/**
 * Fuzzing the API (issue 14, item 6): property-based requests generated from every route's
 * schema in the OpenAPI document, plus hostile mutations (NUL bytes, lone surrogates, huge
 * strings, deep nesting, wrong types, prototype keys, broken bodies), sent anonymously, as a
 * customer and as an admin. No answer may be a 5xx, every 4xx must be the API's error envelope.
 *
 * `npm test` runs a short pass; `npm run test:fuzz` (in .ci/run) a few thousand cases
 * (FUZZ_RUNS, default 3000). A failure prints fast-check's seed and the shrunk request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../common/errors';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeCustomer } from './test/factories';
import { makeMember } from './test/staff';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const COLLECT = process.env.FUZZ_COLLECT === '1';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
// Routes a fuzzer must not call: signing out ends the sessions the other cases use.
const SKIP = new Set(['POST /api/v1/auth/logout']);

type Json = Record<string, unknown>;
type Operation = {
  key: string;
  method: string;
  path: string;
  pathParams: Array<{ name: string; schema: Json }>;
  queryParams: Array<{ name: string; schema: Json; required: boolean }>;
  body: Json | null;
  multipart: boolean;
};

let t: TestApp;
let sessions: Array<Session | null>;
let operations: Operation[];
let components: Record<string, Json>;

/** JSON nested `levels` deep, as text (building it as an object would overflow the stack of JSON.stringify). */
function deepJson(levels: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < levels; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}"x"${close}`;
}

// Big values stand in as markers, expanded when sent, so a failure's report stays readable.
const HUGE = '<huge string>';
const DEEP_200 = '<nested 200 deep>';
const DEEP_5000 = '<nested 5000 deep>';
const expand = (v: unknown): unknown => (v === HUGE ? 'x'.repeat(300_000) : v);
/** JSON text of a value, the nesting markers replaced by the nested JSON itself. */
const toJson = (v: unknown): string =>
  (JSON.stringify(expand(v)) ?? '')
    .replaceAll(JSON.stringify(DEEP_200), deepJson(200))
    .replaceAll(JSON.stringify(DEEP_5000), deepJson(5000));

/** Values no field should accept: each must be refused with a 4xx naming the field, never a 5xx. */
const hostile = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udc00y',
      HUGE,
      '9'.repeat(400),
      -1,
      0,
      1e308,
      -1e308,
      true,
      null,
      [],
      {},
      '',
      ' ',
      '../../etc/passwd',
      "' OR 1=1 --",
      '<script>alert(1)</script>',
      '%00',
      '\u202eevil',
      'PD-0',
      '00000000-0000-0000-0000-000000000000',
      '2026-02-30T25:61:00Z',
      '300000-01-01',
      'NaN',
      'Infinity',
      JSON.parse('{"__proto__":{"polluted":1}}'),
      JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
      DEEP_200,
      DEEP_5000,
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

function resolve(schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop() ?? '';
    return components[name] ?? {};
  }
  return schema;
}

/** An arbitrary of values valid (mostly) for a JSON schema of the OpenAPI document. */
function fromSchema(raw: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!raw || depth > 6) return fc.constant(undefined);
  const schema = resolve(raw);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return fromSchema(schema.allOf[0] as Json, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return fc.oneof(...type.map((ty) => fromType(ty, schema, depth)));
}

function fromType(type: string | undefined, schema: Json, depth: number): fc.Arbitrary<unknown> {
  const num = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      const minLength = num('minLength') ?? 0;
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(num('maxLength') ?? 40, 40)) });
    }
    case 'integer':
      return fc.integer({ min: num('minimum') ?? -10, max: num('maximum') ?? 100_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: num('minimum') ?? -1e6, max: num('maximum') ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items as Json, depth + 1), {
        minLength: num('minItems') ?? 0,
        maxLength: Math.max(num('minItems') ?? 0, Math.min(num('maxItems') ?? 3, 3)),
      });
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required ?? []) as string[]);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) model[k] = fromSchema(s, depth + 1);
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function readOperations(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const key = `${method.toUpperCase()} ${fastifyPath}`;
      if (SKIP.has(key)) continue;
      const params = (op.parameters ?? []) as Array<{ in: string; name: string; schema: Json; required?: boolean }>;
      const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, { schema: Json }>;
      out.push({
        key,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
        body: content['application/json']?.schema ?? null,
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  return out;
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'field'; value: unknown; pick: number }
  | { kind: 'body'; value: unknown }
  | { kind: 'query'; value: string; pick: number }
  | { kind: 'path'; value: string }
  | { kind: 'raw'; contentType: string; payload: string };

const RAW_BODIES: Array<{ contentType: string; payload: string }> = [
  { contentType: 'application/json', payload: '{"a":' },
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { contentType: 'application/json', payload: '{"__proto__":{"polluted":true}}' },
  { contentType: 'application/json', payload: '"\\ud800"' },
  { contentType: 'multipart/form-data', payload: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n--x--' },
  { contentType: 'multipart/form-data; boundary=zzz', payload: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}' },
  {
    contentType: 'multipart/form-data; boundary=x',
    payload: '--x\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG',
  },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&__proto__[x]=1' },
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('field' as const), value: hostile(), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('body' as const), value: hostile() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      value: hostile().map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('path' as const),
      value: fc.constantFrom('\u0000', '%00', '%ED%A0%80', '%FF', 'x'.repeat(5000), '..', '%2e%2e%2f', ' '),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((r): Mutation => ({ kind: 'raw', ...r })) },
);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function encodePart(v: unknown): string {
  const e = expand(v);
  const s = typeof e === 'string' && e !== DEEP_200 && e !== DEEP_5000 ? e : toJson(e);
  // A lone surrogate cannot be percent-encoded as UTF-8: send what a client would, its replacement.
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd'));
}

function caseFor(op: Operation) {
  const pathValues = fc.tuple(...op.pathParams.map((p) => fromSchema(p.schema)));
  const queryValues = fc.tuple(...op.queryParams.map((p) => fc.option(fromSchema(p.schema), { nil: undefined })));
  const body = op.body ? fromSchema(op.body) : fc.constant(undefined);
  return fc.record({ op: fc.constant(op), pathValues, queryValues, body, mutation, who: fc.nat({ max: 2 }) });
}

type Case = {
  op: Operation;
  pathValues: unknown[];
  queryValues: unknown[];
  body: unknown;
  mutation: Mutation;
  who: number;
};

async function send(c: Case) {
  const { op, mutation: m } = c;
  let i = 0;
  let url = op.path.replace(/\{(\w+)\}/g, () => {
    const v = m.kind === 'path' ? m.value : c.pathValues[i];
    i++;
    return m.kind === 'path' ? encodeURIComponent(v as string).replace(/%25/g, '%') : encodePart(v ?? 'x');
  });
  const query: string[] = [];
  op.queryParams.forEach((p, j) => {
    const v = c.queryValues[j];
    if (v !== undefined && v !== null) query.push(`${encodeURIComponent(p.name)}=${encodePart(v)}`);
  });
  if (m.kind === 'query') {
    const name = op.queryParams.length ? op.queryParams[m.pick % op.queryParams.length]!.name : 'q';
    query.push(`${encodeURIComponent(name)}=${encodePart(m.value)}`);
  }
  if (query.length) url += `?${query.join('&')}`;
  let body = c.body;
  if (m.kind === 'body') body = expand(m.value);
  if (m.kind === 'field') {
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const keys = Object.keys(body);
      const key = keys.length ? keys[m.pick % keys.length]! : 'field';
      body = { ...(body as Json), [key]: expand(m.value) };
    } else body = expand(m.value);
  }
  const session = sessions[c.who];
  const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {};
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  if (m.kind === 'raw') {
    return t.app.inject({
      method: op.method as 'POST',
      url,
      headers: { ...headers, 'content-type': m.contentType },
      payload: hasBody ? m.payload : undefined,
    });
  }
  return t.app.inject({
    method: op.method as 'POST',
    url,
    headers,
    ...(hasBody && body !== undefined
      ? { payload: toJson(body), headers: { ...headers, 'content-type': 'application/json' } }
      : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const admin = await makeMember(t.ctx.db, ['admin'], []);
  const customer = await makeCustomer(t.ctx.db);
  sessions = [
    null,
    await t.signIn('customer', customer.email ?? '', customer.password),
    await t.signIn('staff', admin.email, admin.password),
  ];
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Json;
  components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  operations = readOperations(doc);
}, 120_000);
afterAll(async () => t?.dispose());

describe('fuzz: every route of the OpenAPI document', () => {
  it('reads the routes from the document', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(operations.some((o) => o.body)).toBe(true);
  });

  it(
    `answers ${RUNS} generated and hostile requests with no 5xx and the error envelope on every 4xx`,
    async () => {
      const seen = new Map<number, number>();
      const failures = new Map<string, string>();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...operations).chain((op) => caseFor(op)),
          async (c) => {
            const res = await send(c as Case);
            seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
            const where = `${c.op.key} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            // FUZZ_COLLECT=1: list every failing route once instead of stopping at the first.
            if (COLLECT && res.statusCode >= 500) {
              if (!failures.has(c.op.key)) failures.set(c.op.key, JSON.stringify({ ...c, op: undefined }).slice(0, 400));
              return;
            }
            expect(res.statusCode, where).toBeLessThan(500);
            if (res.statusCode >= 400) {
              const body = res.json() as { error?: { code?: string; requestId?: string } };
              expect(Object.keys(ERROR_CODES), where).toContain(body.error?.code);
              expect(ERROR_CODES[body.error!.code as keyof typeof ERROR_CODES], where).toBe(res.statusCode);
              expect(typeof body.error?.requestId, where).toBe('string');
            }
            // A prototype key must never reach Object.prototype.
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
      );
      if (COLLECT) console.warn('failing routes:', Object.fromEntries(failures));
      // The run reached handlers, not only the validator.
      expect([...seen.keys()].some((s) => s < 300)).toBe(true);
      console.warn('fuzz answers by status:', Object.fromEntries([...seen.entries()].sort((a, b) => a[0] - b[0])));
    },
    Math.max(120_000, RUNS * 200),
  );
});
