import { useId, useState } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { saveCalendar } from '../api';
import type { SlaCalendarRow } from '../api';
import { TextField } from '../../../ui/fields';
import { Check, Errors } from '../forms/inputs';
import { issuePath, issuesOf, issuesUnder } from '../shared/issues';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { calendarName } from './calendarName';
import { fromDefinition, toDefinition } from './calendarState';
import type { CalendarDraft } from './calendarState';
import { HolidaysEditor } from './HolidaysEditor';
import { WeekEditor } from './WeekEditor';

const ZONES = [
  'Europe/Moscow',
  'Europe/Kyiv',
  'Europe/Minsk',
  'Europe/Kaliningrad',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Asia/Novosibirsk',
  'Asia/Vladivostok',
  'UTC',
];

type Props = { calendar: SlaCalendarRow; canEdit: boolean; onSaved: () => void };

/** One business calendar; the server checks it and names the path of each problem, shown where it is. */
export function CalendarEditor({ calendar, canEdit, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<CalendarDraft>(() => fromDefinition(calendar.definition));
  const save = useSave();
  const issues = save.result?.kind === 'error' ? issuesOf(save.result.error) : [];
  const at = (...path: string[]) => issuesUnder(issues, ['definition', ...path]).map((i) => `${issuePath(i)}: ${i.message}`);
  const weekWide = issuesUnder(issues, ['definition', 'weekly']).filter((i) => i.path.length <= 3);
  const change = (patch: Partial<CalendarDraft>) => {
    setDraft({ ...draft, ...patch });
  };

  return (
    <article className="admin-card" aria-labelledby={`${id}-title`} data-testid={`calendar-${calendar.code}`}>
      <header className="admin-card__head">
        <h3 id={`${id}-title`} className="admin-card__title">
          {calendarName(calendar, t)}
        </h3>
        {draft.alwaysOpen && <span className="badge admin-badge--info">24/7</span>}
      </header>
      <fieldset className="admin-card__section admin-stack" disabled={!canEdit}>
        <legend className="visually-hidden">{calendarName(calendar, t)}</legend>
        <div className="admin-calendar__top">
          <TextField
            className="admin-small"
            inputClassName="admin-mono"
            id={`${id}-tz`}
            label={t('admin.calendar.timeZone')}
            hint={t('admin.calendar.timeZoneHint')}
            error={at('timeZone')}
            list={`${id}-zones`}
            value={draft.timeZone}
            onChange={(e) => change({ timeZone: e.target.value })}
          />
          <datalist id={`${id}-zones`}>
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <Check
            label={t('admin.calendar.alwaysOpen')}
            hint={t('admin.calendar.alwaysOpenHint')}
            checked={draft.alwaysOpen}
            onChange={(alwaysOpen) => change({ alwaysOpen })}
          />
        </div>
        <div className={draft.alwaysOpen ? 'admin-dimmed' : undefined}>
          <h4 className="admin-card__subtitle">{t('admin.calendar.weekly')}</h4>
          {draft.alwaysOpen && <p className="form-note">{t('admin.calendar.ignored247')}</p>}
          <Errors errors={weekWide.map((i) => `${issuePath(i)}: ${i.message}`)} />
          <WeekEditor
            weekly={draft.weekly}
            onChange={(weekly) => change({ weekly })}
            errorsFor={(day) => at('weekly', day)}
            disabled={!canEdit}
          />
          <HolidaysEditor
            holidays={draft.holidays}
            onChange={(holidays) => change({ holidays })}
            errors={at('holidays')}
            disabled={!canEdit}
          />
        </div>
      </fieldset>
      {canEdit && (
        <div className="admin-actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={save.saving}
            onClick={() =>
              void save.run(async () => {
                await saveCalendar(calendar.id, toDefinition(draft));
                onSaved();
                return t('admin.calendar.saved');
              })
            }
          >
            {t('admin.calendar.save')}
          </button>
          <SaveStatus result={save.result} />
        </div>
      )}
    </article>
  );
}
