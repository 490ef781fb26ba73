import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { $ZodType } from 'zod/v4/core';
import type { PlatformIssueCode } from '../issues';

/** Nesting deeper than this in a body, a query or params is refused (no form of ours comes near). */
export const MAX_DEPTH = 32;
// The keys JavaScript objects inherit through: never a field of ours, refused wherever they appear.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A UTF-16 surrogate without its pair: no character at all, and PostgreSQL cannot store it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type HostileInput = { path: string[]; code: PlatformIssueCode };

/**
 * The first value no field of ours may hold, wherever it sits in a request part: a NUL byte or a
 * lone surrogate in a text (or a key), a prototype key, nesting deeper than MAX_DEPTH. Each would
 * otherwise reach the database as an error (500) or the code as a trap.
 */
export function findHostileInput(value: unknown, path: string[] = [], depth = 0): HostileInput | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, code: 'input.nul' };
    if (LONE_SURROGATE.test(value)) return { path, code: 'input.surrogate' };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { path, code: 'input.too_deep' };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findHostileInput(item, [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = [...path, key];
    if (RESERVED_KEYS.has(key)) return { path: at, code: 'input.reserved_key' };
    const keyProblem = findHostileInput(key, at, depth + 1);
    if (keyProblem) return keyProblem;
    const found = findHostileInput((value as Record<string, unknown>)[key], at, depth + 1);
    if (found) return found;
  }
  return null;
}

const ZOD_VALIDATION_ERROR = Symbol.for('ZodFastifySchemaValidationError');

/**
 * The zod validator compiler with the hostile-input check in front: every route part that has a
 * schema (body, querystring, params, headers) is checked before zod sees it, and a problem answers
 * 400 VALIDATION_FAILED naming the field, like any schema issue (the error handler's one path).
 */
export const guardedValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const found = findHostileInput(data);
    if (!found) return validate(data);
    // A key is named, but never more of it than a field name could be, and without control characters.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    const slashed = found.path.map((p) => p.replace(/[\u0000-\u001f/\ud800-\udfff]/g, '?').slice(0, 64));
    const error = [
      {
        [ZOD_VALIDATION_ERROR]: true,
        keyword: found.code,
        instancePath: `/${slashed.join('/')}`,
        schemaPath: `#/${found.code}`,
        message: found.code,
        params: {},
      },
    ];
    return { error: error as unknown as Error };
  };
};
