import { useCallback, useState, type FormEvent } from 'react';
import { Checkbox, Select, TextArea, TextField } from '../../../ui/fields';
import {
  acceptProposal,
  fetchProposalQueue,
  fetchWikiMembers,
  rejectProposal,
  updateWikiMember,
  type WikiMember,
  type WikiProposal,
} from '../../../api/help';
import { useI18n } from '../../../i18n/I18nProvider';
import { Link } from '../../../router';
import { formatShortDateTime } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { Pager } from '../../../ui/Pager';
import { useApiQuery } from '../../../api/query';
import { DiffView } from '../../../portal/wiki/wikiShared';
import { LoadFailure } from '../shared/LoadFailure';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

function ProposalCard({ proposal, onDecided }: { proposal: WikiProposal; onDecided(): void }) {
  const { t, locale } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [strike, setStrike] = useState(false);
  const [reasonError, setReasonError] = useState(false);
  const save = useSave();
  const reject = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(true);
      return;
    }
    void save.run(async () => {
      await rejectProposal(proposal.id, reason.trim(), strike);
      onDecided();
      return t('wikiAdmin.rejected');
    });
  };
  const stale = proposal.baseRevision !== proposal.page.revision;
  return (
    <article className="admin-panel admin-stack" aria-labelledby={`prop-${proposal.id}`}>
      <h3 id={`prop-${proposal.id}`} className="admin-panel__title">
        <a href={`/wiki/${proposal.page.slug}`} target="_blank" rel="noopener">
          {proposal.page.title}
        </a>
      </h3>
      <p className="form-note">
        {t('wikiAdmin.proposedBy', { name: proposal.author, date: formatShortDateTime(proposal.createdAt, locale) })}
        {stale && <> · {t('wikiAdmin.staleBase', { base: proposal.baseRevision, current: proposal.page.revision })}</>}
      </p>
      {proposal.summary && <p>{proposal.summary}</p>}
      <DiffView diff={proposal.diff} />
      {proposal.status === 'pending' && !rejecting && (
        <div className="admin-actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={save.saving}
            onClick={() =>
              void save.run(async () => {
                await acceptProposal(proposal.id);
                onDecided();
                return t('wikiAdmin.accepted');
              })
            }
          >
            {t('wikiAdmin.accept')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setRejecting(true)}>
            {t('wikiAdmin.reject')}
          </button>
        </div>
      )}
      {rejecting && (
        <form className="admin-stack" onSubmit={reject} noValidate>
          <TextArea
            label={t('wikiAdmin.reason')}
            rows={2}
            maxLength={1000}
            value={reason}
            error={reasonError ? t('wikiAdmin.reasonRequired') : null}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(false);
            }}
          />
          <Checkbox label={t('wikiAdmin.strike')} checked={strike} onChange={setStrike} />
          <div className="admin-actions">
            <button type="submit" className="button button--primary button--small" disabled={save.saving}>
              {t('wikiAdmin.rejectConfirm')}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => setRejecting(false)}>
              {t('wiki.form.cancel')}
            </button>
          </div>
        </form>
      )}
      <SaveStatus result={save.result} />
    </article>
  );
}

function Queue() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const load = useCallback((signal: AbortSignal) => fetchProposalQueue('pending', page, { signal }), [page]);
  const { loaded, reload } = useApiQuery('console.admin.wiki.WikiTab#1', `queue:${page}`, load);
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const pages = Math.max(1, Math.ceil(loaded.data.total / loaded.data.pageSize));
  return (
    <section className="admin-stack" aria-labelledby="wiki-queue-title">
      <h2 id="wiki-queue-title" className="admin-panel__title">
        {t('wikiAdmin.queueTitle', { count: loaded.data.total })}
      </h2>
      {loaded.data.items.length === 0 ? (
        <p className="form-note">{t('wikiAdmin.queueEmpty')}</p>
      ) : (
        loaded.data.items.map((p) => <ProposalCard key={p.id} proposal={p} onDecided={reload} />)
      )}
      <Pager page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

function MemberRow({ member, canOverride, onSaved }: { member: WikiMember; canOverride: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [override, setOverride] = useState(member.override === null ? '' : String(member.override));
  const [verified, setVerified] = useState(member.identityVerified);
  const [strikes, setStrikes] = useState(member.strikes);
  const [reason, setReason] = useState('');
  const save = useSave();
  return (
    <>
      <tr>
        <td>
          {member.name}
          <br />
          <span className="form-note">{member.email}</span>
        </td>
        <td>
          <strong>{member.level}</strong>
          {member.override !== null && (
            <span className="form-note"> ({t('wikiAdmin.overridden', { computed: member.computedLevel })})</span>
          )}
        </td>
        <td>{member.accountAgeDays}</td>
        <td>{member.identityVerified ? t('wikiAdmin.yes') : t('wikiAdmin.no')}</td>
        <td>{member.acceptedEdits}</td>
        <td>{member.strikes}</td>
        <td>
          {canOverride && (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {t('wikiAdmin.change')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7}>
            <form
              className="admin-field__grid"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void save.run(async () => {
                  await updateWikiMember(member.customerId, {
                    levelOverride: override === '' ? null : Number(override),
                    identityVerified: verified,
                    strikes,
                    reason: reason.trim(),
                  });
                  onSaved();
                  return t('admin.savedNow');
                });
              }}
            >
              <Select
                className="admin-small"
                label={t('wikiAdmin.override')}
                value={override}
                onChange={setOverride}
                options={[['', t('wikiAdmin.computed')], ...['0', '1', '2', '3', '4'].map((l) => [l, l] as const)]}
              />
              <Checkbox label={t('wikiAdmin.verified')} checked={verified} onChange={setVerified} />
              <TextField
                className="admin-small"
                label={t('wikiAdmin.strikes')}
                type="number"
                min={0}
                max={100}
                value={strikes}
                onChange={(e) => setStrikes(Math.max(0, Number(e.target.value) || 0))}
              />
              <TextField
                label={t('wikiAdmin.reason')}
                value={reason}
                required
                minLength={3}
                onChange={(e) => setReason(e.target.value)}
              />
              <div className="admin-actions">
                <button type="submit" className="button button--primary button--small" disabled={save.saving}>
                  {t('settingsAdmin.save')}
                </button>
              </div>
              <SaveStatus result={save.result} />
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

function Members({ canOverride }: { canOverride: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const load = useCallback((signal: AbortSignal) => fetchWikiMembers(query, page, { signal }), [query, page]);
  const { loaded, reload } = useApiQuery('console.admin.wiki.WikiTab#2', `members:${query}:${page}`, load);
  const pages = loaded.status === 'ready' ? Math.max(1, Math.ceil(loaded.data.total / loaded.data.pageSize)) : 1;
  return (
    <section className="admin-stack" aria-labelledby="wiki-members-title">
      <h2 id="wiki-members-title" className="admin-panel__title">
        {t('wikiAdmin.membersTitle')}
      </h2>
      <p className="form-note">{t('wikiAdmin.levelsExplained')}</p>
      <form
        className="wiki-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setQuery(q.trim());
        }}
      >
        <TextField
          look="bare"
          inputClassName="field__input"
          id="members-q"
          label={t('wikiAdmin.searchMembers')}
          type="search"
          value={q}
          placeholder={t('wikiAdmin.searchMembers')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button button--ghost button--small">
          {t('wiki.search')}
        </button>
      </form>
      {loaded.status === 'loading' && <PageLoading />}
      {loaded.status === 'error' && <LoadFailure error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('wikiAdmin.member')}</th>
                <th scope="col">{t('wikiAdmin.level')}</th>
                <th scope="col">{t('wikiAdmin.ageDays')}</th>
                <th scope="col">{t('wikiAdmin.verified')}</th>
                <th scope="col">{t('wikiAdmin.edits')}</th>
                <th scope="col">{t('wikiAdmin.strikes')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('noticesAdmin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((m) => (
                <MemberRow key={m.customerId} member={m} canOverride={canOverride} onSaved={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

/** Members' wiki moderation: pending proposals with their diffs, and members' levels. */
export function WikiTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  return (
    <div className="admin-stack">
      <p className="form-note">
        {t('wikiAdmin.intro')} <Link href="/wiki">{t('wiki.title')}</Link>
      </p>
      <Queue />
      <Members canOverride={isAdmin} />
    </div>
  );
}
