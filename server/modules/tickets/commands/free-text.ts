/**
 * The request domain's one free-text step (issue 14, item 3): every text a person types into a
 * request — subject, description and other text fields, the first message, replies, notes, a
 * letter's subject and body — passes through here before it is stored. Identity-document and
 * card numbers (`common/pii`, the one detector) are replaced by their masks in the stored text;
 * the originals are sealed into the request's `sealed_fields` (masks beside them in `fields`),
 * where the existing reveal path shows them to a permitted person, with a reason, audited.
 */
import { eq } from 'drizzle-orm';
import { maskPii, maskText, type PiiKind, type Sealer } from '../../../../common/pii';
import type { FormDef, FormValues } from '../../../../common/forms/types';
import type { Tx } from '../../../db/connection';
import { tickets } from '../../../db/schema';

/** One number taken out of a text: its kind, its mask, and the original sealed. */
export type SealedDocument = { kind?: PiiKind; sealed: string; mask: string };

/**
 * Collects the numbers of several texts of one change (subject, fields and body of a filing),
 * sealing each distinct number once.
 */
export function freeTextSealer(cipher: Sealer) {
  const documents: SealedDocument[] = [];
  const seen = new Set<string>();
  const text = (value: string): string => {
    const { text: masked, found } = maskText(value);
    for (const f of found) {
      const id = `${f.kind}:${f.value.replace(/[^\p{L}\p{N}]/gu, '')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      documents.push({ kind: f.kind, sealed: cipher.encrypt(f.value), mask: maskPii(f.kind, f.value) });
    }
    return masked;
  };
  /**
   * The form's free-text values: fields typed `text`/`textarea` (and values the form does not
   * define); `skip`: keys the form sealed already (its personal fields). Typed fields (receipt,
   * terminal, wallet, phone, dates…) are checked by the form and are not typed prose.
   */
  const fields = (values: FormValues, form: FormDef | null, skip: Record<string, unknown> = {}): FormValues => {
    const typed = new Map((form?.fields ?? []).map((f) => [f.key, f.type]));
    const out: FormValues = { ...values };
    for (const [key, v] of Object.entries(values)) {
      const type = typed.get(key);
      if (typeof v !== 'string' || key in skip || (type !== undefined && type !== 'text' && type !== 'textarea')) continue;
      out[key] = text(v);
    }
    return out;
  };
  return { text, fields, documents };
}

/** The key base of a sealed number in `fields`/`sealed_fields`, by its kind. */
function baseKey(kind: PiiKind | undefined): string {
  return kind === 'card' ? 'card_number' : 'passport_data';
}

/**
 * The fields with the documents added: passports under `passport_data`, `passport_data_2`, …
 * (the form's own passport field first, when free), card numbers under `card_number`, … Keys
 * taken already (earlier letters and replies) are kept.
 */
export function withSealedDocuments(
  ticket: { fields: FormValues; sealedFields: Record<string, string> },
  documents: readonly SealedDocument[],
): { fields: FormValues; sealedFields: Record<string, string> } {
  const fields = { ...ticket.fields };
  const sealedFields = { ...ticket.sealedFields };
  for (const s of documents) {
    const base = baseKey(s.kind);
    let key = base;
    for (let n = 2; key in sealedFields; n++) key = `${base}_${n}`;
    sealedFields[key] = s.sealed;
    fields[key] = s.mask;
  }
  return { fields, sealedFields };
}

/**
 * Stores the documents on a request (locked by the caller): read again inside the transaction,
 * so two steps of one change never take the same key.
 */
export async function addSealedDocuments(tx: Tx, ticketId: string, documents: readonly SealedDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const [row] = await tx
    .select({ fields: tickets.fields, sealedFields: tickets.sealedFields })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row) return;
  const next = withSealedDocuments({ fields: row.fields, sealedFields: row.sealedFields }, documents);
  await tx.update(tickets).set(next).where(eq(tickets.id, ticketId));
}

/** Is this key one of the numbers taken out of free text (not a field of the form)? */
export function sealedDocumentKind(key: string): 'passport' | 'card' | null {
  if (/^passport_data(?:_mail)?(?:_\d+)?$/u.test(key)) return 'passport';
  if (/^card_number(?:_\d+)?$/u.test(key)) return 'card';
  return null;
}
