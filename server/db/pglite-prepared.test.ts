import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from './connection';

// Named statements on PGlite (pglite-prepared.ts) must answer exactly as PGlite's own query() does.
describe('named prepared statements on PGlite', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openDatabase({});
    await h.exec(`CREATE TABLE prep_t (id int PRIMARY KEY, at timestamptz, doc jsonb, bin bytea, n bigint, note text)`);
  });
  afterAll(async () => h?.close());

  const insert = `INSERT INTO prep_t (id, at, doc, bin, n, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`;
  const select = `SELECT id, at, doc, bin, n, note FROM prep_t WHERE id = $1`;

  it('takes and returns every type as query() does, also on the second and later calls', async () => {
    const at = new Date('2026-12-07T10:11:12.345Z');
    const params = [1, at, { a: [1, 'два'] }, new Uint8Array([0, 1, 255]), 12345678901234, null];
    expect((await h.query(insert, params, { name: 'prep_insert' })).rows).toEqual([{ id: 1 }]);
    await h.query(insert, [2, at.toISOString(), { b: true }, new Uint8Array([7]), '5', 'x'], { name: 'prep_insert' });
    for (const id of [1, 2, 1]) {
      const named = await h.query(select, [id], { name: 'prep_select' });
      expect(named.rows).toEqual((await h.query(select, [id])).rows);
    }
    expect((await h.query(select, [1], { name: 'prep_select' })).rows[0]).toMatchObject({
      at,
      doc: { a: [1, 'два'] },
      note: null,
    });
    expect((await h.query(select, [404], { name: 'prep_select' })).rows).toEqual([]);
  });

  it('reports a failing call and stays usable after it', async () => {
    await expect(h.query(select, ['not a number'], { name: 'prep_select' })).rejects.toThrow(/invalid input syntax/);
    await expect(h.query(insert, [1, null, null, null, null, null], { name: 'prep_insert' })).rejects.toThrow(/duplicate key/);
    expect((await h.query(select, [2], { name: 'prep_select' })).rows).toHaveLength(1);
    await expect(h.query('SELEC broken', [], { name: 'prep_broken' })).rejects.toThrow(/syntax error/);
    expect((await h.query('SELECT 1 AS one', [], { name: 'prep_broken' })).rows).toEqual([{ one: 1 }]);
  });

  it('refuses one name for two texts, and waits for a transaction in progress', async () => {
    await expect(h.query('SELECT 2 AS two', [], { name: 'prep_select' })).rejects.toThrow(/another text/);
    let inside = false;
    const tx = h.pglite!.transaction(async (t) => {
      inside = true;
      await t.query(`UPDATE prep_t SET note = 'tx' WHERE id = 2`);
      await new Promise((r) => setTimeout(r, 50));
      await t.query(`UPDATE prep_t SET note = 'done' WHERE id = 2`);
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(inside).toBe(true);
    // Run while the transaction holds the database: it must see the committed value, never 'tx'.
    const read = await h.query<{ note: string }>(select, [2], { name: 'prep_select' });
    await tx;
    expect(read.rows[0]?.note).toBe('done');
  });
});
