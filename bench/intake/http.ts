// bench/intake's HTTP: one request on a keep-alive agent, JSON and multipart bodies, the demo
// customer's sign-in and the catalogue's leaves.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export type Req = { method: string; path: string; headers: Record<string, string>; body?: Buffer };
type Res = { status: number; body: Buffer; headers: http.IncomingHttpHeaders };

export function send(agent: http.Agent, port: number, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    const body = req.body ?? Buffer.alloc(0);
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        agent,
        headers: { ...req.headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
        res.on('error', reject);
      },
    );
    r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(body);
  });
}

export const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(value)),
});

export function multipart(data: unknown, files: Array<{ field: string; name: string; type: string; content: Buffer }>) {
  const boundary = `----paydeskbench${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(chunks) };
}

export type Session = { cookie: string; csrf: string };

export async function signIn(port: number): Promise<Session> {
  const agent = new http.Agent();
  try {
    const res = await send(agent, port, {
      method: 'POST',
      path: '/api/v1/auth/login',
      ...json({ kind: 'customer', login: 'customer@paydesk.local', password: 'demo-customer' }),
    });
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.body.toString()}`);
    const setCookie = res.headers['set-cookie'] ?? [];
    const cookie = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('pd_session='));
    const csrf = (JSON.parse(res.body.toString()) as { csrfToken?: unknown }).csrfToken;
    if (!cookie || typeof csrf !== 'string') throw new Error('sign-in gave no pd_session cookie or csrfToken');
    return { cookie, csrf };
  } finally {
    agent.destroy();
  }
}

type CatalogNode = { id: string; slug: string; isLeaf: boolean; children: CatalogNode[] };

export async function leafIds(port: number, slugs: string[]): Promise<Map<string, string>> {
  const agent = new http.Agent();
  try {
    const res = await send(agent, port, { method: 'GET', path: '/api/v1/catalog', headers: {} });
    const { items } = JSON.parse(res.body.toString()) as { items: CatalogNode[] };
    const found = new Map<string, string>();
    const walk = (nodes: CatalogNode[]) => {
      for (const n of nodes) {
        if (n.isLeaf && slugs.includes(n.slug)) found.set(n.slug, n.id);
        walk(n.children);
      }
    };
    walk(items);
    for (const slug of slugs) if (!found.has(slug)) throw new Error(`leaf ${slug} not in the catalogue`);
    return found;
  } finally {
    agent.destroy();
  }
}
