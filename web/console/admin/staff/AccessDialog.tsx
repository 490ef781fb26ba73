import { useState } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { Alert } from '../../../ui/Alert';
import { Dialog } from '../../../ui/Dialog';
import { updateStaff } from '../api';
import type { StaffMember } from '../api';
import { refusalText } from './refusal';

type Props = { person: StaffMember | null; onClose: () => void; onSaved: (message: string) => void };

/**
 * Deactivating (or reactivating) a person, confirmed first with what happens: on deactivation the
 * server ends their sessions and closes their sockets on every node.
 */
export function AccessDialog({ person, onClose, onSaved }: Props) {
  const t = useT();
  const deactivating = person?.active ?? true;
  const title = person
    ? t(deactivating ? 'staffAdmin.deactivateTitle' : 'staffAdmin.reactivateTitle', { name: person.name })
    : '';
  return (
    <Dialog open={person !== null} title={title} onClose={onClose}>
      {person && <AccessConfirm person={person} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function AccessConfirm({ person, onClose, onSaved }: Props & { person: StaffMember }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const deactivating = person.active;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await updateStaff(person.id, { active: !deactivating });
      onSaved(t(deactivating ? 'staffAdmin.deactivated' : 'staffAdmin.reactivated', { name: person.name }));
    } catch (error) {
      setFailure(refusalText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-form">
      <p>{t(deactivating ? 'staffAdmin.deactivateText' : 'staffAdmin.reactivateText')}</p>
      <p className="dialog-form__hint">{person.email}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="dialog-form__buttons">
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          {t('admin.cancel')}
        </button>
        <button
          type="button"
          className={`button button--small ${deactivating ? 'staff-button--danger' : 'button--primary'}`}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {t(deactivating ? 'staffAdmin.deactivateConfirm' : 'staffAdmin.reactivateConfirm')}
        </button>
      </div>
    </div>
  );
}
