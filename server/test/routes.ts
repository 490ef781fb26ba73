import type { FastifyInstance } from 'fastify';

export type RouteEntry = { method: string; path: string };

/**
 * Every route the app has, as `METHOD /path`, read from Fastify's own route tree
 * (`printRoutes`), so hidden routes (no OpenAPI entry) are listed too. HEAD, which Fastify adds
 * to every GET, and the Swagger UI's own files are left out; `/x/` and `/x` count once.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const stack: string[] = [];
  const seen = new Set<string>();
  const out: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4));
    if (!m) continue;
    stack.length = depth;
    stack.push(m[1] ?? '');
    if (!m[2]) continue;
    const full = stack.join('');
    const path = full.length > 1 ? full.replace(/\/$/, '') : full;
    if (path.startsWith('/api/docs')) continue;
    for (const method of m[2].split(', ')) {
      if (method === 'HEAD') continue;
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ method, path });
    }
  }
  return out;
}
