import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import { ApiError, csrfHeader, toApiError } from './client';
import type { paths } from './schema';

/**
 * The typed API client: paths, parameters, bodies and answers come from the server's OpenAPI
 * document (web/api/schema.d.ts, `npm run api:generate`), so a server change the web does not
 * follow fails the typecheck. Same-origin cookies; the CSRF header on every non-GET.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: { Accept: 'application/json' } });

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method === 'GET') return undefined;
    const header = csrfHeader();
    if (header) request.headers.set('X-CSRF-Token', header);
    return request;
  },
};
api.use(csrf);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Unwraps a typed call: resolves with its body, or rejects with an ApiError carrying the
 * server's code (NETWORK_ERROR when the server could not be reached; an abort passes through).
 */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0 });
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Success<R> = 200 extends keyof R ? JsonOf<R[200]> : 201 extends keyof R ? JsonOf<R[201]> : never;

/** The JSON answer of `method path` in the OpenAPI document, e.g. `Answer<'/api/v1/console/queues', 'get'>`. */
export type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R } ? Success<R> : never;

/** The JSON body of `method path`. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of `GET path`. */
export type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/**
 * A runtime list of a contract union's values: `allOf<Priority>()(['low', …])` fails the
 * typecheck when the list misses a value of the union or has one it does not.
 */
export function allOf<U extends string>() {
  return <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> })): L =>
    list;
}
