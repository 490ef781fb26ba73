import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { errorBody, registerErrorHandler } from './errors';
import { useModuleIssueTexts } from './issues';
import { MODULES } from './modules';
import { registerAuth } from './platform/auth/plugin';
import { guardedValidatorCompiler } from './platform/input';
import { registerHttpMetrics } from './platform/metrics';
import { BASE_ROOM_RULES, registerWebSocket, type RoomRule } from './platform/ws';

const QUIET_PATHS = new Set(MODULES.flatMap((m) => m.quietPaths ?? []));

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
    // Probes are logged at debug level by their own routes (a manifest's `quietPaths`), the rest at info
    // (Fastify 5's LogController: the top-level `disableRequestLogging` is deprecated, FSTDEP023).
    logController: new LogController({
      disableRequestLogging: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0] ?? ''),
    }),
    // `__proto__`/`constructor` keys are kept by the JSON parser so the input guard refuses them naming the field.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    // Refusals before a request exists (headers over the limit, a broken request line) in the API's
    // envelope too; a reset connection needs no answer.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
      const [status, code, reason] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? ([431, 'HEADERS_TOO_LARGE', 'Request Header Fields Too Large'] as const)
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? ([408, 'BAD_REQUEST', 'Request Timeout'] as const)
            : ([400, 'BAD_REQUEST', 'Bad Request'] as const);
      const body = JSON.stringify(errorBody(code, randomUUID()));
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
    // The router's own refusals (a bad %-escape, a path parameter over its length) in the API's envelope.
    frameworkErrors: (error, request, reply) => {
      const path = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'params' : 'url';
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'too_big' : 'input.malformed';
      void (reply as FastifyReply)
        .status(400)
        .send(errorBody('VALIDATION_FAILED', request.id, { issues: [{ path: [path], code, message: code }] }));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(guardedValidatorCompiler);
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
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Its own CSP (hashes of its inline parts), tightened: never framed, no outside image host, no
    // https upgrade (which would break a plain-http local install).
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', '')
        .replace(' upgrade-insecure-requests;', ''),
  });

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
  const DOCS_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' };
  // Behind https, browsers are told to keep to https (a year; subdomains are the operator's to add).
  const HSTS = ctx.config.publicUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000' } : {};
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    void reply.headers(request.url.startsWith('/api/docs') ? { ...DOCS_HEADERS, ...HSTS } : { ...API_HEADERS, ...HSTS });
    done(null, payload);
  });

  useModuleIssueTexts(MODULES);
  for (const module of MODULES)
    for (const route of module.routes ?? []) await app.register(route.plugin(ctx), route.prefix ? { prefix: route.prefix } : {});
  registerWebSocket(app, {
    bus: ctx.bus,
    config: ctx.config,
    metrics: ctx.metrics,
    db: ctx.db,
    handle: ctx.handle,
    rules: options.roomRules ?? [...BASE_ROOM_RULES, ...MODULES.flatMap((m) => m.rooms?.(ctx) ?? [])],
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
