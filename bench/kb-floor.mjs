// The floor under a help search, for bench/kb-search: the same Fastify answering the same URL
// (`GET /api/v1/kb/search?q=…`, its query string parsed) with an answer the app gave in the same
// run (FLOOR_BODY: a file holding it), and nothing else — no search, hooks, session, zod, logging or
// metrics. Nothing built on this stack answers faster on this machine at that moment; the app's
// figures are read against it.
//
// Started by bench/kb-search.ts as a child after the app's runs: FLOOR_BODY, PORT.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.env.FLOOR_BODY ?? '', 'utf8');
const app = Fastify({ logger: false });
app.get('/api/v1/kb/search', async (request, reply) => {
  // Read the query as the app does (Fastify's parser), then the answer of the same size.
  if (typeof request.query !== 'object') return reply.code(400).send();
  return reply.type('application/json; charset=utf-8').send(body);
});
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = () => void app.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
