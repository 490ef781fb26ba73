import { useId, useState } from 'react';
import type { L10n } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { Select } from '../../../ui/fields';
import { updatePolicy } from '../api';
import type { SlaCalendarRow, SlaPolicy } from '../api';
import { isComplete, l10nErrors } from '../catalog/nodeChecks';
import { SmallField } from '../forms/inputs';
import { L10nInputs } from '../shared/L10nInputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { calendarName } from './calendarName';
import { fromDefinition, workdayMinutes } from './calendarState';
import { joinTarget, splitTarget } from './slaUnits';
import type { Target } from './slaUnits';
import { TargetInput } from './TargetInput';

type Props = { policy: SlaPolicy; calendars: SlaCalendarRow[]; onSaved: () => void; onClose: () => void };

function calendarInfo(calendars: SlaCalendarRow[], code: string) {
  const row = calendars.find((c) => c.code === code);
  const draft = row ? fromDefinition(row.definition) : null;
  return { day: draft ? workdayMinutes(draft) : null, alwaysOpen: draft?.alwaysOpen ?? false };
}

/** Edits one policy: name, calendar, first-response and resolution targets, the "at risk" threshold. */
export function PolicyEditor({ policy, calendars, onSaved, onClose }: Props) {
  const t = useT();
  const id = useId();
  const start = calendarInfo(calendars, policy.calendarCode);
  const [name, setName] = useState<L10n>(policy.name);
  const [calendarCode, setCalendarCode] = useState(policy.calendarCode);
  const [first, setFirst] = useState<Target>(() => splitTarget(policy.firstResponseMinutes, start.day));
  const [resolution, setResolution] = useState<Target>(() => splitTarget(policy.resolutionMinutes, start.day));
  const [atRisk, setAtRisk] = useState(String(policy.atRiskPercent));
  const save = useSave();
  const cal = calendarInfo(calendars, calendarCode);
  const firstMinutes = joinTarget(first, cal.day);
  const resolutionMinutes = joinTarget(resolution, cal.day);
  const atRiskNumber = Number(atRisk);
  const atRiskOk = Number.isInteger(atRiskNumber) && atRiskNumber >= 10 && atRiskNumber <= 99;
  const valid = isComplete(name) && firstMinutes !== null && resolutionMinutes !== null && atRiskOk;

  return (
    <form
      className="admin-panel admin-stack"
      aria-label={t('admin.sla.editPolicy', { code: policy.code })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid || firstMinutes === null || resolutionMinutes === null) return;
        void save.run(async () => {
          await updatePolicy(policy.id, {
            name,
            calendarCode,
            firstResponseMinutes: firstMinutes,
            resolutionMinutes,
            atRiskPercent: atRiskNumber,
          });
          onSaved();
          return t('admin.sla.policySaved');
        });
      }}
    >
      <L10nInputs
        legend={t('admin.sla.policyName')}
        required
        maxLength={120}
        value={name}
        errors={l10nErrors(name, t('admin.required'))}
        onChange={setName}
      />
      <div className="admin-policy__grid">
        <Select
          className="admin-small"
          id={`${id}-calendar`}
          label={t('admin.sla.calendar')}
          hint={
            cal.alwaysOpen
              ? t('admin.sla.dayIs247')
              : cal.day
                ? t('admin.sla.dayIs', { hours: String(Math.round((cal.day / 60) * 100) / 100).replace('.', ',') })
                : t('admin.sla.noDay')
          }
          value={calendarCode}
          onChange={setCalendarCode}
          options={calendars.map((c) => [c.code, calendarName(c, t)] as const)}
        />
        <TargetInput
          label={t('admin.sla.firstResponse')}
          value={first}
          alwaysOpen={cal.alwaysOpen}
          onChange={setFirst}
          errors={firstMinutes === null ? [t('admin.sla.targetInvalid')] : []}
        />
        <TargetInput
          label={t('admin.sla.resolution')}
          value={resolution}
          alwaysOpen={cal.alwaysOpen}
          onChange={setResolution}
          errors={resolutionMinutes === null ? [t('admin.sla.targetInvalid')] : []}
        />
        <SmallField
          label={t('admin.sla.atRisk')}
          hint={t('admin.sla.atRiskHint')}
          inputMode="numeric"
          value={atRisk}
          errors={atRiskOk ? [] : [t('admin.sla.atRiskInvalid')]}
          onChange={setAtRisk}
        />
      </div>
      <p className="form-note">{t('admin.sla.policyNote')}</p>
      <div className="admin-actions">
        <button type="submit" className="button button--primary button--small" disabled={save.saving || !valid}>
          {t('admin.save')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          {t('admin.close')}
        </button>
        <SaveStatus result={save.result} />
      </div>
    </form>
  );
}
