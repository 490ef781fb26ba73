import { useCallback, useState } from 'react';
import { fetchActiveNotices, type NoticeSeverity, type PublicNotice } from '../../api/help';
import type { MessageKey } from '../../i18n/catalogues';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { formatShortDateTime } from '../../ui/format';
import { useApiQuery } from '../../api/query';

const DISMISSED_KEY = 'pd.notices.dismissed';

export const SEVERITY_LABEL: Record<NoticeSeverity, MessageKey> = {
  info: 'notices.severity.info',
  maintenance: 'notices.severity.maintenance',
  outage: 'notices.severity.outage',
  critical: 'notices.severity.critical',
};

function readDismissed(): string[] {
  try {
    const raw = sessionStorage.getItem(DISMISSED_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function Banner({ notice, onDismiss }: { notice: PublicNotice; onDismiss(): void }) {
  const { t, locale } = useI18n();
  const urgent = notice.severity === 'outage' || notice.severity === 'critical';
  return (
    <div className={`notice-banner notice-banner--${notice.severity}`} role={urgent ? 'alert' : 'status'}>
      <div className="container notice-banner__inner">
        <p className="notice-banner__text">
          <strong>
            {t(SEVERITY_LABEL[notice.severity])}: {notice.title}
          </strong>{' '}
          <span className="notice-banner__when">
            {notice.endsAt ? t('notices.until', { date: formatShortDateTime(notice.endsAt, locale) }) : t('notices.openEnded')}
          </span>{' '}
          <Link href={`/notices#notice-${notice.id}`} className="notice-banner__more">
            {t('notices.more')}
          </Link>
        </p>
        <button
          type="button"
          className="notice-banner__close"
          aria-label={t('notices.dismiss', { title: notice.title })}
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
    </div>
  );
}

/** Active notices above every portal page; each can be hidden for the rest of the browser session. */
export function NoticeBanner() {
  const { locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchActiveNotices(locale, { signal }), [locale]);
  const { loaded } = useApiQuery('portal.notices.NoticeBanner', locale, load);
  const [dismissed, setDismissed] = useState<string[]>(readDismissed);
  // A banner is a courtesy: while loading or when the request fails, the page simply has none.
  if (loaded.status !== 'ready') return null;
  const visible = loaded.data.items.filter((n) => !dismissed.includes(n.id));
  if (visible.length === 0) return null;
  const dismiss = (id: string) => {
    const next = [...dismissed, id];
    setDismissed(next);
    try {
      sessionStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
    } catch {
      // Private mode without storage: hidden until the next page load.
    }
  };
  return (
    <div className="notice-banners">
      {visible.map((n) => (
        <Banner key={n.id} notice={n} onDismiss={() => dismiss(n.id)} />
      ))}
    </div>
  );
}
