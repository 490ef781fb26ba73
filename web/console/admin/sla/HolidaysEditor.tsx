import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { TextField } from '../../../ui/fields';
import { localeTag } from '../../../ui/format';
import { Errors } from '../forms/inputs';

type Props = { holidays: string[]; onChange: (holidays: string[]) => void; errors: string[]; disabled: boolean };

/** The dates without working time: a sorted list with "remove", and a date picker to add one. */
export function HolidaysEditor({ holidays, onChange, errors, disabled }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [date, setDate] = useState('');
  const format = new Intl.DateTimeFormat(localeTag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const label = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : format.format(d);
  };
  const sorted = [...new Set(holidays)].sort();
  return (
    <fieldset className={`admin-holidays${errors.length ? ' field--invalid' : ''}`}>
      <legend className="field__label">{t('admin.calendar.holidays', { count: sorted.length })}</legend>
      {sorted.length === 0 ? (
        <p className="form-note">{t('admin.calendar.noHolidays')}</p>
      ) : (
        <ul className="admin-chips">
          {sorted.map((h) => (
            <li key={h} className="admin-chip">
              <time dateTime={h}>{label(h)}</time>
              {!disabled && (
                <button
                  type="button"
                  className="admin-chip__remove"
                  aria-label={t('admin.calendar.removeHoliday', { date: label(h) })}
                  onClick={() => onChange(sorted.filter((x) => x !== h))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <div className="admin-inline">
          <TextField
            look="bare"
            inputClassName="field__input admin-input--compact"
            id={`${id}-date`}
            label={t('admin.calendar.holidayDate')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={!date}
            onClick={() => {
              onChange([...sorted, date]);
              setDate('');
            }}
          >
            {t('admin.calendar.addHoliday')}
          </button>
        </div>
      )}
      <Errors errors={errors} />
    </fieldset>
  );
}
