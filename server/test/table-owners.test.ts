import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The request domain owns its tables (issue 12): `tickets`, `ticket_messages`, `attachments` and
 * `ticket_access_tokens` are written only by `server/modules/tickets` — every other module calls its
 * commands. The import rules (`npm run check:deps`) keep modules out of each other's files, but the
 * tables' definitions live in `server/db/schema` where any module may read them; this test reads the
 * source for writes: drizzle's `insert/update/delete(table)` and SQL `INSERT INTO/UPDATE/DELETE FROM`.
 * Demo data (`server/seed`) and test fixtures (`server/test`) may write directly.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const OWNER = 'server/modules/tickets/';
const MAY_WRITE = [OWNER, 'server/seed/', 'server/test/', 'server/db/migrations/'];
const DRIZZLE = ['tickets', 'ticketMessages', 'attachments', 'ticketAccessTokens'];
const SQL = ['tickets', 'ticket_messages', 'attachments', 'ticket_access_tokens'];

const writes = new RegExp(
  `\\.(?:insert|update|delete)\\(\\s*(?:${DRIZZLE.join('|')})\\s*\\)|\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:${SQL.join('|')})\\b`,
  'g',
);

/** The writes to the request tables in one file's text, as `line: text`. */
function tableWrites(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(writes)) {
    const line = text.slice(0, m.index).split('\n').length;
    found.push(`${line}: ${m[0]}`);
  }
  return found;
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* sources(rel);
    else if (/\.(ts|mts|sql)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield rel;
  }
}

describe('the request tables have one writer', () => {
  it('finds writes in the text it reads (a seeded violation is caught)', () => {
    const seeded = [
      "await tx.update(tickets).set({ status: 'open' });",
      'await db.insert( ticketMessages ).values(row);',
      "await db.execute(sql`UPDATE tickets SET status = 'resolved'`);",
      'DELETE FROM ticket_messages WHERE id = $1',
      'await db.select().from(tickets); // a read is fine',
      'await tx.update(ticketsArchive).set({});',
    ].join('\n');
    expect(tableWrites(seeded)).toEqual([
      '1: .update(tickets)',
      '2: .insert( ticketMessages )',
      '3: UPDATE tickets',
      '4: DELETE FROM ticket_messages',
    ]);
  });

  it('no module but tickets writes tickets, ticket_messages, attachments or ticket_access_tokens', () => {
    const outside: string[] = [];
    const inside: string[] = [];
    for (const file of [...sources('server'), ...sources('common')]) {
      const found = tableWrites(readFileSync(path.join(root, file), 'utf8'));
      if (found.length === 0) continue;
      if (file.startsWith(OWNER)) inside.push(file);
      else if (!MAY_WRITE.some((p) => file.startsWith(p))) outside.push(...found.map((f) => `${file}:${f}`));
    }
    expect(outside).toEqual([]);
    // The scan sees the owner's own writes, so an empty "outside" is not an empty scan.
    expect(inside.length).toBeGreaterThan(3);
  });
});
