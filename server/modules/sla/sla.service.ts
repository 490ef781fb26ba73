import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/connection';
import { slaCalendars, slaPolicies, tickets } from '../../db/schema';
import { defineJob, type JobDefinition } from '../../platform/jobs';
import { emit } from '../../platform/outbox';
import { referenceCache } from '../../platform/refcache';
import { roomsOf } from '../tickets/rooms';
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

/** Stops the resolution clock (status pending_customer): keeps the business minutes left. */
export async function pauseClock(
  tx: Executor,
  ticket: { id: string; resolutionDueAt: Date | null; slaPolicyId: string | null },
  at: Date,
): Promise<void> {
  if (!ticket.resolutionDueAt || !ticket.slaPolicyId) return;
  const policy = await loadPolicy(tx, ticket.slaPolicyId);
  if (!policy) return;
  const remaining = Math.max(0, Math.round(businessMinutesBetween(policy.calendar, at, ticket.resolutionDueAt)));
  await tx
    .update(tickets)
    .set({ slaPausedAt: at, slaRemainingMinutes: remaining, resolutionDueAt: null })
    .where(eq(tickets.id, ticket.id));
}

/** Restarts a paused clock with the minutes that were left; returns the new due time. */
export async function resumeClock(
  tx: Executor,
  ticket: { id: string; slaRemainingMinutes: number | null; slaPolicyId: string | null },
  at: Date,
): Promise<Date | null> {
  if (ticket.slaRemainingMinutes === null || !ticket.slaPolicyId) return null;
  const policy = await loadPolicy(tx, ticket.slaPolicyId);
  if (!policy) return null;
  const resolutionDueAt = addBusinessMinutes(policy.calendar, at, ticket.slaRemainingMinutes);
  // At risk once the minutes left fall to (100 − atRiskPercent) % of the whole target.
  const reserve = Math.ceil((policy.resolutionMinutes * (100 - policy.atRiskPercent)) / 100);
  const resolutionAtRiskAt = addBusinessMinutes(policy.calendar, at, Math.max(0, ticket.slaRemainingMinutes - reserve));
  await tx
    .update(tickets)
    .set({ slaPausedAt: null, slaRemainingMinutes: null, resolutionDueAt })
    .where(eq(tickets.id, ticket.id));
  await announceDue(tx, ticket.id, { resolutionDueAt, resolutionAtRiskAt });
  return resolutionDueAt;
}

const checkPayload = z.object({
  ticketId: z.string().uuid(),
  target: z.enum(['first_response', 'resolution']),
  stage: z.enum(['at_risk', 'breached']),
  dueAt: z.string(),
});

const CLOSED = new Set(['resolved', 'archived', 'expired', 'unconfirmed']);

/**
 * The delayed job that marks a request "at risk" (80 %) or "breached". It re-reads the request
 * and does nothing when the due time it was scheduled for has changed (paused, resolved,
 * answered) or the mark is already there: safe to run twice.
 */
export function slaCheckJob(ctx: Pick<AppContext, 'db' | 'outbox'>): JobDefinition<z.infer<typeof checkPayload>> {
  return defineJob({
    name: 'sla.check',
    schema: checkPayload,
    retryLimit: 5,
    async handler({ ticketId, target, stage, dueAt }) {
      const marked = await ctx.db.transaction(async (tx) => {
        const [t] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update').limit(1);
        if (!t || CLOSED.has(t.status) || t.slaPausedAt) return false;
        const currentDue = target === 'first_response' ? (t.firstRespondedAt ? null : t.firstResponseDueAt) : t.resolutionDueAt;
        if (!currentDue || currentDue.toISOString() !== dueAt) return false;
        if (stage === 'at_risk' && (t.atRiskAt || t.breachedAt)) return false;
        if (stage === 'breached' && t.breachedAt) return false;
        const now = new Date();
        await tx
          .update(tickets)
          .set(stage === 'at_risk' ? { atRiskAt: now } : { breachedAt: now })
          .where(eq(tickets.id, ticketId));
        await emit(tx, {
          type: stage === 'at_risk' ? 'ticket.sla_at_risk' : 'ticket.sla_breached',
          aggregateType: 'ticket',
          aggregateId: ticketId,
          payload: { target, dueAt, rooms: roomsOf(t) },
        });
        return true;
      });
      if (marked) ctx.outbox.kick();
    },
  });
}

/** After commit: one delayed job per due time announced by `ticket.sla_scheduled`; a round's timers in one insert. */
export function scheduleChecks(ctx: Pick<AppContext, 'jobs'>, job: JobDefinition<z.infer<typeof checkPayload>>) {
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
