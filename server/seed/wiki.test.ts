import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, notices, wikiPages } from '../db/schema';
import { activeNotices } from '../modules/notices/notices.service';
import { memberStanding } from '../modules/wiki/wiki.levels';
import { createTestDb, type TestDb } from '../test/db';
import { DEMO_WIKI_MEMBERS, DEMO_WIKI_PAGES, seedWikiAndNotices } from './wiki';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.dispose());

describe('demo wiki and notices', () => {
  it('gives the demo members the levels the banner promises, once', async () => {
    const first = await seedWikiAndNotices(db.db);
    expect(first.added).toBeGreaterThan(0);
    for (const m of DEMO_WIKI_MEMBERS) {
      const [c] = await db.db.select({ id: customers.id }).from(customers).where(eq(customers.email, m.email));
      expect((await memberStanding(db.db, c!.id)).level).toBe(m.level);
    }
    expect(await db.db.select().from(wikiPages)).toHaveLength(DEMO_WIKI_PAGES.length);
    expect(await seedWikiAndNotices(db.db)).toEqual({ added: 0 });
  });

  it('has exactly one notice active at seed time (the banner is visible in the demo)', async () => {
    expect(await db.db.select().from(notices)).toHaveLength(3);
    expect(await activeNotices(db.db, { audience: 'customer' })).toHaveLength(1);
  });
});
