import { describe, expect, it } from 'vitest';
import { hitLocalRateLimit } from './ratelimit';

describe('in-process rate limit (the single-process engine)', () => {
  it('counts hits per subject in a fixed window, refuses over the limit and starts afresh after it', () => {
    const scope = {};
    const limit = { name: 't', limit: 2, windowSeconds: 60 };
    const t0 = 1_000_000;
    expect(hitLocalRateLimit(scope, limit, 'a', t0).allowed).toBe(true);
    expect(hitLocalRateLimit(scope, limit, 'a', t0 + 1).allowed).toBe(true);
    const third = hitLocalRateLimit(scope, limit, 'a', t0 + 10_000);
    expect(third).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(hitLocalRateLimit(scope, limit, 'b', t0 + 10_000).allowed).toBe(true);
    expect(hitLocalRateLimit({}, limit, 'a', t0 + 10_000).allowed).toBe(true);
    expect(hitLocalRateLimit(scope, limit, 'a', t0 + 60_000).allowed).toBe(true);
  });
});
