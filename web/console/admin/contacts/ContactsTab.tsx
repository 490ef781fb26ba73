import { useCallback, useState, type FormEvent } from 'react';
import { HOTLINE_AUDIENCES, SOCIAL_NETWORKS, type Branding, type Contacts } from '../../../../common/settings';
import { fetchAdminSettings, putSetting, resetSetting } from '../../../api/help';
import type { MessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/I18nProvider';
import { PageLoading } from '../../../ui/PageLoading';
import { useApiQuery } from '../../../api/query';
import { issuesOf, messagesPerLocale, messagesUnder } from '../shared/issues';
import { L10nInputs } from '../shared/L10nInputs';
import { LoadFailure } from '../shared/LoadFailure';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';

const EMPTY = { ru: '', uk: '', en: '' };
const HOTLINE_AUDIENCE_LABEL: Record<(typeof HOTLINE_AUDIENCES)[number], MessageKey> = {
  customers: 'contacts.audience.customers',
  terminals: 'contacts.audience.terminals',
  agents: 'contacts.audience.agents',
  city: 'contacts.audience.city',
};

function FieldError({ list, id }: { list: string[]; id?: string }) {
  if (list.length === 0) return null;
  return (
    <p className="field__error" id={id}>
      {list.join(' ')}
    </p>
  );
}

/**
 * A list of rows edited in place: each row drawn by `children` with its own `update`, a remove
 * button under it, an add button at the end. Hotlines, e-mail addresses and social networks.
 */
function RowsEditor<R>({
  legend,
  rows,
  onChange,
  newRow,
  addLabel,
  removeLabel,
  disabled,
  rowClassName = 'settings-row',
  children,
}: {
  legend: string;
  rows: R[];
  onChange(rows: R[]): void;
  newRow: () => R;
  addLabel: string;
  removeLabel: string;
  disabled: boolean;
  rowClassName?: string;
  children(row: R, update: (patch: Partial<R>) => void, index: number): React.ReactNode;
}) {
  return (
    <fieldset className="admin-stack" disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} className={rowClassName}>
          {children(row, (patch) => onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x))), i)}
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {removeLabel}
          </button>
        </div>
      ))}
      <button type="button" className="button button--ghost button--small" onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

type SettingKey = 'contacts' | 'branding';

/**
 * One settings form: a draft of the stored value (replaced when a fresh value comes from the server
 * after a save or a reset), saving it, and resetting it to the default after a confirmation.
 */
function useSettingForm<T>(key: SettingKey, initial: T, onSaved: () => void) {
  const t = useT();
  const [draft, setDraft] = useState<T>(initial);
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setDraft(initial);
  }
  const save = useSave();
  const issues = save.result?.kind === 'error' ? issuesOf(save.result.error) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      await putSetting(key, draft);
      onSaved();
      return t('admin.savedNow');
    });
  };
  const reset = () => {
    if (!window.confirm(t('settingsAdmin.resetConfirm'))) return;
    void save.run(async () => {
      await resetSetting(key);
      onSaved();
      return t('settingsAdmin.resetDone');
    });
  };
  return { draft, setDraft, save, issues, submit, reset, discard: () => setDraft(initial) };
}

/** Save, discard the draft, reset to the default; then how the last save went. */
function SettingActions({
  form,
  canEdit,
  customised,
}: {
  form: { save: ReturnType<typeof useSave>; discard(): void; reset(): void };
  canEdit: boolean;
  customised: boolean;
}) {
  const t = useT();
  return (
    <>
      {canEdit && (
        <div className="admin-actions">
          <button type="submit" className="button button--primary button--small" disabled={form.save.saving}>
            {t('settingsAdmin.save')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={form.discard}>
            {t('settingsAdmin.discard')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={form.reset}
            disabled={!customised || form.save.saving}
          >
            {t('settingsAdmin.reset')}
          </button>
        </div>
      )}
      <SaveStatus result={form.save.result} />
    </>
  );
}

function ContactsForm({
  initial,
  customised,
  canEdit,
  onSaved,
}: {
  initial: Contacts;
  customised: boolean;
  canEdit: boolean;
  onSaved(): void;
}) {
  const t = useT();
  const form = useSettingForm<Contacts>('contacts', initial, onSaved);
  const { draft, setDraft, issues } = form;
  const set = <K extends keyof Contacts>(key: K, value: Contacts[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <form className="admin-panel admin-stack" onSubmit={form.submit} noValidate aria-labelledby="contacts-form-title">
      <h2 id="contacts-form-title" className="admin-panel__title">
        {t('settingsAdmin.contactsTitle')} {customised ? '' : <span className="badge">{t('settingsAdmin.default')}</span>}
      </h2>
      <RowsEditor
        legend={t('settingsAdmin.hotlines')}
        rows={draft.hotlines}
        onChange={(rows) => set('hotlines', rows)}
        newRow={() => ({ audience: 'customers' as const, label: EMPTY, display: '', tel: '', hours: EMPTY, free: true })}
        addLabel={t('settingsAdmin.addHotline')}
        removeLabel={t('settingsAdmin.removeHotline')}
        disabled={!canEdit}
      >
        {(h, update, i) => {
          const base = ['hotlines', i];
          return (
            <>
              <div className="admin-field__grid">
                <div className="field admin-small">
                  <label className="field__label" htmlFor={`hl-aud-${i}`}>
                    {t('settingsAdmin.audience')}
                  </label>
                  <select
                    id={`hl-aud-${i}`}
                    className="field__input field__select"
                    value={h.audience}
                    onChange={(e) => update({ audience: e.target.value as typeof h.audience })}
                  >
                    {HOTLINE_AUDIENCES.map((a) => (
                      <option key={a} value={a}>
                        {t(HOTLINE_AUDIENCE_LABEL[a])}
                      </option>
                    ))}
                  </select>
                </div>
                <div
                  className={`field admin-small${messagesUnder(issues, [...base, 'display']).length ? ' field--invalid' : ''}`}
                >
                  <label className="field__label" htmlFor={`hl-display-${i}`}>
                    {t('settingsAdmin.display')}
                  </label>
                  <input
                    id={`hl-display-${i}`}
                    className="field__input"
                    value={h.display}
                    onChange={(e) => update({ display: e.target.value })}
                  />
                  <FieldError list={messagesUnder(issues, [...base, 'display'])} />
                </div>
                <div className={`field admin-small${messagesUnder(issues, [...base, 'tel']).length ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor={`hl-tel-${i}`}>
                    {t('settingsAdmin.tel')}
                  </label>
                  <input
                    id={`hl-tel-${i}`}
                    className="field__input"
                    value={h.tel}
                    inputMode="tel"
                    aria-invalid={messagesUnder(issues, [...base, 'tel']).length ? true : undefined}
                    onChange={(e) => update({ tel: e.target.value })}
                  />
                  <FieldError list={messagesUnder(issues, [...base, 'tel'])} />
                </div>
                <label className="settings-check">
                  <input type="checkbox" checked={h.free} onChange={(e) => update({ free: e.target.checked })} />{' '}
                  {t('settingsAdmin.free')}
                </label>
              </div>
              <L10nInputs
                legend={t('settingsAdmin.label')}
                value={h.label}
                onChange={(label) => update({ label })}
                errors={messagesPerLocale(issues, [...base, 'label'])}
              />
              <L10nInputs
                legend={t('settingsAdmin.hours')}
                value={h.hours}
                onChange={(hours) => update({ hours })}
                errors={messagesPerLocale(issues, [...base, 'hours'])}
              />
            </>
          );
        }}
      </RowsEditor>

      <RowsEditor
        legend={t('settingsAdmin.emails')}
        rows={draft.emails}
        onChange={(rows) => set('emails', rows)}
        newRow={() => ({ topic: EMPTY, address: '', audience: 'customer' as const })}
        addLabel={t('settingsAdmin.addEmail')}
        removeLabel={t('settingsAdmin.removeEmail')}
        disabled={!canEdit}
      >
        {(m, update, i) => {
          const base = ['emails', i];
          return (
            <>
              <div className="admin-field__grid">
                <div className={`field${messagesUnder(issues, [...base, 'address']).length ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor={`em-addr-${i}`}>
                    {t('settingsAdmin.address')}
                  </label>
                  <input
                    id={`em-addr-${i}`}
                    className="field__input"
                    type="email"
                    value={m.address}
                    aria-invalid={messagesUnder(issues, [...base, 'address']).length ? true : undefined}
                    onChange={(e) => update({ address: e.target.value })}
                  />
                  <FieldError list={messagesUnder(issues, [...base, 'address'])} />
                </div>
                <div className="field admin-small">
                  <label className="field__label" htmlFor={`em-aud-${i}`}>
                    {t('settingsAdmin.audience')}
                  </label>
                  <select
                    id={`em-aud-${i}`}
                    className="field__input field__select"
                    value={m.audience}
                    onChange={(e) => update({ audience: e.target.value as typeof m.audience })}
                  >
                    <option value="customer">{t('contacts.emailAudience.customer')}</option>
                    <option value="agent">{t('contacts.emailAudience.agent')}</option>
                    <option value="all">{t('contacts.emailAudience.all')}</option>
                  </select>
                </div>
              </div>
              <L10nInputs
                legend={t('settingsAdmin.topic')}
                value={m.topic}
                onChange={(topic) => update({ topic })}
                errors={messagesPerLocale(issues, [...base, 'topic'])}
              />
            </>
          );
        }}
      </RowsEditor>

      <fieldset className="admin-stack" disabled={!canEdit}>
        <legend className="field__label">{t('contacts.office')}</legend>
        <L10nInputs
          legend={t('settingsAdmin.officeAddress')}
          value={draft.office?.address ?? EMPTY}
          onChange={(address) => set('office', { address, hours: draft.office?.hours ?? EMPTY })}
          errors={messagesPerLocale(issues, ['office', 'address'])}
        />
        <L10nInputs
          legend={t('settingsAdmin.officeHours')}
          value={draft.office?.hours ?? EMPTY}
          onChange={(hours) => set('office', { hours, address: draft.office?.address ?? EMPTY })}
          errors={messagesPerLocale(issues, ['office', 'hours'])}
        />
      </fieldset>

      <RowsEditor
        legend={t('contacts.social')}
        rows={draft.social}
        onChange={(rows) => set('social', rows)}
        newRow={() => ({ network: 'telegram' as const, url: 'https://' })}
        addLabel={t('settingsAdmin.addSocial')}
        removeLabel={t('settingsAdmin.remove')}
        disabled={!canEdit}
        rowClassName="admin-field__grid settings-row"
      >
        {(s, update, i) => {
          const errs = messagesUnder(issues, ['social', i, 'url']);
          return (
            <>
              <div className="field admin-small">
                <label className="field__label" htmlFor={`so-net-${i}`}>
                  {t('settingsAdmin.network')}
                </label>
                <select
                  id={`so-net-${i}`}
                  className="field__input field__select"
                  value={s.network}
                  onChange={(e) => update({ network: e.target.value as typeof s.network })}
                >
                  {SOCIAL_NETWORKS.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <div className={`field${errs.length ? ' field--invalid' : ''}`}>
                <label className="field__label" htmlFor={`so-url-${i}`}>
                  {t('settingsAdmin.url')}
                </label>
                <input
                  id={`so-url-${i}`}
                  className="field__input"
                  value={s.url}
                  onChange={(e) => update({ url: e.target.value })}
                />
                <FieldError list={errs} />
              </div>
            </>
          );
        }}
      </RowsEditor>

      <SettingActions form={form} canEdit={canEdit} customised={customised} />
    </form>
  );
}

function BrandingForm({
  initial,
  customised,
  canEdit,
  onSaved,
}: {
  initial: Branding;
  customised: boolean;
  canEdit: boolean;
  onSaved(): void;
}) {
  const t = useT();
  const form = useSettingForm<Branding>('branding', initial, onSaved);
  const { draft, setDraft, issues } = form;
  const text = (key: 'productName' | 'legalName', label: string) => (
    <div className={`field${messagesUnder(issues, [key]).length ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={`br-${key}`}>
        {label}
      </label>
      <input
        id={`br-${key}`}
        className="field__input"
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
      <FieldError list={messagesUnder(issues, [key])} />
    </div>
  );
  return (
    <form className="admin-panel admin-stack" noValidate aria-labelledby="branding-form-title" onSubmit={form.submit}>
      <h2 id="branding-form-title" className="admin-panel__title">
        {t('settingsAdmin.brandingTitle')} {customised ? '' : <span className="badge">{t('settingsAdmin.default')}</span>}
      </h2>
      <fieldset className="admin-stack" disabled={!canEdit}>
        {text('productName', t('settingsAdmin.productName'))}
        {text('legalName', t('settingsAdmin.legalName'))}
        <div className={`field${messagesUnder(issues, ['logoUrl']).length ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="br-logo">
            {t('settingsAdmin.logoUrl')}
          </label>
          <input
            id="br-logo"
            className="field__input"
            value={draft.logoUrl ?? ''}
            placeholder={t('admin.contacts.logoPlaceholder')}
            onChange={(e) => setDraft({ ...draft, logoUrl: e.target.value.trim() ? e.target.value : null })}
          />
          <FieldError list={messagesUnder(issues, ['logoUrl'])} />
        </div>
        <L10nInputs
          legend={t('settingsAdmin.footer')}
          value={draft.footer}
          multiline
          onChange={(footer) => setDraft({ ...draft, footer })}
          errors={messagesPerLocale(issues, ['footer'])}
        />
      </fieldset>
      <SettingActions form={form} canEdit={canEdit} customised={customised} />
    </form>
  );
}

/** "Контакты и оформление": the contacts page and the branding, edited by admins (supervisors read). */
export function ContactsTab({ canEdit }: { canEdit: boolean }) {
  const load = useCallback((signal: AbortSignal) => fetchAdminSettings({ signal }), []);
  const { loaded, reload } = useApiQuery('console.admin.contacts.ContactsTab', 'settings', load);
  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const { contacts, branding, customised } = loaded.data;
  return (
    <div className="admin-stack">
      <ContactsForm initial={contacts} customised={customised.includes('contacts')} canEdit={canEdit} onSaved={reload} />
      <BrandingForm initial={branding} customised={customised.includes('branding')} canEdit={canEdit} onSaved={reload} />
    </div>
  );
}
