import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, STAFF_ROLES, staffUsers } from '../db/schema';
import { createTestDb, type TestDb } from '../test/db';
import { DEMO_STAFF, seedDemo } from './demo';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.dispose());

describe('demo data', () => {
  it('has one demo sign-in per staff role', () => {
    expect(new Set(DEMO_STAFF.flatMap((s) => s.roles))).toEqual(new Set(STAFF_ROLES));
  });

  it('is added once: a second run adds nothing', async () => {
    const first = await seedDemo(db.db);
    expect(first.added).toBeGreaterThan(0);
    const counts = async () => [(await db.db.select().from(staffUsers)).length, (await db.db.select().from(customers)).length];
    const before = await counts();
    expect(await seedDemo(db.db)).toEqual({ added: 0 });
    expect(await counts()).toEqual(before);
  });
});
