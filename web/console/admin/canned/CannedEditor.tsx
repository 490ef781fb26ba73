import { useId, useRef, useState } from 'react';
import { LOCALES } from '../../../../common/errors';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { createCanned, updateCanned } from '../api';
import type { AdminNode, Canned, CannedInput, Department } from '../api';
import { flatten } from '../catalog/treeUtils';
import { SmallField } from '../forms/inputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { Field, Select } from '../../../ui/fields';

/** What the console fills in when an operator picks the answer. */
export const PLACEHOLDERS = [
  { code: '{{customer.name}}', about: 'admin.canned.ph.customerName' },
  { code: '{{ticket.number}}', about: 'admin.canned.ph.ticketNumber' },
  { code: '{{ticket.subject}}', about: 'admin.canned.ph.ticketSubject' },
  { code: '{{operator.name}}', about: 'admin.canned.ph.operatorName' },
  { code: '{{portal.url}}', about: 'admin.canned.ph.portalUrl' },
] as const satisfies ReadonlyArray<{ code: string; about: MessageKey }>;

type Props = {
  canned: Canned | null;
  categories: AdminNode[];
  departments: Department[];
  onSaved: () => void;
  onClose: () => void;
};

/** Add or edit a canned answer: title, text with placeholders, language and where it is offered. */
export function CannedEditor({ canned, categories, departments, onSaved, onClose }: Props) {
  const t = useT();
  const l = useLocalize();
  const id = useId();
  const body = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState<CannedInput>(() => ({
    title: canned?.title ?? '',
    body: canned?.body ?? '',
    locale: canned && (LOCALES as readonly string[]).includes(canned.locale) ? (canned.locale as CannedInput['locale']) : 'ru',
    categoryId: canned?.categoryId ?? null,
    departmentCode: canned?.departmentCode ?? null,
  }));
  const [tried, setTried] = useState(false);
  const save = useSave();
  const titleErrors = draft.title.trim().length < 2 ? [t('admin.canned.tooShort')] : [];
  const bodyErrors = draft.body.trim().length < 2 ? [t('admin.canned.tooShort')] : [];

  const insert = (placeholder: string) => {
    const el = body.current;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? draft.body.length;
    setDraft({ ...draft, body: draft.body.slice(0, start) + placeholder + draft.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };

  return (
    <form
      className="admin-panel admin-stack"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (titleErrors.length || bodyErrors.length) return;
        void save.run(async () => {
          if (canned) await updateCanned(canned.id, draft);
          else await createCanned(draft);
          onSaved();
          if (!canned) onClose();
          return t('admin.savedNow');
        });
      }}
    >
      <h3 id={`${id}-title`} className="admin-panel__title">
        {canned ? t('admin.canned.editTitle') : t('admin.canned.addTitle')}
      </h3>
      <SmallField
        label={t('admin.canned.titleLabel')}
        value={draft.title}
        errors={tried ? titleErrors : []}
        onChange={(title) => setDraft({ ...draft, title })}
      />
      <Field id={`${id}-body`} label={t('admin.canned.body')} error={tried ? bodyErrors : null}>
        {(ids) => (
          <>
            <textarea
              id={ids.input}
              ref={body}
              className="field__input field__textarea"
              rows={7}
              maxLength={10000}
              value={draft.body}
              aria-invalid={ids.invalid}
              aria-describedby={[ids.describedBy, `${id}-placeholders`].filter(Boolean).join(' ')}
              onChange={(e) => setDraft({ ...draft, body: e.target.value })}
            />
            {/* The hint with buttons that put a placeholder at the caret. */}
            <div className="admin-placeholders" id={`${id}-placeholders`}>
              <span className="field__hint">{t('admin.canned.placeholders')}</span>
              {PLACEHOLDERS.map((p) => (
                <button key={p.code} type="button" className="admin-chip admin-chip--button" onClick={() => insert(p.code)}>
                  <code>{p.code}</code> <span>{t(p.about)}</span>
                </button>
              ))}
            </div>
          </>
        )}
      </Field>
      <div className="admin-field__grid">
        <Select
          className="admin-small"
          label={t('admin.canned.locale')}
          value={draft.locale}
          onChange={(locale) => setDraft({ ...draft, locale })}
          options={LOCALES.map((loc) => [loc, t(`lang.${loc}`)] as const)}
        />
        <Select
          className="admin-small"
          label={t('admin.canned.category')}
          value={draft.categoryId ?? ''}
          onChange={(v) => setDraft({ ...draft, categoryId: v || null })}
          options={[
            ['', t('admin.canned.anyCategory')],
            ...flatten(categories).map(({ node, depth }) => [node.id, `${'\u2003'.repeat(depth)}${l(node.name)}`] as const),
          ]}
        />
        <Select
          className="admin-small"
          label={t('admin.canned.department')}
          value={draft.departmentCode ?? ''}
          onChange={(v) => setDraft({ ...draft, departmentCode: v || null })}
          options={[['', t('admin.canned.anyDepartment')], ...departments.map((d) => [d.code, l(d.name)] as const)]}
        />
      </div>
      <p className="form-note">{t('admin.appliesNow')}</p>
      <div className="admin-actions">
        <button type="submit" className="button button--primary button--small" disabled={save.saving}>
          {canned ? t('admin.save') : t('admin.canned.create')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          {t('admin.close')}
        </button>
        <SaveStatus result={save.result} />
      </div>
    </form>
  );
}
