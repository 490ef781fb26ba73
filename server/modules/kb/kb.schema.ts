import { z } from 'zod';
import { findUnsafeMarkdownLink } from '../../../common/links';
import { l10nText } from '../../../common/l10n';
import { LOCALES } from '../../../common/errors';

export const l10n = l10nText;

/** Whose help centre: customers see customer + all articles, agents agent + all. */
export const readerQuery = z.object({
  locale: z.enum(LOCALES).default('ru'),
  audience: z.enum(['customer', 'agent']).default('customer'),
});

export type SectionNode = { slug: string; name: z.infer<typeof l10n>; articleCount: number; children: SectionNode[] };
export const sectionNode: z.ZodType<SectionNode> = z.lazy(() =>
  z.object({ slug: z.string(), name: l10n, articleCount: z.number().int(), children: z.array(sectionNode) }),
);
// A recursive schema needs a name in the OpenAPI document (components/schemas/SectionNode).
z.globalRegistry.add(sectionNode, { id: 'SectionNode' });

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

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugList = (max: number) => z.array(z.string().trim().min(1).max(80).regex(SLUG)).max(max);

export const articleContent = z.object({
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().min(10).max(800),
  body: z
    .string()
    .max(20_000)
    .refine((b) => findUnsafeMarkdownLink(b) === null, 'input.unsafe_link'),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** "How customers ask": questions in this language that the article answers (indexed for search and the consultant). */
  phrasings: z.array(z.string().trim().min(3).max(200)).max(40).default([]),
  /** Shared by all the article's variants: saving one updates the others. */
  section: z.string().trim().min(1).max(80).regex(SLUG),
  audience: z.enum(['customer', 'agent', 'all']),
  categories: slugList(5).default([]),
});

export const createArticleBody = articleContent.extend({
  slug: z.string().trim().min(2).max(80).regex(SLUG),
  locale: z.enum(LOCALES),
});

export const updateArticleBody = articleContent.extend({
  /** The revision the edit started from; a newer current one answers 409 KB_REVISION_STALE. */
  revision: z.number().int().min(0),
  note: z.string().trim().max(300).optional(),
});

export const revertBody = z.object({ number: z.number().int().min(1), revision: z.number().int().min(0) });

export const idParams = z.object({ id: z.string().uuid() });
export const revisionParams = idParams.extend({ number: z.coerce.number().int().min(1).max(2_147_483_647) });
export const diffQuery = z.object({ against: z.coerce.number().int().min(0).max(2_147_483_647).optional() });

export const listQuery = z.object({
  status: z.enum(['draft', 'published']).optional(),
  section: z.string().max(80).optional(),
  locale: z.enum(LOCALES).optional(),
  audience: z.enum(['customer', 'agent', 'all']).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const staffRef = z.object({ id: z.string(), name: z.string() });
const lock = z.object({ staffId: z.string(), name: z.string(), lockedAt: z.string() }).nullable();

export const listResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      locale: z.enum(LOCALES),
      title: z.string(),
      section: z.string(),
      audience: z.enum(['customer', 'agent', 'all']),
      status: z.enum(['draft', 'published']),
      revision: z.number().int(),
      views: z.number().int(),
      yes: z.number().int(),
      no: z.number().int(),
      updatedAt: z.string(),
      lock,
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const articleDetail = z.object({
  id: z.string(),
  slug: z.string(),
  locale: z.enum(LOCALES),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  phrasings: z.array(z.string()),
  section: z.string(),
  audience: z.enum(['customer', 'agent', 'all']),
  categories: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  revision: z.number().int(),
  views: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: staffRef.nullable(),
  lock,
  variants: z.array(z.object({ id: z.string(), locale: z.enum(LOCALES), status: z.enum(['draft', 'published']) })),
});

export const savedResponse = z.object({ id: z.string(), revision: z.number().int(), status: z.enum(['draft', 'published']) });

export const revisionsResponse = z.object({
  items: z.array(
    z.object({
      number: z.number().int(),
      action: z.enum(['seed', 'create', 'edit', 'revert']),
      revertedFrom: z.number().int().nullable(),
      title: z.string(),
      note: z.string().nullable(),
      author: staffRef.nullable(),
      createdAt: z.string(),
    }),
  ),
});

const diffLines = z.array(z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() }));
export const diffResponse = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: diffLines,
  summary: diffLines,
  body: diffLines,
  tags: diffLines,
  phrasings: diffLines,
});

export const proposalsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      asked: z.number().int(),
      proposedAt: z.string(),
      proposedBy: z.string().nullable(),
    }),
  ),
});
export const proposalParams = z.object({ id: z.string().uuid() });

export const unhelpfulQuery = z.object({
  locale: z.enum(LOCALES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const unhelpfulResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      locale: z.enum(LOCALES),
      title: z.string(),
      yes: z.number().int(),
      no: z.number().int(),
      views: z.number().int(),
      comments: z.array(z.object({ comment: z.string(), helpful: z.boolean(), at: z.string() })),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
