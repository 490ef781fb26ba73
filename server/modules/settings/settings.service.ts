import { eq, inArray } from 'drizzle-orm';
import { SETTING_KEYS, SETTING_SCHEMAS, type SettingKey, type SettingValue } from '../../../common/settings';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor } from '../../db/connection';
import { settings } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { emit, withTransaction } from '../../platform/outbox';
import { referenceChanged } from '../../platform/refcache';
import { SETTING_DEFAULTS } from './settings.defaults';

function parseOr<K extends SettingKey>(key: K, value: unknown): SettingValue<K> {
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  // A value written by an older version that no longer validates must not break the portal.
  return parsed.success ? (parsed.data as SettingValue<K>) : SETTING_DEFAULTS[key];
}

/**
 * The current value of a setting (the default when none is stored). Read from the database
 * each time: an admin's edit takes effect at once on every node.
 */
export async function getSetting<K extends SettingKey>(db: Executor, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row ? parseOr(key, row.value) : SETTING_DEFAULTS[key];
}

/** Several settings in one query. */
export async function getSettings<K extends SettingKey>(
  db: Executor,
  keys: readonly K[],
): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, keys as unknown as string[]));
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    out[key] = row ? parseOr(key, row.value) : SETTING_DEFAULTS[key];
  }
  return out;
}

/** Which keys have been changed from the defaults. */
export async function storedKeys(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ key: settings.key }).from(settings);
  return new Set(rows.map((r) => r.key));
}

/**
 * Replaces a setting (already validated by the route's schema), with an audit row and a
 * `settings.changed` event in the same transaction.
 */
export async function putSetting<K extends SettingKey>(
  ctx: AppContext,
  input: { key: K; value: SettingValue<K>; actorId: string; meta: RequestMeta },
): Promise<SettingValue<K>> {
  const value = SETTING_SCHEMAS[input.key].parse(input.value) as SettingValue<K>;
  await withTransaction(ctx, async (tx) => {
    await tx
      .insert(settings)
      .values({ key: input.key, value, updatedBy: input.actorId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: input.actorId, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor: { kind: 'staff', id: input.actorId },
      action: 'settings.update',
      entityType: 'settings',
      entityId: null,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      data: { key: input.key },
    });
    await emit(tx, { type: 'settings.changed', aggregateType: 'settings', aggregateId: input.key });
  });
  // Mail branding is cached with the reference data: every node drops it now.
  await referenceChanged(ctx);
  return value;
}

/** Back to the default: the stored value is removed. */
export async function resetSetting(ctx: AppContext, input: { key: SettingKey; actorId: string; meta: RequestMeta }) {
  await withTransaction(ctx, async (tx) => {
    await tx.delete(settings).where(eq(settings.key, input.key));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: input.actorId },
      action: 'settings.reset',
      entityType: 'settings',
      entityId: null,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      data: { key: input.key },
    });
    await emit(tx, { type: 'settings.changed', aggregateType: 'settings', aggregateId: input.key });
  });
  await referenceChanged(ctx);
  return SETTING_DEFAULTS[input.key];
}

export { SETTING_KEYS };
