import { useId, useState } from 'react';
import type { L10n } from '../../../../common/forms/types';
import { translate } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { RadioGroup, Select } from '../../../ui/fields';
import { createNode } from '../api';
import type { AdminNode, Audience, CreateNodeInput } from '../api';
import { EMPTY_L10N, newField } from '../forms/builderState';
import type { FieldDraft } from '../forms/builderState';
import { FormBuilder } from '../forms/FormBuilder';
import { Errors, SmallField } from '../forms/inputs';
import { useFormCheck } from '../forms/useFormCheck';
import { L10nInputs } from '../shared/L10nInputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import type { Reference } from '../shared/useReference';
import { isComplete, l10nErrors, SLUG_PATTERN } from './nodeChecks';
import { parseSlugs, RoutingFields } from './RoutingFields';
import type { RoutingDraft } from './RoutingFields';
import { branches, locate } from './treeUtils';

type Props = {
  audience: Audience;
  tree: AdminNode[];
  defaultParentId: string | null;
  reference: Reference;
  onAudienceChange: (audience: Audience) => void;
  onCreated: (id: string) => void;
  onCancel: () => void;
};

const DEFAULT_LABEL = 'admin.form.defaultField';

/** A first field for a new leaf's form, so the form is never empty. */
function firstField(): FieldDraft {
  return {
    ...newField('textarea'),
    key: 'description',
    required: true,
    maxLength: '5000',
    label: { ru: translate('ru', DEFAULT_LABEL), uk: translate('uk', DEFAULT_LABEL), en: translate('en', DEFAULT_LABEL) },
  };
}

/** A new category: a section (holds others) or a leaf with routing and its form. */
export function NodeCreate({ audience, tree, defaultParentId, reference, onAudienceChange, onCreated, onCancel }: Props) {
  const t = useT();
  const l = useLocalize();
  const id = useId();
  const [parentId, setParentId] = useState<string>(defaultParentId ?? '');
  const [slug, setSlug] = useState('');
  const [name, setName] = useState<L10n>({ ...EMPTY_L10N });
  const [hint, setHint] = useState<L10n>({ ...EMPTY_L10N });
  const [kind, setKind] = useState<'branch' | 'leaf'>('leaf');
  const [routing, setRouting] = useState<RoutingDraft>({ departmentCode: '', priority: 'normal', slaCode: '', articles: '' });
  const [fields, setFields] = useState<FieldDraft[]>(() => [firstField()]);
  const [tried, setTried] = useState(false);
  const check = useFormCheck(fields);
  const save = useSave();

  const required = t('admin.required');
  const slugErrors = slug === '' ? [required] : SLUG_PATTERN.test(slug) ? [] : [t('admin.node.slugInvalid')];
  const routingErrors = {
    departmentCode: routing.departmentCode ? [] : [required],
    slaCode: routing.slaCode ? [] : [required],
  };
  const leafOk = kind === 'branch' || (routing.departmentCode !== '' && routing.slaCode !== '' && check.form !== null);
  const valid = slugErrors.length === 0 && isComplete(name) && isComplete(hint) && leafOk;
  const siblings = parentId ? (locate(tree, parentId)?.node.children ?? []) : tree;

  const submit = () => {
    setTried(true);
    if (!valid) return;
    const input: CreateNodeInput = { parentId: parentId || null, slug, name, hint, audience };
    if (kind === 'leaf' && check.form) {
      input.leaf = {
        departmentCode: routing.departmentCode,
        priority: routing.priority || 'normal',
        slaCode: routing.slaCode,
        articleSlugs: parseSlugs(routing.articles),
        form: check.form,
      };
    }
    void save.run(async () => {
      const created = await createNode({ ...input, position: siblings.length });
      onCreated(created);
      return t('admin.node.created');
    });
  };

  return (
    <>
      <section className="admin-split__main admin-details" aria-labelledby={`${id}-title`}>
        <header className="admin-details__head">
          <h2 id={`${id}-title`} className="admin-details__title">
            {t('admin.node.createTitle')}
          </h2>
          <p className="form-note">{t('admin.appliesNow')}</p>
        </header>
        <div className="admin-panel admin-stack">
          <div className="admin-field__grid">
            <Select<Audience>
              className="admin-small"
              label={t('admin.node.audience')}
              value={audience}
              onChange={(next) => {
                setParentId('');
                onAudienceChange(next);
              }}
              options={[
                ['customer', t('admin.audience.customer')],
                ['agent', t('admin.audience.agent')],
              ]}
            />
            <Select
              className="admin-small"
              label={t('admin.node.parent')}
              value={parentId}
              onChange={setParentId}
              options={[
                ['', t('admin.node.root')],
                ...branches(tree).map(
                  (b) => [b.id, `${'\u2003'.repeat(b.depth)}${l(b.name)}${b.active ? '' : ` — ${t('admin.inactive')}`}`] as const,
                ),
              ]}
            />
            <SmallField
              label={t('admin.node.slug')}
              hint={t('admin.node.slugHint')}
              value={slug}
              mono
              errors={tried ? slugErrors : []}
              onChange={(v) => setSlug(v.trim())}
            />
          </div>
          <L10nInputs
            legend={t('admin.node.name')}
            required
            maxLength={300}
            value={name}
            errors={tried ? l10nErrors(name, required) : {}}
            onChange={setName}
          />
          <L10nInputs
            legend={t('admin.node.hint')}
            required
            multiline
            maxLength={300}
            value={hint}
            errors={tried ? l10nErrors(hint, required) : {}}
            onChange={setHint}
          />
          <RadioGroup
            className="admin-kind"
            optionClassName="admin-kind__option"
            legend={t('admin.node.kind')}
            name={`${id}-kind`}
            value={kind}
            onChange={setKind}
            options={(['branch', 'leaf'] as const).map(
              (k) =>
                [
                  k,
                  <span key={k}>
                    <strong>{t(`admin.node.kind.${k}`)}</strong>
                    <span className="form-note"> {t(`admin.node.kindHint.${k}`)}</span>
                  </span>,
                ] as const,
            )}
          />
        </div>
        {kind === 'leaf' && (
          <>
            <div className="admin-panel">
              <RoutingFields
                value={routing}
                onChange={setRouting}
                reference={reference}
                emptyLabel={t('admin.routing.choose')}
                errors={tried ? routingErrors : {}}
              />
            </div>
          </>
        )}
      </section>
      <section className="admin-split__wide admin-details" aria-label={t('admin.form.title')}>
        {kind === 'leaf' && (
          <div className="admin-panel">
            <h3 className="admin-panel__title">{t('admin.form.title')}</h3>
            <FormBuilder
              fields={fields}
              check={check}
              onChange={setFields}
              initiallyOpen={fields.slice(0, 1).map((f) => f.uid)}
            />
            {tried && !check.form && <Errors errors={[t('admin.form.fixFirst')]} />}
          </div>
        )}
        <div className="admin-actions admin-actions--sticky">
          <button type="button" className="button button--primary" disabled={save.saving} onClick={submit}>
            {t('admin.node.create')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
          {tried && !valid && <span className="field__error">{t('admin.fixErrors')}</span>}
          <SaveStatus result={save.result} />
        </div>
      </section>
    </>
  );
}
