import type { Executor } from '../db/connection';
import { auditLog } from '../db/schema';

export type Actor =
  { kind: 'staff'; id: string } | { kind: 'customer'; id: string } | { kind: 'guest'; id?: null } | { kind: 'system'; id?: null };

export type AuditEntry = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  /** Never personal data in clear: ids, codes, reasons. */
  data?: Record<string, unknown>;
};

/** Appends one audit row, inside the caller's transaction. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    data: entry.data ?? {},
  });
}
