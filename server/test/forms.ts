import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { categories } from '../db/schema';

type Field = { key: string; type: string; required?: boolean; options?: Array<{ value: string }> };

// Text fields with a format (a pattern) get a value of that format.
const BY_KEY: Record<string, string> = { recipient_account: '+79001112233', card_last4: '1234' };

/** A plausible value for each required field of a form (overrides win), for filing in tests. */
export function fillRequired(fields: Field[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields.filter((x) => x.required)) {
    values[f.key] =
      BY_KEY[f.key] ??
      (f.type === 'datetime'
        ? '2026-11-20T10:15'
        : f.type === 'date'
          ? '2026-11-20'
          : f.type === 'money'
            ? { amount: '1500', currency: 'RUB' }
            : f.type === 'phone' || f.type === 'wallet'
              ? '+79001112233'
              : f.type === 'receipt_number'
                ? '000123456'
                : f.type === 'terminal_id'
                  ? '123456'
                  : f.type === 'select'
                    ? f.options?.[0]?.value
                    : f.type === 'checkbox'
                      ? true
                      : 'Подробное описание проблемы для проверки.');
  }
  return { ...values, ...overrides };
}

/** The id and current form of a leaf, by slug, through the public API. */
export async function leafForm(db: Database, app: FastifyInstance, slug: string): Promise<{ id: string; fields: Field[] }> {
  const [leaf] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (!leaf) throw new Error(`no leaf ${slug}`);
  const form = (await app.inject(`/api/v1/catalog/${leaf.id}/form`)).json().form as { fields: Field[] };
  return { id: leaf.id, fields: form.fields };
}
