import type { ReactNode } from 'react';
import type { DiffLine } from '../../../common/wiki';
import type { WikiRevision } from '../../api/help';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/I18nProvider';

export const REVISION_KIND: Record<WikiRevision['kind'], MessageKey> = {
  create: 'wiki.kind.create',
  edit: 'wiki.kind.edit',
  proposal: 'wiki.kind.proposal',
  revert: 'wiki.kind.revert',
};

/** A line diff: removed lines struck through in red, added ones in green; `lang`: the language the lines are written in. */
export function DiffView({ diff, lang }: { diff: DiffLine[]; lang?: string | undefined }) {
  const t = useT();
  const changed = diff.some((d) => d.op !== 'same');
  if (!changed) return <p className="wiki-diff__none">{t('wiki.diff.none')}</p>;
  return (
    <div className="wiki-diff" role="group" aria-label={t('wiki.diff.label')}>
      {diff.map((d, i) => (
        <div key={i} className={`wiki-diff__line wiki-diff__line--${d.op}`}>
          <span className="wiki-diff__sign" aria-hidden="true">
            {d.op === 'add' ? '+' : d.op === 'del' ? '−' : ' '}
          </span>
          {d.op === 'add' && <span className="visually-hidden">{t('wiki.diff.added')} </span>}
          {d.op === 'del' && <span className="visually-hidden">{t('wiki.diff.removed')} </span>}
          {d.op === 'del' ? (
            <del lang={lang}>{d.text || ' '}</del>
          ) : d.op === 'add' ? (
            <ins lang={lang}>{d.text || ' '}</ins>
          ) : (
            <span lang={lang}>{d.text || ' '}</span>
          )}
        </div>
      ))}
    </div>
  );
}

/** A member's name: not a word of any interface language (`translate="no"`, skipped by the languages journey). */
function PersonName({ name }: { name: string }) {
  return <span translate="no">{name}</span>;
}

/** Who made a revision: the member (with "accepted by a moderator" for a proposal) or "moderator". */
export function revisionAuthor(r: Pick<WikiRevision, 'author' | 'byModerator' | 'kind'>, t: ReturnType<typeof useT>): ReactNode {
  if (!r.author) return t('wiki.moderator');
  if (r.kind !== 'proposal') return <PersonName name={r.author} />;
  // The sentence in the reader's language with the name where the catalogue puts it.
  const [before = '', after = ''] = t('wiki.authorAccepted', { name: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <PersonName name={r.author} />
      {after}
    </>
  );
}
