import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/connection';
import { slaCalendars, slaPolicies } from '../../db/schema';
import { defineJob, type JobDefinition } from '../../platform/jobs';
import { emit } from '../../platform/outbox';
import { referenceCache } from '../../platform/refcache';
import { addBusinessMinutes, businessMinutesBetween, calendarSchema, type BusinessCalendar } from './calendar';

export type LoadedPolicy = {
  id: string;
  code: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  atRiskPercent: number;
  calendar: BusinessCalendar;
};

export type SlaDue = {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  firstResponseAtRiskAt: Date;
  resolutionAtRiskAt: Date;
};

export async function loadPolicy(db: Executor, policyId: string): Promise<LoadedPolicy | null> {
  const [row] = await db
    .select({ policy: slaPolicies, calendar: slaCalendars })
    .from(slaPolicies)
    .innerJoin(slaCalendars, eq(slaCalendars.id, slaPolicies.calendarId))
    .where(eq(slaPolicies.id, policyId))
    .limit(1);
  if (!row) return null;
  return {
    id: row.policy.id,
    code: row.policy.code,
    firstResponseMinutes: row.policy.firstResponseMinutes,
    resolutionMinutes: row.policy.resolutionMinutes,
    atRiskPercent: row.policy.atRiskPercent,
    calendar: calendarSchema.parse(row.calendar.definition),
  };
}

/**
 * A policy from the reference cache (platform/refcache.ts): the hot path of filing reads it
 * without a query, and reuses the compiled calendar. Cleared on admin edits.
 */
export function cachedPolicy(ctx: Pick<AppContext, 'db'>, policyId: string): Promise<LoadedPolicy | null> {
  return referenceCache(ctx.db).get(`sla.policy:${policyId}`, () => loadPolicy(ctx.db, policyId));
}

/** The policy with this code (e.g. `priority`), cached like cachedPolicy. */
export function cachedPolicyByCode(ctx: Pick<AppContext, 'db'>, code: string): Promise<LoadedPolicy | null> {
  return referenceCache(ctx.db).get(`sla.code:${code}`, async () => {
    const [row] = await ctx.db.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.code, code)).limit(1);
    return row ? loadPolicy(ctx.db, row.id) : null;
  });
}

/** Due times of both targets counted in the policy's business minutes from `start`. */
export function computeDue(policy: LoadedPolicy, start: Date): SlaDue {
  const at = (minutes: number) => addBusinessMinutes(policy.calendar, start, minutes);
  const share = (minutes: number) => Math.floor((minutes * policy.atRiskPercent) / 100);
  return {
    firstResponseDueAt: at(policy.firstResponseMinutes),
    resolutionDueAt: at(policy.resolutionMinutes),
    firstResponseAtRiskAt: at(share(policy.firstResponseMinutes)),
    resolutionAtRiskAt: at(share(policy.resolutionMinutes)),
  };
}

/** Announces the due times so the timers are scheduled after commit. */
export async function announceDue(tx: Executor, ticketId: string, due: Partial<SlaDue>): Promise<void> {
  const payload = Object.fromEntries(Object.entries(due).map(([k, v]) => [k, v.toISOString()]));
  await emit(tx, { type: 'ticket.sla_scheduled', aggregateType: 'ticket', aggregateId: ticketId, payload });
}

/** The paused clock (status pending_customer): the business minutes left are kept, the due time cleared. */
export function pausedClock(
  policy: LoadedPolicy,
  resolutionDueAt: Date,
  at: Date,
): { slaPausedAt: Date; slaRemainingMinutes: number; resolutionDueAt: null } {
  const remaining = Math.max(0, Math.round(businessMinutesBetween(policy.calendar, at, resolutionDueAt)));
  return { slaPausedAt: at, slaRemainingMinutes: remaining, resolutionDueAt: null };
}

/** A paused clock running again from `at` with the minutes that were left: the new due and at-risk times. */
export function resumedClock(
  policy: LoadedPolicy,
  remainingMinutes: number,
  at: Date,
): { resolutionDueAt: Date; resolutionAtRiskAt: Date } {
  const resolutionDueAt = addBusinessMinutes(policy.calendar, at, remainingMinutes);
  // At risk once the minutes left fall to (100 − atRiskPercent) % of the whole target.
  const reserve = Math.ceil((policy.resolutionMinutes * (100 - policy.atRiskPercent)) / 100);
  const resolutionAtRiskAt = addBusinessMinutes(policy.calendar, at, Math.max(0, remainingMinutes - reserve));
  return { resolutionDueAt, resolutionAtRiskAt };
}

const checkPayload = z.object({
  ticketId: z.string().uuid(),
  target: z.enum(['first_response', 'resolution']),
  stage: z.enum(['at_risk', 'breached']),
  dueAt: z.string(),
});
export type SlaCheck = z.infer<typeof checkPayload>;

const CLOSED = new Set(['resolved', 'archived', 'expired', 'unconfirmed']);

type ClockState = {
  status: string;
  slaPausedAt: Date | null;
  firstRespondedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  atRiskAt: Date | null;
  breachedAt: Date | null;
};

/**
 * Whether a timer still applies to the request as it is now: nothing when the due time it was
 * scheduled for has changed (paused, resolved, answered) or the mark is already there, so a
 * timer that runs twice marks once. Pure: the tickets module writes the mark.
 */
export function slaMarkDue(t: ClockState, check: SlaCheck): 'atRiskAt' | 'breachedAt' | null {
  if (CLOSED.has(t.status) || t.slaPausedAt) return null;
  const currentDue = check.target === 'first_response' ? (t.firstRespondedAt ? null : t.firstResponseDueAt) : t.resolutionDueAt;
  if (!currentDue || currentDue.toISOString() !== check.dueAt) return null;
  if (check.stage === 'at_risk' && (t.atRiskAt || t.breachedAt)) return null;
  if (check.stage === 'breached' && t.breachedAt) return null;
  return check.stage === 'at_risk' ? 'atRiskAt' : 'breachedAt';
}

/**
 * The delayed job that marks a request "at risk" (80 %) or "breached". The sla module owns the
 * timers; the mark itself is a command of the request domain (`markSla`), passed in, so this
 * module neither writes `tickets` nor imports the tickets module.
 */
export function defineSlaCheckJob(
  ctx: Pick<AppContext, 'outbox'>,
  mark: (check: SlaCheck) => Promise<boolean>,
): JobDefinition<SlaCheck> {
  return defineJob({
    name: 'sla.check',
    schema: checkPayload,
    retryLimit: 5,
    async handler(check) {
      if (await mark(check)) ctx.outbox.kick();
    },
  });
}

/** After commit: one delayed job per due time announced by `ticket.sla_scheduled`; a round's timers in one insert. */
export function scheduleChecks(ctx: Pick<AppContext, 'jobs'>, job: JobDefinition<SlaCheck>) {
  return async (events: Array<{ aggregateId: string; payload: Record<string, unknown> }>) => {
    if (!ctx.jobs) return;
    await ctx.jobs.sendMany(job, events.flatMap(timersOf));
  };
}

function timersOf(event: { aggregateId: string; payload: Record<string, unknown> }) {
  const p = event.payload as Partial<Record<keyof SlaDue, string>>;
  const plan: Array<
    [z.infer<typeof checkPayload>['target'], z.infer<typeof checkPayload>['stage'], string | undefined, string | undefined]
  > = [
    ['first_response', 'at_risk', p.firstResponseAtRiskAt, p.firstResponseDueAt],
    ['first_response', 'breached', p.firstResponseDueAt, p.firstResponseDueAt],
    ['resolution', 'at_risk', p.resolutionAtRiskAt, p.resolutionDueAt],
    ['resolution', 'breached', p.resolutionDueAt, p.resolutionDueAt],
  ];
  return plan.flatMap(([target, stage, runAt, dueAt]) =>
    runAt && dueAt
      ? [
          {
            payload: { ticketId: event.aggregateId, target, stage, dueAt },
            opts: { startAfter: new Date(runAt), singletonKey: `${event.aggregateId}:${target}:${stage}:${dueAt}` },
          },
        ]
      : [],
  );
}
