import { z } from 'zod';
import { LOCALES } from '../../../common/errors';

export const l10n = z.object({ ru: z.string(), uk: z.string(), en: z.string() });

/** Whose help centre: customers see customer + all articles, agents agent + all. */
export const readerQuery = z.object({
  locale: z.enum(LOCALES).default('ru'),
  audience: z.enum(['customer', 'agent']).default('customer'),
});

export type SectionNode = { slug: string; name: z.infer<typeof l10n>; articleCount: number; children: SectionNode[] };
export const sectionNode: z.ZodType<SectionNode> = z.lazy(() =>
  z.object({ slug: z.string(), name: l10n, articleCount: z.number().int(), children: z.array(sectionNode) }),
);

export const articleRef = z.object({
  slug: z.string(),
  locale: z.enum(LOCALES),
  title: z.string(),
  summary: z.string(),
});

export const sectionsResponse = z.object({ items: z.array(sectionNode) });

export const sectionResponse = z.object({
  slug: z.string(),
  name: l10n,
  trail: z.array(z.object({ slug: z.string(), name: l10n })),
  children: z.array(z.object({ slug: z.string(), name: l10n, articleCount: z.number().int() })),
  articles: z.array(articleRef),
});

export const voteShape = z.object({ helpful: z.boolean(), comment: z.string().nullable() });

export const articleResponse = z.object({
  slug: z.string(),
  /** The variant shown: the requested language, or Russian when it has none. */
  locale: z.enum(LOCALES),
  requestedLocale: z.enum(LOCALES),
  fallback: z.boolean(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  audience: z.enum(['customer', 'agent', 'all']),
  tags: z.array(z.string()),
  updatedAt: z.string(),
  section: z.object({ slug: z.string(), name: l10n }).nullable(),
  trail: z.array(z.object({ slug: z.string(), name: l10n })),
  locales: z.array(z.enum(LOCALES)),
  related: z.array(articleRef),
  /** Where "Didn't help? Write to us" leads: a catalogue leaf and the slugs down to it. */
  contact: z.object({ audience: z.enum(['customer', 'agent']), path: z.array(z.string()), name: l10n }).nullable(),
  myVote: voteShape.nullable(),
});

export const slugParams = z.object({ slug: z.string().min(1).max(120) });

export const voteBody = z.object({
  locale: z.enum(LOCALES).default('ru'),
  helpful: z.boolean(),
  comment: z.string().trim().max(1000).optional(),
});

export const voteResponse = voteShape.extend({ yes: z.number().int(), no: z.number().int() });

export const popularQuery = readerQuery.extend({ limit: z.coerce.number().int().min(1).max(20).default(6) });
export const popularResponse = z.object({ items: z.array(articleRef.extend({ section: z.string() })) });
