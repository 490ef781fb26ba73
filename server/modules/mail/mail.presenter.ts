import type { MailRow } from './mail.repo';

/** A line of the outgoing-mail log. */
export function presentMailSummary(r: MailRow) {
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    status: r.status,
    template: r.template,
    locale: r.locale,
    to: r.to,
    subject: r.subject,
    ticketNumber: r.ticketNumber,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  };
}

/** One message as it was (or will be) sent: both parts and every header. */
export function presentMailDetail(m: MailRow, from: string, canResend: boolean) {
  return {
    ...presentMailSummary(m),
    from,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references ? m.references.split(' ') : [],
    headers: m.headers,
    text: m.text,
    html: m.html,
    canResend: canResend && m.status === 'failed',
  };
}
