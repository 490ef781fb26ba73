import { z } from 'zod';
import { findUnsafeMarkdownLink } from '../../../common/links';
import { LOCALES } from '../../../common/errors';
import { WIKI_PROPOSAL_STATUSES, WIKI_REVISION_KINDS } from '../../db/schema';

export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case latin letters, digits and hyphens');

export const draftSchema = z.object({
  title: z.string().trim().min(3).max(200),
  body: z
    .string()
    .trim()
    .min(10)
    .max(50_000)
    .refine((b) => findUnsafeMarkdownLink(b) === null, 'input.unsafe_link'),
  summary: z.string().trim().max(300).default(''),
});

export const newPageSchema = draftSchema.extend({ slug: slugSchema, locale: z.enum(LOCALES).default('ru') });
export const editSchema = draftSchema.extend({ baseRevision: z.number().int().min(1) });

export const diffSchema = z.array(z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() }));

export const viewerSchema = z.object({
  kind: z.enum(['anonymous', 'customer', 'staff']),
  level: z.number().int().nullable(),
  editLevel: z.number().int(),
  proposeLevel: z.number().int(),
  canEdit: z.boolean(),
  canPropose: z.boolean(),
  canModerate: z.boolean(),
});

export const pageSummarySchema = z.object({
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  excerpt: z.string(),
  revision: z.number(),
  locked: z.boolean(),
  updatedAt: z.string(),
});

export const pageSchema = z.object({
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  body: z.string(),
  revision: z.number(),
  locked: z.boolean(),
  lockReason: z.string().nullable(),
  updatedAt: z.string(),
});

export const revisionSchema = z.object({
  number: z.number(),
  title: z.string(),
  kind: z.enum(WIKI_REVISION_KINDS),
  summary: z.string(),
  createdAt: z.string(),
  /** The member whose text it is; null for staff edits and reverts. */
  author: z.string().nullable(),
  /** The moderator who saved, accepted or reverted (shown to everyone as "moderator"). */
  byModerator: z.boolean(),
});

export const proposalSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(WIKI_PROPOSAL_STATUSES),
  page: z.object({ slug: z.string(), title: z.string(), revision: z.number() }),
  baseRevision: z.number(),
  title: z.string(),
  summary: z.string(),
  author: z.string(),
  reason: z.string().nullable(),
  revisionNumber: z.number().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Against the page as it is now (what accepting would change). */
  diff: diffSchema,
});

export const standingSchema = z.object({
  level: z.number().int(),
  computedLevel: z.number().int(),
  override: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
  identityVerified: z.boolean(),
  strikes: z.number().int(),
  acceptedEdits: z.number().int(),
  accountAgeDays: z.number().int(),
});

export const memberSchema = standingSchema.extend({
  customerId: z.string().uuid(),
  name: z.string(),
  email: z.string().nullable(),
});

export const paging = {
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
