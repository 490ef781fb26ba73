import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiDownload, apiRequest, invalidFields, retryAfterSeconds, setCsrfToken } from './client';

type Call = { url: string; init: RequestInit };

function stubFetch(response: () => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(response());
  });
  return calls;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  it('sends same-origin JSON and the CSRF token on writes only', async () => {
    const calls = stubFetch(() => json(200, { ok: true }));
    setCsrfToken('token-1');

    await apiRequest('GET', '/auth/me');
    await apiRequest('PUT', '/auth/me/locale', { locale: 'uk' });

    expect(calls[0]?.url).toBe('/api/v1/auth/me');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0])['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(calls[1])['X-CSRF-Token']).toBe('token-1');
    expect(headersOf(calls[1])['Content-Type']).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"locale":"uk"}');
  });

  it('resolves undefined for 204', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(apiRequest('POST', '/auth/logout')).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with its code and details', async () => {
    stubFetch(() =>
      json(423, { error: { code: 'AUTH_ACCOUNT_LOCKED', message: 'locked', details: { retryAfterSeconds: 61.2 } } }),
    );
    const error = await apiRequest('POST', '/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(retryAfterSeconds(error as ApiError)).toBe(62);
  });

  it('reads the fields named by a validation failure', async () => {
    stubFetch(() =>
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'bad',
          details: { issues: [{ path: ['body', 'login'], code: 'too_small', message: 'x' }] },
        },
      }),
    );
    const error = (await apiRequest('POST', '/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(invalidFields(error)).toEqual(['login']);
  });

  it('maps unknown codes and non-JSON failures to INTERNAL, and a dead network to NETWORK_ERROR', async () => {
    stubFetch(() => json(500, { error: { code: 'SOMETHING_NEW', message: 'x' } }));
    await expect(apiRequest('GET', '/x')).rejects.toMatchObject({ code: 'INTERNAL', status: 500 });

    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiRequest('GET', '/x')).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });

    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiRequest('GET', '/x')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('sends extra headers and a FormData body as multipart (no JSON content type)', async () => {
    const calls = stubFetch(() => json(201, { number: 'PD-1' }));
    setCsrfToken('token-1');
    const form = new FormData();
    form.append('data', '{}');
    await apiRequest('POST', '/tickets', form, { headers: { 'Idempotency-Key': 'key-12345', Authorization: 'Bearer t' } });
    const headers = headersOf(calls[0]);
    expect(calls[0]?.init.body).toBe(form);
    expect(headers['Content-Type']).toBeUndefined();
    expect(headers['Idempotency-Key']).toBe('key-12345');
    expect(headers.Authorization).toBe('Bearer t');
    expect(headers['X-CSRF-Token']).toBe('token-1');
  });

  it('reads per-field errors from details.issues by the path after the request part', async () => {
    stubFetch(() =>
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: {
            issues: [
              { path: ['body', 'email'], code: 'required', message: 'm' },
              { path: ['body', 'email'], code: 'invalid_email', message: 'second' },
              { path: ['body', 'imap', 'password'], code: 'too_long', message: 'long', params: { max: 5 } },
              { path: ['body'], code: 'input.malformed', message: 'broken' },
              { bad: 1 },
            ],
          },
        },
      }),
    );
    const a = (await apiRequest('POST', '/tickets', {}).catch((e: unknown) => e)) as ApiError;
    expect(a.fields).toEqual({
      email: { code: 'required', message: 'm' },
      'imap.password': { code: 'too_long', message: 'long', params: { max: 5 } },
    });
    expect(invalidFields(a)).toEqual(['email', 'imap']);
  });

  it('downloads a file as a Blob, and fails like any call', async () => {
    stubFetch(() => new Response('PNG', { status: 200, headers: { 'content-type': 'image/png' } }));
    const blob = await apiDownload('/tickets/PD-1/attachments/a', { headers: { Authorization: 'Bearer t' } });
    expect(await blob.text()).toBe('PNG');

    stubFetch(() => json(404, { error: { code: 'NOT_FOUND', message: 'x' } }));
    await expect(apiDownload('/tickets/PD-1/attachments/a')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
