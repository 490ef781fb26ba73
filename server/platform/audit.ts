import { maskText } from '../../common/pii';
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
  /**
   * Never personal data in clear: ids, codes, reasons. Every text in it goes through the one
   * detector (`common/pii`) as it is stored: a passport or card number typed into a reason (a
   * reveal's, a transfer's…) is kept as its mask only.
   */
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
    data: entry.data ? (masked(entry.data) as Record<string, unknown>) : {},
  });
}

/** The value with every string in it masked (numbers by the detector of `common/pii`). */
function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value).text;
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}
