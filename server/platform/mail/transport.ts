import nodemailer from 'nodemailer';

export type OutgoingMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string | null;
  headers?: Record<string, string>;
};

/** Sends one message; null when no SMTP is configured (messages are then only stored). */
export type MailTransport = { send(message: OutgoingMessage): Promise<{ accepted: boolean; response: string }> } | null;

/** nodemailer over SMTP_URL (smtp:// or smtps://). */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return null;
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: message.inReplyTo } : {}),
        headers: message.headers ?? {},
      });
      return { accepted: info.accepted.length > 0, response: info.response };
    },
  };
}
