import { useState } from 'react';
import type { Workspace, WorkspaceField } from '../../api/console';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { formatFieldValue } from '../../ui/format';
import { RevealDialog } from './RevealDialog';

/** What the customer submitted; personal fields masked, with "Показать" for those allowed to reveal them. */
export function TicketFields({ ws, onRevealed }: { ws: Workspace; onRevealed: () => void }) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const [revealing, setRevealing] = useState<WorkspaceField | null>(null);
  if (ws.fields.length === 0) return null;

  return (
    <section className="ws-card" aria-labelledby="ws-fields-title">
      <h2 id="ws-fields-title" className="ws-card__title">
        {t('console.ws.fields')}
      </h2>
      <dl className="ws-fields">
        {ws.fields.map((f) => (
          <div key={f.key} className={f.type === 'textarea' ? 'ws-fields__wide' : undefined}>
            <dt>{l(f.label)}</dt>
            <dd>
              {f.personal ? (
                <span className="masked">
                  <span className="masked__value" aria-label={t('console.reveal.masked')}>
                    {f.value}
                  </span>
                  <span className="masked__tag">{t('console.reveal.personal')}</span>
                  {f.revealable && ws.can.reveal && (
                    <button type="button" className="link-button" onClick={() => setRevealing(f)}>
                      {t('console.reveal.show')}
                    </button>
                  )}
                </span>
              ) : (
                formatFieldValue(f.type, f.value, locale)
              )}
            </dd>
          </div>
        ))}
      </dl>
      {revealing && (
        <RevealDialog
          number={ws.number}
          field={revealing.key}
          label={l(revealing.label)}
          onClose={() => setRevealing(null)}
          onRevealed={onRevealed}
        />
      )}
    </section>
  );
}
