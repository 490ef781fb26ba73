/**
 * The request domain's commands: every channel (web form, mail, console, and later chat, phone,
 * social, appeals, API) opens requests and adds messages through these, and only these write the
 * tables `tickets`, `ticket_messages`, `attachments` and `ticket_access_tokens`.
 * See docs/ARCHITECTURE.md, "Request domain".
 */
export { openRequest, loadLeaf, cachedLeaf } from './open-request';
export type { OpenRequestInput, OpenResult, Opened, Requester, RequesterCustomer, FilingLimit } from './open-request';
export { appendMessage, insertMessage, type AppendMessageInput } from './append-message';
export {
  addSealedDocuments,
  ARCHIVE_AFTER_DAYS,
  confirmGuest,
  resolveByCustomer,
  setReplyChannel,
  sweepStale,
  UNCONFIRMED_TTL_DAYS,
  withSealedDocuments,
} from './customer';
export {
  askCustomer,
  assign,
  escalate,
  loadForWork,
  merge,
  note,
  reopen,
  reply,
  resolve,
  returnToFirstLine,
  setPriority,
  take,
  transfer,
  type StaffActionContext,
} from './staff';
export { recordIdentification, type IdentificationOutcome, type IdentityCheckResult } from './identification';
export { markSla, slaCheckJob } from './sla-marks';
export { transition as changeStatus, drawNumber, policyFor, type Author, type NewAttachment, type Ticket } from './shared';
