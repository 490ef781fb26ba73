import { useId } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import type { Target, TargetUnit } from './slaUnits';
import { Errors } from '../forms/inputs';

type Props = { label: string; value: Target; onChange: (value: Target) => void; alwaysOpen: boolean; errors: string[] };

const UNITS: TargetUnit[] = ['minutes', 'hours', 'days'];

/** A target as a number and a unit (minutes, hours, business days). */
export function TargetInput({ label, value, onChange, alwaysOpen, errors }: Props) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className={`admin-target${errors.length ? ' field--invalid' : ''}`}>
      <legend className="field__label">{label}</legend>
      <div className="admin-target__row">
        <input
          id={`${id}-value`}
          className="field__input"
          inputMode="decimal"
          aria-label={t('admin.sla.targetValue', { target: label })}
          value={value.value}
          onChange={(e) => onChange({ ...value, value: e.target.value })}
        />
        <select
          className="field__input field__select"
          aria-label={t('admin.sla.targetUnit', { target: label })}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as TargetUnit })}
        >
          {UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(unit === 'days' && !alwaysOpen ? 'admin.sla.unit.businessDays' : `admin.sla.unit.${unit}`)}
            </option>
          ))}
        </select>
      </div>
      <Errors errors={errors} />
    </fieldset>
  );
}
