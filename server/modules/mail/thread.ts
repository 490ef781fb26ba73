import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { incomingMail, outgoingMail } from '../../db/schema';

/** RFC 5322 allows trimming References; we keep the first message and the latest ones. */
export const REFERENCES_CAP = 10;

export type ThreadHeaders = { inReplyTo: string | null; references: string[] };

/**
 * In-Reply-To and References for the next mail of a request: every earlier Message-ID of the
 * request's mail, oldest first, capped at REFERENCES_CAP (the root and the most recent).
 * Runs in the caller's transaction, so mail queued earlier in it counts.
 * The customer's own letters that joined the request (incoming mail) are in the chain too, so
 * an answer to a letter is threaded under that letter in the customer's mail program.
 */
export async function threadHeaders(tx: Executor, ticketId: string | null | undefined): Promise<ThreadHeaders> {
  if (!ticketId) return { inReplyTo: null, references: [] };
  const sent = await tx
    .select({ messageId: outgoingMail.messageId, at: outgoingMail.createdAt })
    .from(outgoingMail)
    .where(eq(outgoingMail.ticketId, ticketId))
    .orderBy(asc(outgoingMail.createdAt), asc(outgoingMail.id));
  const received = await tx
    .select({ messageId: incomingMail.messageId, at: incomingMail.receivedAt })
    .from(incomingMail)
    .where(and(eq(incomingMail.ticketId, ticketId), eq(incomingMail.state, 'processed')))
    .orderBy(asc(incomingMail.receivedAt), asc(incomingMail.id));
  const all = [...sent, ...received].sort((a, b) => a.at.getTime() - b.at.getTime());
  return chain(all.map((r) => r.messageId));
}

/** The chain from Message-IDs oldest first: the last one is replied to. */
export function chain(ids: string[]): ThreadHeaders {
  const unique = [...new Set(ids)];
  const references = unique.length > REFERENCES_CAP ? [unique[0]!, ...unique.slice(-(REFERENCES_CAP - 1))] : unique;
  return { inReplyTo: references.at(-1) ?? null, references };
}
