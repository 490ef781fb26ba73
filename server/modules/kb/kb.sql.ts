import { sql, type SQL } from 'drizzle-orm';

/** A text[] literal of bound values (a bare JS array in a sql`` template would expand into a list). */
export function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}
