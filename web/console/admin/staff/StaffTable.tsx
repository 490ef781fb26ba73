import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import type { StaffMember } from '../api';
import type { Membership } from './staffState';
import { ownAccountLocks, sortRoles } from './staffState';

type Props = {
  people: readonly StaffMember[];
  memberships: ReadonlyMap<string, Membership[]>;
  meId: string;
  canEdit: boolean;
  onRoles: (person: StaffMember) => void;
  onAccess: (person: StaffMember) => void;
};

/**
 * The staff list: name and e-mail, roles in words, departments with tiers, access. Deactivated
 * people are greyed and badged. On a phone each row becomes a card (admin-staff.css).
 */
export function StaffTable({ people, memberships, meId, canEdit, onRoles, onAccess }: Props) {
  const t = useT();
  const l = useLocalize();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table staff-table">
        <caption className="visually-hidden">{t('staffAdmin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staffAdmin.col.person')}</th>
            <th scope="col">{t('staffAdmin.col.roles')}</th>
            <th scope="col">{t('staffAdmin.col.departments')}</th>
            <th scope="col">{t('staffAdmin.col.status')}</th>
            {canEdit && <th scope="col" className="admin-table__tools" aria-label={t('staffAdmin.col.actions')} />}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const locks = ownAccountLocks(meId, person);
            const deps = memberships.get(person.id) ?? [];
            return (
              <tr
                key={person.id}
                className={person.active ? undefined : 'admin-table__row--inactive'}
                data-testid={`staff-${person.email}`}
              >
                <td>
                  <span className="admin-table__strong">
                    {person.name}
                    {person.id === meId && <span className="staff-table__you"> ({t('staffAdmin.you')})</span>}
                  </span>
                  <span className="admin-table__sub">{person.email}</span>
                </td>
                <td data-label={t('staffAdmin.col.roles')}>
                  <ul className="staff-table__list">
                    {sortRoles(person.roles).map((role) => (
                      <li key={role}>{t(`roles.${role}`)}</li>
                    ))}
                  </ul>
                </td>
                <td data-label={t('staffAdmin.col.departments')}>
                  {deps.length === 0 ? (
                    <span className="admin-table__sub">{t('staffAdmin.noDepartments')}</span>
                  ) : (
                    <ul className="staff-table__list">
                      {deps.map((d) => (
                        <li key={d.departmentId}>
                          {t('staffAdmin.departmentTier', { name: l(d.name), tier: d.tier })}
                          {!d.active && <span className="admin-table__sub">{t('staffAdmin.departmentOff')}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label={t('staffAdmin.col.status')}>
                  <span className={`badge ${person.active ? 'admin-badge--ok' : 'admin-badge--danger'}`}>
                    {person.active ? t('staffAdmin.active') : t('staffAdmin.inactive')}
                  </span>
                </td>
                {canEdit && (
                  <td className="admin-table__tools staff-table__tools">
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('staffAdmin.editRolesOf', { name: person.name })}
                      onClick={() => onRoles(person)}
                    >
                      {t('staffAdmin.editRoles')}
                    </button>
                    {locks.deactivate ? (
                      <span className="staff-table__note">{t('staffAdmin.ownRow')}</span>
                    ) : (
                      <button
                        type="button"
                        className={`button button--small ${person.active ? 'button--ghost admin-button--danger' : 'button--ghost'}`}
                        aria-label={t(person.active ? 'staffAdmin.deactivateOf' : 'staffAdmin.reactivateOf', {
                          name: person.name,
                        })}
                        onClick={() => onAccess(person)}
                      >
                        {t(person.active ? 'staffAdmin.deactivate' : 'staffAdmin.reactivate')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
