import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { safeEqual } from '../../platform/crypto';
import { readiness } from './health.service';

/** The probes' paths: app.ts leaves their request logging to the routes here (health's manifest, `quietPaths`). */
export const PROBE_PATHS = ['/healthz', '/readyz', '/metrics'] as const;
const PROBES = new Set<string>(PROBE_PATHS);

/** Load balancers and scrapers call these every few seconds: their requests are logged at debug level. */
export const isProbe = (url: string) => PROBES.has(url.split('?')[0] ?? '');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read `/metrics`: with METRICS_TOKEN, whoever sends it as a bearer token; without, only
 * a caller on this machine that did not come through a proxy (a local reverse proxy connects
 * from 127.0.0.1 for everyone, but says so in a forwarding header).
 */
function mayScrape(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    return given !== undefined && safeEqual(given, token);
  }
  const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => request.headers[h] !== undefined);
  return !proxied && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

/** Liveness, readiness and Prometheus metrics (outside /api: for load balancers and scrapers). */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
      done();
    });
    app.get('/healthz', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
      status: 'ok' as const,
    }));
    app.get(
      '/readyz',
      { schema: { hide: true, response: { 200: z.object({ status: z.literal('ready'), engine: z.string() }) } } },
      async () => readiness(ctx),
    );
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      // Not public: a caller who may not scrape gets the same 404 as a path that does not exist.
      if (!mayScrape(request, ctx.config.METRICS_TOKEN)) throw new AppError('NOT_FOUND');
      void reply.header('content-type', ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    });
  };
}
