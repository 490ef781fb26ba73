import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { Alert } from '../../../ui/Alert';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox } from '../../../ui/fields';
import { updateStaff } from '../api';
import type { StaffMember, StaffRole } from '../api';
import { refusalText } from './refusal';
import { ROLES, ownAccountLocks, rolesChanged, sortRoles, toggleRole } from './staffState';

type Props = { person: StaffMember | null; meId: string; onClose: () => void; onSaved: (message: string) => void };

/** "Роли": the roles the server knows as checkboxes (at least one), saved at once. */
export function RolesDialog({ person, meId, onClose, onSaved }: Props) {
  const t = useT();
  return (
    <Dialog open={person !== null} title={person ? t('staffAdmin.rolesTitle', { name: person.name }) : ''} onClose={onClose}>
      {person && <RolesForm person={person} meId={meId} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function RolesForm({ person, meId, onClose, onSaved }: Props & { person: StaffMember }) {
  const t = useT();
  const [draft, setDraft] = useState<StaffRole[]>(() => sortRoles(person.roles));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const locks = ownAccountLocks(meId, person);
  const empty = draft.length === 0;
  const changed = rolesChanged(person.roles, draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || empty || !changed) return;
    setBusy(true);
    setFailure(null);
    try {
      await updateStaff(person.id, { roles: draft });
      onSaved(t('staffAdmin.rolesSaved', { name: person.name }));
    } catch (error) {
      setFailure(refusalText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="dialog-form__hint">{person.email}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      <fieldset
        className={`staff-roles${empty ? ' field--invalid' : ''}`}
        aria-describedby={empty ? 'staff-roles-error' : undefined}
      >
        <legend className="field__label">{t('staffAdmin.rolesLegend')}</legend>
        {ROLES.map((role) => {
          const locked = role === 'admin' && locks.adminRole && draft.includes('admin');
          return (
            <Checkbox
              key={role}
              look="compact"
              label={t(`roles.${role}`)}
              hint={locked ? t('staffAdmin.rolesOwnAdmin') : t(`staffAdmin.roleHint.${role}`)}
              checked={draft.includes(role)}
              disabled={locked}
              onChange={(on) => setDraft(toggleRole(draft, role, on))}
            />
          );
        })}
        {empty && (
          <p className="field__error" id="staff-roles-error">
            {t('staffAdmin.rolesAtLeastOne')}
          </p>
        )}
      </fieldset>
      <p className="dialog-form__hint">{t('staffAdmin.rolesNote')}</p>
      <div className="dialog-form__buttons">
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          {t('admin.cancel')}
        </button>
        <button type="submit" className="button button--primary button--small" disabled={busy || empty || !changed}>
          {t('staffAdmin.rolesSave')}
        </button>
      </div>
    </form>
  );
}
