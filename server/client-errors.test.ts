import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/app';

/** Refusals before Fastify has a request (Node's HTTP parser): still the API's error envelope. */
let t: TestApp;
let port = 0;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => t?.dispose());

/** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
const raw = (request: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });

describe('client errors', () => {
  it('headers over the limit: 431 with the error envelope', async () => {
    const answer = await raw(`GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nCookie: big=${'a'.repeat(20_000)}\r\n\r\n`);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toContain('Content-Type: application/json');
    const parsed = JSON.parse(body ?? '') as { error: { code: string; requestId: string } };
    expect(parsed.error.code).toBe('HEADERS_TOO_LARGE');
    expect(parsed.error.requestId).toBeTruthy();
  });

  it('a broken request line: 400 with the error envelope', async () => {
    const answer = await raw('NOT A REQUEST\r\n\r\n');
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body ?? '')).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
