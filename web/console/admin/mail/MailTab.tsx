import { useCallback, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { Alert } from '../../../ui/Alert';
import { describeError } from '../../../ui/errorMessage';
import { formatDateTime } from '../../../ui/format';
import { PageLoading } from '../../../ui/PageLoading';
import { Select, TextField } from '../../../ui/fields';
import { useApiQuery } from '../../../api/query';
import { LoadFailure } from '../shared/LoadFailure';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import {
  MAIL_STATUSES,
  MAIL_TEMPLATES,
  NO_FILTERS,
  fetchMail,
  fetchMailDetail,
  resendMail,
  type MailDetail,
  type MailFilters,
  type MailPage,
  type MailStatus,
  type MailSummary,
} from './api';

const STATUS_TONE: Record<MailStatus, string> = {
  sent: 'admin-badge--ok',
  queued: 'admin-badge--info',
  stored: 'admin-badge--muted',
  failed: 'admin-badge--danger',
};

/** "Исходящая почта": every message paydesk sent or keeps, its status and error; admins resend failed ones. */
export function MailTab({ canEdit }: { canEdit: boolean }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<MailFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<MailFilters>(NO_FILTERS);
  // Pages after the first, for the first page they continue (a reload or new filters drop them).
  const [extra, setMore] = useState<{ base: MailPage; items: MailSummary[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const load = useCallback((signal: AbortSignal) => fetchMail(filters, null, signal), [filters]);
  const { loaded, reload } = useApiQuery('console.admin.mail.MailTab#1', `mail:${JSON.stringify(filters)}`, load);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setOpenId(null);
    setFilters({ ...draft });
  };
  const reset = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setOpenId(null);
  };
  const field = (key: keyof MailFilters) => ({
    id: `mail-filter-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  const page = loaded.status === 'ready' ? loaded.data : null;
  const more = extra && extra.base === page ? extra : null;
  const items = page ? [...page.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : (page?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await fetchMail(filters, cursor);
      if (page) setMore({ base: page, items: [...(more?.items ?? []), ...next.items], cursor: next.nextCursor });
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="admin-stack">
      <p className="admin-note">{canEdit ? t('admin.mail.lead') : t('admin.mail.leadReadOnly')}</p>
      <form className="admin-panel mail-filters" onSubmit={apply} aria-label={t('admin.mail.filters')}>
        <Select
          id="mail-filter-status"
          label={t('admin.mail.status')}
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
          options={[['', t('admin.mail.any')], ...MAIL_STATUSES.map((s) => [s, t(`admin.mail.status.${s}`)] as const)]}
        />
        <Select
          id="mail-filter-template"
          label={t('admin.mail.template')}
          value={draft.template}
          onChange={(template) => setDraft({ ...draft, template })}
          options={[['', t('admin.mail.any')], ...MAIL_TEMPLATES.map((s) => [s, t(`admin.mail.template.${s}`)] as const)]}
        />
        <TextField label={t('admin.mail.to')} type="search" maxLength={200} {...field('to')} />
        <TextField
          label={t('admin.mail.number')}
          type="search"
          maxLength={30}
          placeholder={t('console.numberExample')}
          {...field('number')}
        />
        <TextField label={t('admin.mail.from')} type="date" {...field('from')} />
        <TextField label={t('admin.mail.until')} type="date" {...field('until')} />
        <div className="mail-filters__buttons">
          <button type="submit" className="button button--primary button--small">
            {t('admin.mail.apply')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={reset}>
            {t('admin.mail.reset')}
          </button>
        </div>
      </form>

      {loaded.status === 'loading' && <PageLoading />}
      {loaded.status === 'error' && <LoadFailure error={loaded.error} onRetry={reload} />}
      {page && (
        <>
          <p className="mail-counts" role="status">
            {MAIL_STATUSES.map((s) => (
              <span key={s} className={`badge ${STATUS_TONE[s]}`}>
                {t(`admin.mail.status.${s}`)}: {page.counts[s]}
              </span>
            ))}
          </p>
          {!page.smtpConfigured && <Alert tone="info">{t('admin.mail.noSmtp')}</Alert>}
          <div className="admin-table-wrap">
            <table className="admin-table mail-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.mail.created')}</th>
                  <th scope="col">{t('admin.mail.to')}</th>
                  <th scope="col">{t('admin.mail.subject')}</th>
                  <th scope="col">{t('admin.mail.number')}</th>
                  <th scope="col">{t('admin.mail.status')}</th>
                  <th scope="col" className="admin-table__tools" aria-label={t('admin.members.actions')} />
                </tr>
              </thead>
              <tbody>
                {items.length === 0 && (
                  <tr>
                    <td colSpan={6} className="form-note">
                      {JSON.stringify(filters) === JSON.stringify(NO_FILTERS)
                        ? t('admin.mail.empty')
                        : t('admin.mail.emptyFiltered')}
                    </td>
                  </tr>
                )}
                {items.map((m) => (
                  <MailRow
                    key={m.id}
                    mail={m}
                    open={openId === m.id}
                    locale={locale}
                    onToggle={() => setOpenId(openId === m.id ? null : m.id)}
                    onChanged={reload}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {moreError !== null && <Alert tone="error">{describeError(moreError, t)}</Alert>}
          {cursor && (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={loadingMore}
              onClick={() => void loadMore()}
            >
              {loadingMore ? t('admin.mail.loading') : t('admin.mail.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function MailRow(props: {
  mail: MailSummary;
  open: boolean;
  locale: 'ru' | 'uk' | 'en';
  onToggle: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { mail: m, open, locale } = props;
  const templateName = (name: string) =>
    (MAIL_TEMPLATES as readonly string[]).includes(name)
      ? t(`admin.mail.template.${name as (typeof MAIL_TEMPLATES)[number]}`)
      : name;
  return (
    <>
      <tr>
        <td className="mail-table__date">{formatDateTime(m.createdAt, locale)}</td>
        <td className="admin-table__clip">{m.to}</td>
        <td>
          <span className="admin-table__strong">{m.subject}</span>
          <span className="admin-table__sub">
            {templateName(m.template)} · {m.locale.toUpperCase()}
          </span>
        </td>
        <td>{m.ticketNumber ?? '—'}</td>
        <td>
          <span className={`badge ${STATUS_TONE[m.status]}`}>{t(`admin.mail.status.${m.status}`)}</span>
          {m.lastError && <span className="admin-table__sub mail-table__error">{m.lastError}</span>}
        </td>
        <td className="admin-table__tools">
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={open}
            aria-label={t('admin.mail.openOf', { subject: m.subject })}
            onClick={props.onToggle}
          >
            {open ? t('admin.mail.close') : t('admin.mail.open')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="admin-table__editor">
          <td colSpan={6}>
            <MailView id={m.id} onChanged={props.onChanged} />
          </td>
        </tr>
      )}
    </>
  );
}

function MailView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchMailDetail(id, signal), [id]);
  const { loaded, reload } = useApiQuery('console.admin.mail.MailTab#2', `mail-detail:${id}`, load);
  const resend = useSave();
  const [part, setPart] = useState<'html' | 'text'>('html');
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const m: MailDetail = loaded.data;
  const headers: Array<[string, string]> = [
    ['From', m.from],
    ['To', m.to],
    ['Subject', m.subject],
    ['Message-ID', m.messageId],
    ...(m.inReplyTo ? ([['In-Reply-To', m.inReplyTo]] as Array<[string, string]>) : []),
    ...(m.references.length ? ([['References', m.references.join(' ')]] as Array<[string, string]>) : []),
    ...Object.entries(m.headers),
  ];
  return (
    <div className="mail-view">
      <dl className="mail-view__meta">
        <dt>{t('admin.mail.status')}</dt>
        <dd>
          {t(`admin.mail.status.${m.status}`)}
          {m.sentAt ? ` · ${formatDateTime(m.sentAt, locale)}` : ''} · {t('admin.mail.attempts', { count: m.attempts })}
        </dd>
        {m.lastError && (
          <>
            <dt>{t('admin.mail.error')}</dt>
            <dd className="mail-table__error">{m.lastError}</dd>
          </>
        )}
      </dl>
      {m.canResend && (
        <div className="admin-toolbar">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={resend.saving}
            onClick={() =>
              void resend.run(async () => {
                await resendMail(m.id);
                reload();
                onChanged();
                return t('admin.mail.resent');
              })
            }
          >
            {t('admin.mail.resend')}
          </button>
          <SaveStatus result={resend.result} />
        </div>
      )}
      <details className="mail-view__headers">
        <summary>{t('admin.mail.headers')}</summary>
        <pre className="admin-mono">{headers.map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
      </details>
      <div className="tabs" role="tablist" aria-label={t('admin.mail.parts')}>
        <button type="button" role="tab" className="tabs__tab" aria-selected={part === 'html'} onClick={() => setPart('html')}>
          {t('admin.mail.htmlTab')}
        </button>
        <button type="button" role="tab" className="tabs__tab" aria-selected={part === 'text'} onClick={() => setPart('text')}>
          {t('admin.mail.textPart')}
        </button>
      </div>
      {part === 'html' ? (
        // sandbox="": no scripts, no forms, no navigation, a unique origin — the letter cannot touch the console.
        <iframe className="mail-view__frame" title={t('admin.mail.htmlPart')} sandbox="" srcDoc={m.html} />
      ) : (
        <pre className="mail-view__text">{m.text}</pre>
      )}
    </div>
  );
}
