import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../context';

/** The parts of a request that go into audit rows. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(ua ? { userAgent: ua } : {}) };
}

/** The error answer of every route (documented in OpenAPI; see server/errors.ts). */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field problems are `details.issues` (every 400; 413/415 of a form's file too), one shape. */
    details: z
      .object({
        issues: z
          .array(
            z.object({
              path: z.array(z.string()),
              code: z.string(),
              message: z.string(),
              params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
            }),
          )
          .optional(),
      })
      .catchall(z.unknown())
      .optional(),
    requestId: z.string().optional(),
  }),
});

/** The usual error answers of a route, for its `response` schema. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
  415: errorResponse,
  423: errorResponse,
  429: errorResponse,
} as const;

/**
 * A route's serializer that writes its answer as it is (`JSON.stringify`), without zod encoding it
 * against the response schema first (the schema still documents the route in OpenAPI). Only for
 * hot routes whose presenter builds exactly the schema's shape from scratch — no object read
 * from elsewhere, no extra keys to strip — and whose tests check the answer against the schema.
 * Encoding a queue page cost about as much app CPU as building it.
 */
export const presentedAsIs = () => (data: unknown) => JSON.stringify(data);
