import { adminMailRoutes } from './modules/mail/mail.routes';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { errorBody, registerErrorHandler } from './errors';
import { authRoutes } from './modules/auth/auth.routes';
import { botConsoleRoutes, botRoutes } from './modules/bot/bot.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { consoleRoomRules } from './modules/console/console.rooms';
import { consoleRoutes } from './modules/console/console.routes';
import { healthRoutes } from './modules/health/health.routes';
import { kbArticleRoutes } from './modules/kb/kb.articles.routes';
import { kbConsoleRoutes } from './modules/kb/kb.console.routes';
import { kbAdminRoutes } from './modules/kb/kb.synonyms.routes';
import { kbRoutes } from './modules/kb/kb.routes';
import { publicNoticeRoutes, staffNoticeRoutes } from './modules/notices/notices.routes';
import { consolePaymentRoutes, paymentRoutes } from './modules/payments/payments.routes';
import { consoleWikiRoutes, wikiRoutes } from './modules/wiki/wiki.routes';
import { adminSettingsRoutes, publicSettingsRoutes } from './modules/settings/settings.routes';
import { mailboxAdminRoutes, mailOriginRoutes } from './modules/mail/mailboxes.routes';
import { staffAdminRoutes } from './modules/staff/staff.admin';
import { ticketRoutes } from './modules/tickets/tickets.routes';
import { registerAuth } from './platform/auth/plugin';
import { registerHttpMetrics } from './platform/metrics';
import { BASE_ROOM_RULES, registerWebSocket, type RoomRule } from './platform/ws';

export const WEB_DIST = fileURLToPath(new URL('../dist/web', import.meta.url));

export type BuildOptions = {
  /** Serve the built portal and console from dist/web (when it exists). */
  serveWeb?: boolean;
  roomRules?: RoomRule[];
};

/** Builds the HTTP app on a ready context. Never listens: main.ts does, tests use inject(). */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps FastifyInstance's default generics.
    loggerInstance: ctx.logger as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.UPLOAD_MAX_MB * 1024 * 1024, files: 10 } });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'paydesk API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pd_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (the recursive trees) become components the paths refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, { db: ctx.db, handle: ctx.handle, config: ctx.config });
  registerHttpMetrics(app, ctx.metrics);
  // Every reply: one callback-style hook (no promise per request), the headers set at once.
  const API_HEADERS = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  };
  const DOCS_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    void reply.headers(request.url.startsWith('/api/docs') ? DOCS_HEADERS : API_HEADERS);
    done(null, payload);
  });

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx), { prefix: '/api/v1/auth' });
  await app.register(ticketRoutes(ctx), { prefix: '/api/v1/tickets' });
  await app.register(catalogRoutes(ctx), { prefix: '/api/v1/catalog' });
  await app.register(kbRoutes(ctx), { prefix: '/api/v1/kb' });
  await app.register(kbArticleRoutes(ctx), { prefix: '/api/v1/kb' });
  await app.register(kbConsoleRoutes(ctx), { prefix: '/api/v1/console/kb' });
  await app.register(botRoutes(ctx), { prefix: '/api/v1/bot' });
  await app.register(consoleRoutes(ctx), { prefix: '/api/v1/console' });
  await app.register(botConsoleRoutes(ctx), { prefix: '/api/v1/console/kb' });
  await app.register(staffAdminRoutes(ctx), { prefix: '/api/v1/console/admin' });
  await app.register(publicSettingsRoutes(ctx), { prefix: '/api/v1/settings' });
  await app.register(adminSettingsRoutes(ctx), { prefix: '/api/v1/console/admin/settings' });
  await app.register(adminMailRoutes(ctx), { prefix: '/api/v1/console/admin/mail' });
  await app.register(publicNoticeRoutes(ctx));
  await app.register(staffNoticeRoutes(ctx), { prefix: '/api/v1/console/notices' });
  await app.register(wikiRoutes(ctx), { prefix: '/api/v1/wiki' });
  await app.register(consoleWikiRoutes(ctx), { prefix: '/api/v1/console/wiki' });
  await app.register(kbAdminRoutes(ctx), { prefix: '/api/v1/console/admin/kb' });
  await app.register(mailboxAdminRoutes(ctx), { prefix: '/api/v1/console/admin' });
  await app.register(mailOriginRoutes(ctx), { prefix: '/api/v1/console' });
  await app.register(paymentRoutes(ctx), { prefix: '/api/v1/payments' });
  await app.register(consolePaymentRoutes(ctx), { prefix: '/api/v1/console/payments' });
  registerWebSocket(app, {
    bus: ctx.bus,
    config: ctx.config,
    metrics: ctx.metrics,
    rules: options.roomRules ?? [...BASE_ROOM_RULES, ...consoleRoomRules(ctx)],
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = (options.serveWeb ?? true) && existsSync(`${WEB_DIST}/index.html`);
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && path !== '/ws' && !/\.\w{1,8}$/.test(path);
    if (serveWeb && wantsPage) {
      // The single-page app routes / and /console/* itself.
      void reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody('NOT_FOUND', request.id));
  });
  return app;
}
