import { useState } from 'react';
import { isMessageKey } from '../../../i18n/catalogues';
import { useT } from '../../../i18n/I18nProvider';
import { Select } from '../../../ui/fields';
import { setMembers } from '../api';
import type { Department, StaffMember } from '../api';
import { SaveStatus } from '../shared/SaveStatus';
import { useSave } from '../shared/useSave';
import { addable, membersChanged, membersDraft, toMembersBody } from './membersState';
import type { MemberDraft } from './membersState';

type Props = { department: Department; staff: StaffMember[]; canEdit: boolean; onSaved: () => void };

const TIERS = [1, 2, 3] as const;
const tierOf = (n: number): (typeof TIERS)[number] => (n >= 3 ? 3 : n === 2 ? 2 : 1);

/** A department's people and their tiers (1 = first line … 3 = experts), saved together. */
export function MembersEditor({ department, staff, canEdit, onSaved }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<MemberDraft[]>(() => membersDraft(department.members));
  const [adding, setAdding] = useState('');
  const [addTier, setAddTier] = useState(1);
  const save = useSave();
  const people = new Map([...staff.map((s) => [s.id, s] as const)]);
  const known = new Map(department.members.map((m) => [m.staffId, m]));
  const candidates = addable(staff, draft);
  const changed = membersChanged(department.members, draft);
  const roleText = (role: string) => {
    const key = `roles.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };

  const update = (next: MemberDraft[]) => {
    setDraft(next);
    save.clear();
  };

  return (
    <div className="admin-members">
      <table className="admin-table">
        <caption className="visually-hidden">{t('admin.members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.members.person')}</th>
            <th scope="col">{t('admin.members.roles')}</th>
            <th scope="col">{t('admin.members.tier')}</th>
            {canEdit && <th scope="col" className="admin-table__tools" aria-label={t('admin.members.actions')} />}
          </tr>
        </thead>
        <tbody>
          {draft.length === 0 && (
            <tr>
              <td colSpan={canEdit ? 4 : 3} className="form-note">
                {t('admin.members.empty')}
              </td>
            </tr>
          )}
          {draft.map((m, i) => {
            const person = people.get(m.staffId);
            const name = person?.name ?? known.get(m.staffId)?.name ?? m.staffId;
            const roles = person?.roles ?? known.get(m.staffId)?.roles ?? [];
            return (
              <tr key={m.staffId}>
                <td>
                  <span className="admin-table__strong">{name}</span>
                  <span className="admin-table__sub">{person?.email ?? known.get(m.staffId)?.email}</span>
                </td>
                <td>{roles.map(roleText).join(', ')}</td>
                <td>
                  {canEdit ? (
                    <select
                      className="field__input field__select admin-input--compact"
                      aria-label={t('admin.members.tierOf', { name })}
                      value={m.tier}
                      onChange={(e) => update(draft.map((d, j) => (j === i ? { ...d, tier: Number(e.target.value) } : d)))}
                    >
                      {TIERS.map((tier) => (
                        <option key={tier} value={tier}>
                          {t(`admin.tier.${tier}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`admin.tier.${tierOf(m.tier)}`)
                  )}
                </td>
                {canEdit && (
                  <td className="admin-table__tools">
                    <button
                      type="button"
                      className="admin-icon-button admin-icon-button--danger"
                      aria-label={t('admin.members.remove', { name })}
                      onClick={() => update(draft.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {canEdit && (
        <div className="admin-members__add">
          <Select
            className="admin-small"
            label={t('admin.members.add')}
            value={adding}
            onChange={setAdding}
            options={[['', t('admin.members.pick')], ...candidates.map((s) => [s.id, `${s.name} — ${s.email}`] as const)]}
          />
          <Select
            className="admin-small"
            label={t('admin.members.tier')}
            value={String(addTier)}
            onChange={(tier) => setAddTier(Number(tier))}
            options={TIERS.map((tier) => [String(tier), t(`admin.tier.${tier}`)] as const)}
          />
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={!adding}
            onClick={() => {
              update([...draft, { staffId: adding, tier: addTier }]);
              setAdding('');
            }}
          >
            {t('admin.members.addButton')}
          </button>
        </div>
      )}
      {canEdit && (
        <div className="admin-actions">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={save.saving || !changed}
            onClick={() =>
              void save.run(async () => {
                await setMembers(department.id, toMembersBody(draft));
                onSaved();
                return t('admin.savedNow');
              })
            }
          >
            {t('admin.members.save')}
          </button>
          {changed && <span className="form-note">{t('admin.unsaved')}</span>}
          <SaveStatus result={save.result} />
        </div>
      )}
    </div>
  );
}
