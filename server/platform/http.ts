import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../context';

/** The parts of a request that go into audit rows. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(ua ? { userAgent: ua } : {}) };
}
