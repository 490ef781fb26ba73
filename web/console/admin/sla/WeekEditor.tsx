import { useT } from '../../../i18n/I18nProvider';
import { Errors } from '../forms/inputs';
import { WEEKDAYS } from './calendarState';
import type { Interval, Weekday } from './calendarState';

type Props = {
  weekly: Record<Weekday, Interval[]>;
  onChange: (weekly: Record<Weekday, Interval[]>) => void;
  /** Server complaints per weekday (texts with their path). */
  errorsFor: (day: Weekday) => string[];
  disabled: boolean;
};

/** Working hours per weekday: any number of "HH:MM"–"HH:MM" intervals (a lunch break = two intervals). */
export function WeekEditor({ weekly, onChange, errorsFor, disabled }: Props) {
  const t = useT();
  const setDay = (day: Weekday, intervals: Interval[]) => onChange({ ...weekly, [day]: intervals });
  return (
    <table className="admin-table admin-week">
      <caption className="visually-hidden">{t('admin.calendar.weekly')}</caption>
      <tbody>
        {WEEKDAYS.map((day) => {
          const intervals = weekly[day];
          const errors = errorsFor(day);
          return (
            <tr key={day} className={errors.length ? 'field--invalid' : undefined}>
              <th scope="row">{t(`admin.weekday.${day}`)}</th>
              <td>
                <div className="admin-week__intervals">
                  {intervals.length === 0 && <span className="form-note">{t('admin.calendar.dayOff')}</span>}
                  {intervals.map(([start, end], i) => (
                    <span key={i} className="admin-week__interval">
                      <input
                        className="field__input admin-time"
                        value={start}
                        placeholder="09:00"
                        disabled={disabled}
                        aria-label={t('admin.calendar.from', { day: t(`admin.weekday.${day}`), n: i + 1 })}
                        onChange={(e) =>
                          setDay(
                            day,
                            intervals.map((iv, j): Interval => (j === i ? [e.target.value, iv[1]] : iv)),
                          )
                        }
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        className="field__input admin-time"
                        value={end}
                        placeholder="18:00"
                        disabled={disabled}
                        aria-label={t('admin.calendar.to', { day: t(`admin.weekday.${day}`), n: i + 1 })}
                        onChange={(e) =>
                          setDay(
                            day,
                            intervals.map((iv, j): Interval => (j === i ? [iv[0], e.target.value] : iv)),
                          )
                        }
                      />
                      {!disabled && (
                        <button
                          type="button"
                          className="admin-icon-button admin-icon-button--danger"
                          aria-label={t('admin.calendar.removeInterval', { day: t(`admin.weekday.${day}`), n: i + 1 })}
                          onClick={() =>
                            setDay(
                              day,
                              intervals.filter((_, j) => j !== i),
                            )
                          }
                        >
                          ×
                        </button>
                      )}
                    </span>
                  ))}
                  {!disabled && (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('admin.calendar.addIntervalTo', { day: t(`admin.weekday.${day}`) })}
                      onClick={() => setDay(day, [...intervals, intervals.length ? ['14:00', '18:00'] : ['09:00', '18:00']])}
                    >
                      {t('admin.calendar.addInterval')}
                    </button>
                  )}
                </div>
                <Errors errors={errors} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
