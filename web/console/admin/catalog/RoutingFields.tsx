import { useId } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { Select, TextArea } from '../../../ui/fields';
import { PRIORITIES } from '../api';
import type { Priority } from '../api';
import type { Reference } from '../shared/useReference';

/** The routing of a leaf as edited: '' = not chosen (on an existing leaf: keep as is). */
export type RoutingDraft = { departmentCode: string; priority: Priority | ''; slaCode: string; articles: string };

type Props = {
  value: RoutingDraft;
  onChange: (value: RoutingDraft) => void;
  reference: Reference;
  /** The text of the empty choice: "choose…" for a new leaf, "keep as is" for an existing one. */
  emptyLabel: string;
  errors?: Partial<Record<keyof RoutingDraft, string[]>>;
  disabled?: boolean;
};

/** Article slugs typed one per line or separated by commas. */
export function parseSlugs(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Department, priority, SLA policy and the help-centre answers offered before the form. */
export function RoutingFields({ value, onChange, reference, emptyLabel, errors = {}, disabled }: Props) {
  const t = useT();
  const l = useLocalize();
  const id = useId();
  const select = (name: 'departmentCode' | 'priority' | 'slaCode', label: string, options: Array<[string, string]>) => (
    <Select
      className="admin-small"
      id={`${id}-${name}`}
      label={label}
      error={errors[name]}
      value={value[name]}
      onChange={(chosen) => onChange({ ...value, [name]: chosen })}
      options={[['', emptyLabel], ...options]}
    />
  );

  return (
    <fieldset className="admin-routing" disabled={disabled}>
      <legend className="field__label">{t('admin.routing.title')}</legend>
      <div className="admin-routing__grid">
        {select(
          'departmentCode',
          t('admin.routing.department'),
          reference.departments.map((d) => [d.code, `${l(d.name)}${d.active ? '' : ` — ${t('admin.inactive')}`}`]),
        )}
        {select(
          'priority',
          t('admin.routing.priority'),
          PRIORITIES.map((p) => [p, t(`admin.priority.${p}`)]),
        )}
        {select(
          'slaCode',
          t('admin.routing.sla'),
          reference.policies.map((p) => [p.code, l(p.name) || p.code]),
        )}
      </div>
      <TextArea
        id={`${id}-articles`}
        inputClassName="admin-mono"
        label={t('admin.routing.articles')}
        hint={t('admin.routing.articlesHint')}
        error={errors.articles}
        rows={3}
        value={value.articles}
        onChange={(e) => onChange({ ...value, articles: e.target.value })}
      />
    </fieldset>
  );
}
