import { useCallback, useState } from 'react';
import type { Me } from '../../api/auth';
import { fetchWorkspace } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { ApiProblem } from '../ApiProblem';
import { useConsoleData } from '../ConsoleData';
import { usePolling } from '../hooks';
import { useRooms } from '../RealtimeProvider';
import { Composer } from './Composer';
import { CustomerPanel } from './CustomerPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { Thread } from './Thread';
import { MailOriginBadge } from './MailOriginBadge';
import { TicketFields } from './TicketFields';
import { usePresence } from './usePresence';
import { WorkspaceHeader } from './WorkspaceHeader';

type Tab = 'thread' | 'history';

/** `/console/tickets/<number>`: the request workspace, re-read live on changes of its room. */
export function WorkspacePage({ number, me }: { number: string; me: Me }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchWorkspace(number, signal), [number]);
  const [ticketRoom, setTicketRoom] = useState<string | null>(null);
  // The request's room: its events re-read the workspace (RealtimeProvider invalidates the query).
  const { loaded, reload } = useApiQuery('console.ticket', number, load, { rooms: ticketRoom ? [ticketRoom] : [] });
  const { refreshCounts } = useConsoleData();
  const [tab, setTab] = useState<Tab>('thread');

  const ws = loaded.status === 'ready' ? loaded.data : null;
  const room = `ticket:${ws?.id ?? ''}`;
  if (ws && ticketRoom !== room) setTicketRoom(room);
  const { live } = useRooms(ticketRoom ? [ticketRoom] : [], {});
  usePolling(ws !== null && !live, reload);
  const presence = usePresence(ticketRoom, me.user.id);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <ApiProblem error={loaded.error} onRetry={reload} />;
  const data = loaded.data;
  const changed = () => {
    reload();
    refreshCounts();
  };

  return (
    <article className="workspace" aria-labelledby="ws-title">
      <WorkspaceHeader ws={data} me={me} others={presence.others} onChanged={changed} />
      <div className="workspace__grid">
        <div className="workspace__main">
          {data.routingHint === 'lost_money_order' && (
            <p className="ws-hint" role="note">
              {t('console.ws.lostMoneyHint')}
            </p>
          )}
          <MailOriginBadge ws={data} />
          {!data.can.work && <p className="ws-readonly">{t('console.ws.readOnly')}</p>}
          <TicketFields ws={data} onRevealed={reload} />
          <div className="ws-tabs" role="tablist" aria-label={t('console.ws.tabs')}>
            <button
              type="button"
              role="tab"
              id="ws-tab-thread"
              aria-selected={tab === 'thread'}
              aria-controls="ws-panel-thread"
              className="ws-tabs__tab"
              onClick={() => setTab('thread')}
            >
              {t('console.ws.thread')} <span className="ws-tabs__count">{data.messages.length}</span>
            </button>
            <button
              type="button"
              role="tab"
              id="ws-tab-history"
              aria-selected={tab === 'history'}
              aria-controls="ws-panel-history"
              className="ws-tabs__tab"
              onClick={() => setTab('history')}
            >
              {t('console.ws.history')} <span className="ws-tabs__count">{data.history.length}</span>
            </button>
          </div>
          {tab === 'thread' ? (
            <div role="tabpanel" id="ws-panel-thread" aria-labelledby="ws-tab-thread" className="ws-panel">
              <Thread number={number} messages={data.messages} />
              {data.can.work && <Composer ws={data} onSent={changed} onTyping={presence.typing} onIdle={presence.idle} />}
            </div>
          ) : (
            <div role="tabpanel" id="ws-panel-history" aria-labelledby="ws-tab-history" className="ws-panel">
              <HistoryTimeline ws={data} />
            </div>
          )}
        </div>
        <aside className="workspace__aside" aria-label={t('console.customer.title')}>
          <CustomerPanel ws={data} onChanged={changed} />
        </aside>
      </div>
    </article>
  );
}
