import type { Member, StaffMember } from '../api';

export type MemberDraft = { staffId: string; tier: number };

/** The body of `PUT /departments/{id}/members`, in the order shown. */
export function toMembersBody(members: readonly MemberDraft[]): MemberDraft[] {
  return members.map((m) => ({ staffId: m.staffId, tier: Math.min(3, Math.max(1, Math.round(m.tier))) }));
}

/** The draft of a department's current members. */
export function membersDraft(members: readonly Member[]): MemberDraft[] {
  return members.map((m) => ({ staffId: m.staffId, tier: m.tier }));
}

/** Active staff not yet in the draft, by name: whom "add a person" offers. */
export function addable(staff: readonly StaffMember[], draft: readonly MemberDraft[]): StaffMember[] {
  const taken = new Set(draft.map((m) => m.staffId));
  return staff.filter((s) => s.active && !taken.has(s.id)).sort((a, b) => a.name.localeCompare(b.name));
}

/** True when the draft differs from the saved members (order ignored). */
export function membersChanged(saved: readonly Member[], draft: readonly MemberDraft[]): boolean {
  if (saved.length !== draft.length) return true;
  const byId = new Map(saved.map((m) => [m.staffId, m.tier]));
  return draft.some((m) => byId.get(m.staffId) !== m.tier);
}
