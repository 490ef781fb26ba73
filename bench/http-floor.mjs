// The floor of an HTTP write on this machine, for bench/intake: the same Fastify and pg as the app, one
// route that parses a JSON body and INSERTs one row (autocommit, one round trip), nothing else — no
// session, no validation, no outbox, no jobs, no logging. Whatever a filing costs above this is the
// product's own work; nothing built on this stack can file faster than this serves.
//
// Started by bench/intake.ts as a child: FLOOR_DATABASE_URL, FLOOR_POOL_SIZE, PORT. Prints "ready".
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_SIZE ?? 10) });
pool.on('error', () => undefined);
const app = Fastify({ logger: false });
app.post('/floor', async (request, reply) => {
  const { rows } = await pool.query({
    name: 'floor_insert',
    text: 'INSERT INTO bench_intake_baseline (payload) VALUES ($1) RETURNING id',
    values: [JSON.stringify(request.body)],
  });
  return reply.code(201).send({ id: rows[0].id });
});
app.get('/readyz', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = () =>
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
