import { useEffect, useState } from 'react';
import { fetchCanned } from '../../api/console';
import type { CannedAnswer } from '../../api/console';
import { useT } from '../../i18n/I18nProvider';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../ui/errorMessage';
import { Alert } from '../../ui/Alert';

type Props = { number: string; onPick: (body: string) => void; onClose: () => void };

/** The canned answers for this request (placeholders already filled); picking one inserts it for editing. */
export function CannedPicker({ number, onPick, onClose }: Props) {
  const t = useT();
  const [items, setItems] = useState<CannedAnswer[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let cancelled = false;
    fetchCanned(number).then(
      (list) => !cancelled && setItems(list),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [number]);

  const needle = filter.trim().toLowerCase();
  const shown = (items ?? []).filter((c) => !needle || `${c.title} ${c.body}`.toLowerCase().includes(needle));

  return (
    <Dialog open wide title={t('console.canned.title')} onClose={onClose}>
      <div className="canned">
        <input
          type="search"
          className="field__input canned__filter"
          placeholder={t('console.canned.filter')}
          aria-label={t('console.canned.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {error !== null && <Alert tone="error">{describeError(error, t)}</Alert>}
        {items === null && error === null && <p className="muted">{t('app.loading')}</p>}
        {items !== null && shown.length === 0 && <p className="muted">{t('console.canned.none')}</p>}
        <ul className="canned__list">
          {shown.map((c) => (
            <li key={c.id} className="canned__item">
              <div className="canned__head">
                <span className="canned__title">{c.title}</span>
                <span className="canned__scope">{t(`console.canned.scope.${c.scope}`)}</span>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => onPick(c.body)}
                  aria-label={t('console.canned.insertNamed', { title: c.title })}
                >
                  {t('console.canned.insert')}
                </button>
              </div>
              <p className="canned__body">{c.body}</p>
              {c.emptyPlaceholders.length > 0 && (
                <p className="canned__warning" role="note">
                  {t('console.canned.emptyPlaceholders', {
                    names: c.emptyPlaceholders
                      .map((p) => (p === 'customer.name' ? t('console.canned.ph.customer.name') : p))
                      .join(', '),
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
        <div className="dialog-form__buttons">
          <button type="button" className="button button--ghost button--small" onClick={onClose}>
            {t('console.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
