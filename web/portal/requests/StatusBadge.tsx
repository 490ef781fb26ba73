import type { TicketStatus } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';

/** A request's status as a coloured pill. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(`portal.status.${status}`)}</span>;
}
