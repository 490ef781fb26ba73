import type { WorkspaceMessage } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { formatFileSize, formatShortDateTime } from '../../ui/format';

/** The whole correspondence, oldest first; internal notes stand apart (colour and label); files download. */
export function Thread({ number, messages }: { number: string; messages: WorkspaceMessage[] }) {
  const { t, locale } = useI18n();
  if (messages.length === 0) return <p className="thread__empty">{t('console.ws.noMessages')}</p>;
  return (
    <ol className="cthread">
      {messages.map((m) => {
        const kind = m.internal ? 'internal' : m.author.kind;
        const who = m.author.kind === 'system' ? t('console.ws.system') : m.author.name || t('console.ws.unknownAuthor');
        const role = m.internal
          ? t('console.ws.internalNote')
          : m.author.kind === 'customer'
            ? t('console.ws.customer')
            : m.author.kind === 'staff'
              ? t('console.ws.support')
              : null;
        return (
          <li key={m.id} className={`cmsg cmsg--${kind}`} data-testid={`cmsg-${kind}`}>
            <div className="cmsg__head">
              <span className="cmsg__avatar" aria-hidden="true">
                {m.author.kind === 'system' ? 'i' : who.slice(0, 1).toUpperCase()}
              </span>
              <span className="cmsg__author">{who}</span>
              {role && <span className={`cmsg__role${m.internal ? ' cmsg__role--internal' : ''}`}>{role}</span>}
              <time className="cmsg__time" dateTime={m.createdAt}>
                {formatShortDateTime(m.createdAt, locale)}
              </time>
            </div>
            {m.body && <div className="cmsg__body">{m.body}</div>}
            {m.attachments.length > 0 && (
              <ul className="cmsg__files" aria-label={t('console.ws.attachments')}>
                {m.attachments.map((a) => (
                  <li key={a.id} className="cmsg__file">
                    {/* Staff are signed in by cookie: a plain link downloads (the answer says "attachment"). */}
                    <a
                      href={`/api/v1/console/tickets/${encodeURIComponent(number)}/attachments/${a.id}`}
                      download={a.name}
                      aria-label={t('console.ws.download', { name: a.name })}
                    >
                      {a.name}
                    </a>{' '}
                    <span className="muted">{formatFileSize(a.size, locale)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
