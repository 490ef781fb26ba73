import { z } from 'zod';
import { l10nInput } from '../../../common/l10n';
import { STAFF_ROLES } from '../../db/schema';

/** A name in every language of the console. */
export const l10n = l10nInput(120);
export const idParams = z.object({ id: z.string().uuid() });
export const ok = z.object({ ok: z.literal(true) });

export const departmentDto = z.object({
  id: z.string(),
  code: z.string(),
  name: l10n,
  active: z.boolean(),
  members: z.array(
    z.object({ staffId: z.string(), name: z.string(), email: z.string(), roles: z.array(z.string()), tier: z.number() }),
  ),
});
export const newDepartment = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), name: l10n });
export const departmentChange = z
  .object({ name: l10n.optional(), active: z.boolean().optional() })
  // An empty change would reach the database as an UPDATE with nothing to set (a 500 the fuzz test found).
  .refine((b) => b.name !== undefined || b.active !== undefined, 'input.nothing_to_change');
export const membersBody = z.object({
  members: z.array(z.object({ staffId: z.string().uuid(), tier: z.number().int().min(1).max(3) })).max(500),
});
export type Members = z.infer<typeof membersBody>['members'];

/** An admin's change of a staff member: roles (at least one) and/or whether the account is active. */
export const staffChange = z
  .object({ roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length).optional(), active: z.boolean().optional() })
  .refine((b) => b.roles !== undefined || b.active !== undefined, 'input.nothing_to_change');
export type StaffChange = z.infer<typeof staffChange>;

export const staffDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
});

export const policyDto = z.object({
  id: z.string(),
  code: z.string(),
  name: l10n,
  calendarCode: z.string(),
  firstResponseMinutes: z.number(),
  resolutionMinutes: z.number(),
  atRiskPercent: z.number(),
});
export const calendarDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  definition: z.record(z.string(), z.unknown()),
});
export const policyChange = z.object({
  name: l10n.optional(),
  calendarCode: z.string().optional(),
  firstResponseMinutes: z.number().int().min(1).max(525_600).optional(),
  resolutionMinutes: z.number().int().min(1).max(525_600).optional(),
  atRiskPercent: z.number().int().min(10).max(99).optional(),
});
export type PolicyChange = z.infer<typeof policyChange>;

export const cannedDto = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  locale: z.string(),
  categoryId: z.string().nullable(),
  departmentCode: z.string().nullable(),
  active: z.boolean(),
});
export const cannedBody = z.object({
  title: z.string().trim().min(2).max(120),
  body: z.string().trim().min(2).max(10_000),
  locale: z.enum(['ru', 'uk', 'en']).default('ru'),
  categoryId: z.string().uuid().nullable().optional(),
  departmentCode: z.string().nullable().optional(),
  active: z.boolean().optional(),
});
export type CannedInput = Partial<z.infer<typeof cannedBody>>;
