import nodemailer from 'nodemailer';

export type OutgoingMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string | null;
  /** Earlier Message-IDs of the thread, oldest first. */
  references?: string[] | null;
  headers?: Record<string, string>;
};

/**
 * A failed hand-over. `permanent` for an SMTP 5xx answer (retrying cannot help: the message is
 * failed at once); a 4xx answer, a refused or dropped connection or a timeout is transient.
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

/** Classifies what nodemailer threw; the SMTP server's own words are kept as the message. */
export function toMailSendError(err: unknown): MailSendError {
  if (err instanceof MailSendError) return err;
  const e = (err ?? {}) as { responseCode?: unknown; response?: unknown; message?: unknown; code?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const text =
    typeof e.response === 'string' && e.response
      ? e.response
      : typeof e.message === 'string'
        ? `${typeof e.code === 'string' ? `${e.code}: ` : ''}${e.message}`
        : String(err);
  return new MailSendError(text.slice(0, 1000), code !== null && code >= 500 && code < 600, code);
}

/** Sends one message; null when no SMTP is configured (messages are then only stored). */
export type MailTransport = { send(message: OutgoingMessage): Promise<{ accepted: boolean; response: string }> } | null;

/** nodemailer over SMTP_URL (smtp:// or smtps://). */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return null;
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      const references = message.references?.length ? message.references : message.inReplyTo ? [message.inReplyTo] : [];
      let info: { accepted: unknown[]; rejected: unknown[]; response: string };
      try {
        info = await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
          ...(references.length ? { references } : {}),
          headers: message.headers ?? {},
        });
      } catch (err) {
        throw toMailSendError(err);
      }
      // One recipient: rejected means the server refused it (nodemailer reports that as a 5xx error above).
      if (info.accepted.length === 0) throw new MailSendError(`not accepted: ${info.response}`, true, null);
      return { accepted: true, response: info.response };
    },
  };
}
