import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalogues';
import { Icon } from '../ui/icons';
import type { Queue } from './queues';

const COLUMNS: readonly MessageKey[] = [
  'console.table.number',
  'console.table.subject',
  'console.table.customer',
  'console.table.status',
  'console.table.department',
  'console.table.due',
  'console.table.updated',
];

/**
 * One queue: its title, what it holds, and the requests table. Requests arrive with the
 * tickets capability; until then every queue shows its empty state.
 */
export function QueueView({ queue }: { queue: Queue }) {
  const t = useT();
  const title = t(queue.label);
  return (
    <section className="queue" aria-labelledby="queue-title">
      <header className="queue__header">
        <h1 id="queue-title" className="queue__title">
          {title}
        </h1>
        <p className="queue__about">{t(queue.about)}</p>
      </header>
      <div className="queue__panel">
        <div className="queue__table-wrap">
          <table className="queue-table">
            <caption className="visually-hidden">{t('console.table.caption', { queue: title })}</caption>
            <thead>
              <tr>
                {COLUMNS.map((key) => (
                  <th key={key} scope="col">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody />
          </table>
        </div>
        <div className="empty-state" role="status">
          <Icon name="inbox" className="empty-state__icon" />
          <p className="empty-state__title">{t('console.queue.emptyTitle')}</p>
          <p className="empty-state__text">{t('console.queue.emptyText')}</p>
        </div>
      </div>
    </section>
  );
}
