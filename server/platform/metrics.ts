import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Metrics = {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  wsConnections: Gauge;
};

/** A registry of the process's own (not prom-client's global one, so tests can build many apps). */
export function createMetrics(options: { pendingOutbox?: () => Promise<number> } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'paydesk_' });
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: 'paydesk_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'paydesk_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    wsConnections: new Gauge({ name: 'paydesk_ws_connections', help: 'Open WebSocket connections', registers: [registry] }),
  };
  if (options.pendingOutbox) {
    const pending = options.pendingOutbox;
    new Gauge({
      name: 'paydesk_outbox_pending_events',
      help: 'Committed events not yet delivered',
      registers: [registry],
      async collect() {
        this.set(await pending().catch(() => -1));
      },
    });
  }
  return metrics;
}

/** Counts every answered request by its route pattern (not its URL: ids would explode the labels). */
export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
}
