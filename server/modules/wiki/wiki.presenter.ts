import { diffLines } from '../../../common/wiki';
import type { wikiPages } from '../../db/schema';
import type { MemberStanding } from './wiki.levels';
import type { listProposals, revisionsOf } from './wiki.repo';

type Page = typeof wikiPages.$inferSelect;
type Revision = Awaited<ReturnType<typeof revisionsOf>>[number];
type Proposal = Awaited<ReturnType<typeof listProposals>>['rows'][number];

export const presentPage = (p: Page) => ({
  slug: p.slug,
  locale: p.locale,
  title: p.title,
  body: p.body,
  revision: p.revision,
  locked: p.locked,
  lockReason: p.lockReason,
  updatedAt: p.updatedAt.toISOString(),
});

export const presentRevision = (r: Revision) => ({
  number: r.number,
  title: r.title,
  kind: r.kind,
  summary: r.summary,
  createdAt: r.createdAt.toISOString(),
  author: r.authorName,
  byModerator: r.staffName !== null,
});

export const presentProposal = (p: Proposal) => ({
  id: p.id,
  status: p.status,
  page: { slug: p.pageSlug, title: p.pageTitle, revision: p.pageRevision },
  baseRevision: p.baseRevision,
  title: p.title,
  summary: p.summary,
  author: p.authorName,
  reason: p.reason,
  revisionNumber: p.revisionNumber,
  createdAt: p.createdAt.toISOString(),
  decidedAt: p.decidedAt?.toISOString() ?? null,
  diff: diffLines(`# ${p.pageTitle}\n\n${p.pageBody}`, `# ${p.title}\n\n${p.body}`),
});

export const presentStanding = (s: MemberStanding) => ({
  level: s.level,
  computedLevel: s.computedLevel,
  override: s.override,
  overrideReason: s.overrideReason,
  identityVerified: s.identityVerified,
  strikes: s.strikes,
  acceptedEdits: s.acceptedEdits,
  accountAgeDays: s.accountAgeDays,
});
