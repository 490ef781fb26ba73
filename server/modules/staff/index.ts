// The staff module's public entry: who may see and do what in the console (its scope checks).
export {
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
