import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** Load balancers and scrapers call these every few seconds: their requests are logged at debug level. */
export const isProbe = (url: string) => PROBES.has(url.split('?')[0] ?? '');

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
      async () => {
        try {
          await ctx.handle.query('SELECT 1');
        } catch {
          throw new AppError('SERVICE_UNAVAILABLE', { component: 'database' });
        }
        return { status: 'ready' as const, engine: ctx.handle.engine };
      },
    );
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      void reply.header('content-type', ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    });
  };
}
