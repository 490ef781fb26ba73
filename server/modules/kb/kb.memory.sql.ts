import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection';

/** The SQL of the in-memory help-centre index (kb.memory.ts): loading it, following its changes, its version. */

export const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A page of index rows by primary key (the full load). */
export const docsPage = (after: string, limit: number) => sql`
  SELECT article_id, rev, slug, locale, audience, section, published, title, summary, title_norm, terms, phrasings, length
    FROM kb_search_docs WHERE article_id > ${after}::uuid ORDER BY article_id LIMIT ${limit}`;

/** Rows written since a revision (the delta), by the revision index. */
export const revisionsAbove = (rev: number, limit: number) =>
  sql`SELECT article_id, rev FROM kb_search_docs WHERE rev > ${rev} ORDER BY rev LIMIT ${limit}`;

/** Bumps kb_search_state.version; put in a WITH of every statement that writes the index, the lexicon or the synonyms. */
export const bumpVersion = () => sql`UPDATE kb_search_state SET version = version + 1 WHERE id = 1`;

export const currentVersion = async (db: Executor) =>
  Number(
    rows<{ version: string | number }>(await db.execute(sql`SELECT version FROM kb_search_state WHERE id = 1`))[0]?.version ?? 0,
  );

/** After a change was noticed: what changed? (newest revision, row counts, synonyms). */
export const indexState = () =>
  sql`SELECT (SELECT count(*) FROM kb_search_docs)::int AS docs,
             (SELECT coalesce(max(rev), 0) FROM kb_search_docs)::bigint AS rev,
             (SELECT count(*) FROM kb_search_words)::int AS words,
             (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM kb_synonyms) AS synonyms`;

export type DocRow = {
  article_id: string;
  rev: string | number;
  slug: string;
  locale: string;
  audience: string;
  section: string;
  published: number;
  title: string;
  summary: string;
  title_norm: string;
  terms: string;
  phrasings: string;
  length: number;
};

const DOC_COLUMNS = sql.raw(
  'article_id, rev, slug, locale, audience, section, published, title, summary, title_norm, terms, phrasings, length',
);
type Revision = { article_id: string; rev: string | number };

export const docsAfter = async (db: Executor, after: string, limit: number) =>
  rows<DocRow>(await db.execute(docsPage(after, limit)));

export const docsByIds = async (db: Executor, ids: string[]) =>
  rows<DocRow>(
    await db.execute(sql`SELECT ${DOC_COLUMNS} FROM kb_search_docs WHERE article_id = ANY(${`{${ids.join(',')}}`}::uuid[])`),
  );

export const revisionsSince = async (db: Executor, rev: number, limit: number) =>
  rows<Revision>(await db.execute(revisionsAbove(rev, limit)));

export const allRevisions = async (db: Executor) =>
  rows<Revision>(await db.execute(sql`SELECT article_id, rev FROM kb_search_docs`));

export const stateOf = async (db: Executor) =>
  rows<{ docs: number; rev: string | number; words: number; synonyms: string }>(await db.execute(indexState()))[0]!;

export const lexicon = async (db: Executor) =>
  rows<{ word: string }>(await db.execute(sql`SELECT word FROM kb_search_words`)).map((r) => r.word);

export const synonymGroups = async (db: Executor) =>
  rows<{ terms: string[] }>(await db.execute(sql`SELECT terms FROM kb_synonyms ORDER BY created_at, id`)).map((r) => r.terms);
