import { z } from 'zod';
import { LOCALES } from '../../../common/errors';
import { l10nInput, l10nText } from '../../../common/l10n';
import { AUDIENCES, PRIORITIES } from '../../db/schema';

export const l10n = l10nInput(300);
const l10nOut = l10nText;

export type CatalogNodeDto = {
  id: string;
  slug: string;
  name: z.infer<typeof l10nOut>;
  hint: z.infer<typeof l10nOut>;
  audience: (typeof AUDIENCES)[number];
  isLeaf: boolean;
  active?: boolean;
  /** Admin tree only, on leaves: where requests go and the form version new ones use. */
  routing?: LeafRoutingDto;
  children: CatalogNodeDto[];
};

export type LeafRoutingDto = {
  departmentCode: string | null;
  priority: (typeof PRIORITIES)[number];
  slaCode: string | null;
  articleSlugs: string[];
  formVersion: number | null;
};

const leafRouting = z.object({
  departmentCode: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  slaCode: z.string().nullable(),
  articleSlugs: z.array(z.string()),
  formVersion: z.number().int().nullable(),
});

export const catalogNode: z.ZodType<CatalogNodeDto> = z.lazy(() =>
  z.object({
    id: z.string().uuid(),
    slug: z.string(),
    name: l10nOut,
    hint: l10nOut,
    audience: z.enum(AUDIENCES),
    isLeaf: z.boolean(),
    active: z.boolean().optional(),
    routing: leafRouting.optional(),
    children: z.array(catalogNode),
  }),
);
// A recursive schema needs a name in the OpenAPI document (components/schemas/CatalogNode).
z.globalRegistry.add(catalogNode, { id: 'CatalogNode' });

export const treeQuery = z.object({ audience: z.enum(AUDIENCES).default('customer') });
export const treeResponse = z.object({ items: z.array(catalogNode) });
export const idParams = z.object({ id: z.string().uuid() });
export const formQuery = z.object({ locale: z.enum(LOCALES).default('ru') });

export const formResponse = z.object({
  categoryId: z.string().uuid(),
  formId: z.string().uuid(),
  version: z.number().int(),
  path: z.array(z.object({ id: z.string().uuid(), name: l10nOut })),
  /** FormDef (common/forms/types.ts). */
  form: z.object({ fields: z.array(z.record(z.string(), z.unknown())) }),
  /** `locale` is the variant's language: the reader's where translated, else Russian (marked so in the web). */
  articles: z.array(z.object({ slug: z.string(), locale: z.enum(LOCALES), title: z.string(), summary: z.string() })),
  expectedReview: z
    .object({
      slaCode: z.string(),
      resolutionMinutes: z.number(),
      businessHours: z.boolean(),
      /** Working minutes of the calendar's longest day; null for 24/7 calendars. */
      businessDayMinutes: z.number().nullable(),
    })
    .nullable(),
});

export const deflectionBody = z.object({ articleSlug: z.string().max(120).optional(), query: z.string().max(300).optional() });

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lowercase letters, digits and dashes');

/** Admin: create a node; a leaf needs a department, an SLA policy and a form. */
export const createNodeBody = z.object({
  parentId: z.string().uuid().nullable().default(null),
  slug,
  name: l10n,
  hint: l10n,
  audience: z.enum(AUDIENCES),
  position: z.number().int().min(0).max(10_000).optional(),
  leaf: z
    .object({
      departmentCode: z.string().min(1),
      priority: z.enum(PRIORITIES).default('normal'),
      slaCode: z.string().min(1),
      articleSlugs: z.array(z.string().max(120)).max(10).default([]),
      form: z.unknown(),
    })
    .optional(),
});

export const updateNodeBody = z.object({
  name: l10n.optional(),
  hint: l10n.optional(),
  active: z.boolean().optional(),
  parentId: z.string().uuid().nullable().optional(),
  departmentCode: z.string().min(1).optional(),
  priority: z.enum(PRIORITIES).optional(),
  slaCode: z.string().min(1).optional(),
  articleSlugs: z.array(z.string().max(120)).max(10).optional(),
});

export const reorderBody = z.object({
  parentId: z.string().uuid().nullable(),
  order: z.array(z.string().uuid()).min(1).max(500),
});
export const formBody = z.object({ form: z.unknown() });
export const adminTreeQuery = z.object({ audience: z.enum(AUDIENCES).optional() });
