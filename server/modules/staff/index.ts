// The staff module's public entry: who may see and do what in the console (its scope checks).
export {
  AUDIT_READERS,
  REVEAL_ROLES,
  canAssignOthers,
  canReadAudit,
  canReveal,
  canSee,
  canSeeAllQueue,
  canWork,
  isSupervisor,
  loadScope,
  seesSecurity,
  type StaffScope,
} from './staff.policy';
