import { eq } from 'drizzle-orm';
import type { Locale } from '../../../../common/errors';
import type { AppContext } from '../../../context';
import type { Tx } from '../../../db/connection';
import { customers } from '../../../db/schema';
import { queueTemplateMail } from '../../mail';
import type { MailTemplate } from '../../mail';
import type { Ticket } from './shared';

export type CustomerNotice = {
  kind: 'answer' | 'question' | 'resolved' | 'reopened';
  /** Dedupe key of the mail (the message id for texts). */
  key: string;
  /** The operator's text, when there is one. */
  body?: string | null;
  expectedBy?: Date | null;
};

const FULL_TEMPLATE: Record<CustomerNotice['kind'], MailTemplate> = {
  answer: 'ticket.new_answer',
  question: 'ticket.question',
  resolved: 'ticket.resolved',
  reopened: 'ticket.reopened',
};

/**
 * Tells the customer by mail, honouring the request's reply channel (docs/MAIL.md):
 * `email` → the whole text (answer, question, final answer) or the status change;
 * `portal` → only a short "new answer in your personal section" notice for a text, unless the
 * customer turned those notices off (guests cannot: their mail is their only way back).
 * Internal notes never come here.
 */
export async function notifyCustomer(ctx: AppContext, tx: Tx, t: Ticket, notice: CustomerNotice) {
  let to = t.guestEmail;
  let notices = true;
  if (!to && t.customerId) {
    const [c] = await tx
      .select({ email: customers.email, answerNotices: customers.answerNotices })
      .from(customers)
      .where(eq(customers.id, t.customerId))
      .limit(1);
    to = c?.email ?? null;
    notices = c?.answerNotices ?? true;
  }
  if (!to) return; // a customer known by phone only: the personal section is the channel
  let template: MailTemplate;
  if (t.replyChannel === 'email') template = FULL_TEMPLATE[notice.kind];
  else if (notice.body && (notices || !t.customerId)) template = 'ticket.answer_notice';
  else return;
  await queueTemplateMail(tx, ctx.config, {
    template,
    locale: t.locale as Locale,
    to,
    ticketId: t.id,
    dedupeKey: template === 'ticket.answer_notice' ? `${notice.key}:notice` : notice.key,
    vars: {
      number: t.number,
      url: `${ctx.config.publicUrl}/requests/${t.number}`,
      body: template === 'ticket.answer_notice' ? null : (notice.body ?? null),
      expectedBy: notice.expectedBy ?? null,
    },
  });
}
