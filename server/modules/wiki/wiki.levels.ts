import { eq, sql } from 'drizzle-orm';
import { computeLevel, type WikiLevel } from '../../../common/wiki';
import type { Executor } from '../../db/connection';
import { customers, wikiMembers, wikiRevisions } from '../../db/schema';
import { AppError } from '../../errors';

export type MemberStanding = {
  customerId: string;
  level: WikiLevel;
  computedLevel: WikiLevel;
  override: number | null;
  overrideReason: string | null;
  identityVerified: boolean;
  strikes: number;
  acceptedEdits: number;
  accountAgeDays: number;
};

const DAY = 86_400_000;

/** A member's level now, from the customer row, their wiki record and their accepted revisions. */
export async function memberStanding(db: Executor, customerId: string, now = new Date()): Promise<MemberStanding> {
  const [row] = await db
    .select({
      createdAt: customers.createdAt,
      identityVerified: wikiMembers.identityVerified,
      strikes: wikiMembers.strikes,
      override: wikiMembers.levelOverride,
      overrideReason: wikiMembers.overrideReason,
      edits: sql<number>`(SELECT count(*)::int FROM ${wikiRevisions} WHERE ${wikiRevisions.authorCustomerId} = ${customers.id})`,
    })
    .from(customers)
    .leftJoin(wikiMembers, eq(wikiMembers.customerId, customers.id))
    .where(eq(customers.id, customerId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return standingOf(customerId, row, now);
}

export function standingOf(
  customerId: string,
  row: {
    createdAt: Date;
    identityVerified: boolean | null;
    strikes: number | null;
    override: number | null;
    overrideReason: string | null;
    edits: number;
  },
  now: Date,
): MemberStanding {
  const inputs = {
    accountAgeDays: Math.floor((now.getTime() - row.createdAt.getTime()) / DAY),
    identityVerified: row.identityVerified ?? false,
    acceptedEdits: Number(row.edits),
    strikes: row.strikes ?? 0,
  };
  return {
    customerId,
    level: computeLevel({ ...inputs, override: row.override }),
    computedLevel: computeLevel({ ...inputs, override: null }),
    override: row.override,
    overrideReason: row.overrideReason,
    identityVerified: inputs.identityVerified,
    strikes: inputs.strikes,
    acceptedEdits: inputs.acceptedEdits,
    accountAgeDays: inputs.accountAgeDays,
  };
}
