import { useCallback, useState, type FormEvent } from 'react';
import { EMAIL_AUDIENCES, HOTLINE_AUDIENCES, SOCIAL_NETWORKS, type Branding, type Contacts } from '../../../../common/settings';
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
import { RowsEditor } from '../shared/RowsEditor';
import { Checkbox, Select, TextField } from '../../../ui/fields';

const EMPTY = { ru: '', uk: '', en: '' };
const HOTLINE_AUDIENCE_LABEL: Record<(typeof HOTLINE_AUDIENCES)[number], MessageKey> = {
  customers: 'contacts.audience.customers',
  terminals: 'contacts.audience.terminals',
  agents: 'contacts.audience.agents',
  city: 'contacts.audience.city',
};

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
                <Select
                  className="admin-small"
                  label={t('settingsAdmin.audience')}
                  value={h.audience}
                  onChange={(audience) => update({ audience })}
                  options={HOTLINE_AUDIENCES.map((a) => [a, t(HOTLINE_AUDIENCE_LABEL[a])] as const)}
                />
                <TextField
                  className="admin-small"
                  label={t('settingsAdmin.display')}
                  value={h.display}
                  error={messagesUnder(issues, [...base, 'display'])}
                  onChange={(e) => update({ display: e.target.value })}
                />
                <TextField
                  className="admin-small"
                  label={t('settingsAdmin.tel')}
                  value={h.tel}
                  inputMode="tel"
                  error={messagesUnder(issues, [...base, 'tel'])}
                  onChange={(e) => update({ tel: e.target.value })}
                />
                <Checkbox label={t('settingsAdmin.free')} checked={h.free} onChange={(free) => update({ free })} />
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
                <TextField
                  label={t('settingsAdmin.address')}
                  type="email"
                  value={m.address}
                  error={messagesUnder(issues, [...base, 'address'])}
                  onChange={(e) => update({ address: e.target.value })}
                />
                <Select
                  className="admin-small"
                  label={t('settingsAdmin.audience')}
                  value={m.audience}
                  onChange={(audience) => update({ audience })}
                  options={EMAIL_AUDIENCES.map((a) => [a, t(`contacts.emailAudience.${a}`)] as const)}
                />
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
              <Select
                className="admin-small"
                label={t('settingsAdmin.network')}
                value={s.network}
                onChange={(network) => update({ network })}
                options={SOCIAL_NETWORKS.map((n) => [n, n] as const)}
              />
              <TextField
                label={t('settingsAdmin.url')}
                value={s.url}
                error={errs}
                onChange={(e) => update({ url: e.target.value })}
              />
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
    <TextField
      label={label}
      value={draft[key]}
      error={messagesUnder(issues, [key])}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );
  return (
    <form className="admin-panel admin-stack" noValidate aria-labelledby="branding-form-title" onSubmit={form.submit}>
      <h2 id="branding-form-title" className="admin-panel__title">
        {t('settingsAdmin.brandingTitle')} {customised ? '' : <span className="badge">{t('settingsAdmin.default')}</span>}
      </h2>
      <fieldset className="admin-stack" disabled={!canEdit}>
        {text('productName', t('settingsAdmin.productName'))}
        {text('legalName', t('settingsAdmin.legalName'))}
        <TextField
          label={t('settingsAdmin.logoUrl')}
          value={draft.logoUrl ?? ''}
          placeholder={t('admin.contacts.logoPlaceholder')}
          error={messagesUnder(issues, ['logoUrl'])}
          onChange={(e) => setDraft({ ...draft, logoUrl: e.target.value.trim() ? e.target.value : null })}
        />
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
