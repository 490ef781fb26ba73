import { useEffect } from 'react';
import type { QueueFilters } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { navigate, useSearch } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { Icon } from '../../ui/icons';
import { PageLoading } from '../../ui/PageLoading';
import { useConsoleData } from '../ConsoleData';
import { ApiProblem } from '../ApiProblem';
import { useRooms } from '../RealtimeProvider';
import { rememberQueue } from '../routes';
import type { QueueDef } from '../routes';
import { useNow, usePolling } from '../hooks';
import { filtersFromSearch, hasFilters, searchFromFilters } from './filters';
import { QueueFilterBar, QueueSearch } from './QueueFilterBar';
import { QueueTable } from './QueueTable';
import { useQueueList } from './useQueueList';

/** One queue: title, filters, the requests table with "load more", updated live. */
export function QueueView({ queue }: { queue: QueueDef }) {
  const t = useT();
  const search = useSearch();
  const filters = filtersFromSearch(search);
  const canonical = searchFromFilters(filters);
  const { departments, queueRooms, addDepartmentIds } = useConsoleData();
  // The rows follow every queue room: an event there re-reads them (RealtimeProvider).
  const list = useQueueList(queue.id, canonical, queueRooms);
  const now = useNow();

  const { refresh } = list;
  useEffect(() => rememberQueue(`${queue.path}${canonical}`), [queue.path, canonical]);
  // Without a departments list, the rows' department ids (when the server sends them) name the rooms.
  const rowIds = list.items.map((r) => r.department?.id).filter((id): id is string => Boolean(id));
  const rowKey = [...new Set(rowIds)].sort().join(',');
  useEffect(() => {
    if (rowKey) addDepartmentIds(rowKey.split(','));
  }, [rowKey, addDepartmentIds]);

  const { live: isLive } = useRooms(queueRooms, {});
  usePolling(!isLive, refresh);

  const title = t(queue.label);
  const onFilters = (next: QueueFilters) => navigate(`${queue.path}${searchFromFilters(next)}`, { replace: true });
  const filtered = hasFilters(filters);

  return (
    <section className="queue" aria-labelledby="queue-title">
      <header className="queue__header">
        <div>
          <div className="queue__title-row">
            <h1 id="queue-title" className="queue__title">
              {title}
            </h1>
            <span className={`live${isLive ? ' live--on' : ''}`} role="status">
              <span className="live__dot" aria-hidden="true" />
              {isLive ? t('console.live.on') : t('console.live.off')}
            </span>
          </div>
          <p className="queue__about">{t(queue.about)}</p>
        </div>
        <QueueSearch filters={filters} onChange={onFilters} />
      </header>
      <QueueFilterBar filters={filters} departments={departments} onChange={onFilters} />
      <div className="queue__panel">
        {list.status === 'loading' && <PageLoading />}
        {list.status === 'error' && <ApiProblem error={list.error} onRetry={refresh} />}
        {list.status === 'ready' && list.items.length > 0 && (
          <div className="queue__table-wrap">
            <QueueTable rows={list.items} caption={t('console.table.caption', { queue: title })} now={now} />
          </div>
        )}
        {list.status === 'ready' && list.items.length === 0 && (
          <div className="empty-state" role="status">
            <Icon name="inbox" className="empty-state__icon" />
            <p className="empty-state__title">{filtered ? t('console.empty.filteredTitle') : t('console.queue.emptyTitle')}</p>
            <p className="empty-state__text">{filtered ? t('console.empty.filteredText') : t(queue.empty)}</p>
            {filtered && (
              <button type="button" className="button button--ghost button--small" onClick={() => onFilters({})}>
                {t('console.filters.reset')}
              </button>
            )}
          </div>
        )}
        {list.status === 'ready' && list.nextCursor && (
          <div className="queue__more">
            {list.more === 'error' && <Alert tone="error">{describeError(list.error, t)}</Alert>}
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={list.loadMore}
              disabled={list.more === 'loading'}
            >
              {list.more === 'loading' ? t('app.loading') : t('console.loadMore')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
