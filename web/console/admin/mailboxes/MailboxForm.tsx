import { useState } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { Select } from '../../../ui/fields';
import { Check, SmallField } from '../forms/inputs';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { createMailbox, updateMailbox, type Mailbox, type MailboxInput } from './api';

export type Option = { id: string; label: string };

type Props = {
  mailbox: Mailbox | null;
  departments: Option[];
  categories: Option[];
  onSaved: () => void;
  onCancel: (() => void) | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A choice of one option or none (`empty`). */
function OptionalChoice({
  label,
  value,
  options,
  empty,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  empty: string;
  onChange: (v: string) => void;
}) {
  return (
    <Select
      className="admin-small"
      label={label}
      value={value}
      onChange={onChange}
      options={[['', empty], ...options.map((o) => [o.id, o.label] as const)]}
    />
  );
}

/** Adds or edits one mailbox: address, where its letters go, and optional IMAP polling. */
export function MailboxForm({ mailbox, departments, categories, onSaved, onCancel }: Props) {
  const t = useT();
  const [address, setAddress] = useState(mailbox?.address ?? '');
  const [name, setName] = useState(mailbox?.name ?? '');
  const [departmentId, setDepartmentId] = useState(mailbox?.departmentId ?? '');
  const [categoryId, setCategoryId] = useState(mailbox?.categoryId ?? '');
  const [active, setActive] = useState(mailbox?.active ?? true);
  const [useImap, setUseImap] = useState(Boolean(mailbox?.imap));
  const [host, setHost] = useState(mailbox?.imap?.host ?? '');
  const [port, setPort] = useState(String(mailbox?.imap?.port ?? 993));
  const [secure, setSecure] = useState(mailbox?.imap?.secure ?? true);
  const [user, setUser] = useState(mailbox?.imap?.user ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.imap?.folder ?? 'INBOX');
  const [tried, setTried] = useState(false);
  const save = useSave();

  const errors = {
    address: address === '' ? [t('admin.required')] : EMAIL.test(address) ? [] : [t('mailIn.addressInvalid')],
    route: departmentId || categoryId ? [] : [t('mailIn.routeRequired')],
    host: useImap && !host.trim() ? [t('admin.required')] : [],
    port: useImap && !(Number(port) >= 1 && Number(port) <= 65535) ? [t('mailIn.portInvalid')] : [],
    user: useImap && !user.trim() ? [t('admin.required')] : [],
    password: useImap && !password && !mailbox?.imap?.passwordSet ? [t('admin.required')] : [],
  };
  const invalid = Object.values(errors).some((e) => e.length > 0);

  return (
    <form
      className={`admin-card${mailbox ? '' : ' admin-card--new'}`}
      data-testid={mailbox ? `mailbox-form-${mailbox.address}` : 'mailbox-new'}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (invalid) return;
        const input: MailboxInput = {
          address: address.trim(),
          name: name.trim(),
          departmentId: departmentId || null,
          categoryId: categoryId || null,
          active,
          imap: useImap
            ? {
                host: host.trim(),
                port: Number(port),
                secure,
                user: user.trim(),
                folder: folder.trim() || 'INBOX',
                ...(password ? { password } : {}),
              }
            : null,
        };
        void save.run(async () => {
          if (mailbox) await updateMailbox(mailbox.id, input);
          else await createMailbox(input);
          onSaved();
          return t('admin.savedNow');
        });
      }}
    >
      <h3 className="admin-card__title">{mailbox ? mailbox.address : t('mailIn.add')}</h3>
      <SmallField label={t('mailIn.address')} value={address} mono errors={tried ? errors.address : []} onChange={setAddress} />
      <SmallField label={t('mailIn.name')} value={name} onChange={setName} />
      <OptionalChoice
        label={t('mailIn.department')}
        value={departmentId}
        options={departments}
        empty="—"
        onChange={setDepartmentId}
      />
      <OptionalChoice
        label={t('mailIn.category')}
        value={categoryId}
        options={categories}
        empty={t('mailIn.byContent')}
        onChange={setCategoryId}
      />
      {tried && errors.route.length > 0 && <p className="form-error">{errors.route[0]}</p>}
      <p className="form-note">{t('mailIn.routeHint')}</p>
      <Check label={t('mailIn.activeLabel')} checked={active} onChange={setActive} />
      <Check label={t('mailIn.useImap')} checked={useImap} onChange={setUseImap} />
      {useImap && (
        <fieldset className="admin-fieldset">
          <legend>{t('mailIn.imap')}</legend>
          <SmallField label={t('mailIn.host')} value={host} mono errors={tried ? errors.host : []} onChange={setHost} />
          <SmallField
            label={t('mailIn.port')}
            value={port}
            inputMode="numeric"
            errors={tried ? errors.port : []}
            onChange={setPort}
          />
          <Check label={t('mailIn.secure')} checked={secure} onChange={setSecure} />
          <SmallField label={t('mailIn.user')} value={user} mono errors={tried ? errors.user : []} onChange={setUser} />
          <SmallField
            label={t('mailIn.password')}
            type="password"
            value={password}
            {...(mailbox?.imap?.passwordSet ? { hint: t('mailIn.passwordKept') } : {})}
            errors={tried ? errors.password : []}
            onChange={setPassword}
          />
          <SmallField label={t('mailIn.folder')} value={folder} mono onChange={setFolder} />
        </fieldset>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button--primary button--small" disabled={save.saving}>
          {mailbox ? t('mailIn.save') : t('mailIn.create')}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            {t('mailIn.cancel')}
          </button>
        )}
        <SaveStatus result={save.result} />
      </div>
    </form>
  );
}
