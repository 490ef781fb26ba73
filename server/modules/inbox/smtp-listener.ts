import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../context';
import { hitRateLimit } from '../../platform/ratelimit';
import { activeMailbox, storeIncoming } from './inbound.service';

export type SmtpListener = { port: number; close(): Promise<void> };

export type SmtpListenerOptions = {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  maxBytes: number;
  perSenderHour: number;
};

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The built-in SMTP listener (mail role): accepts letters for active mailboxes only (550 for any
 * other recipient), refuses letters over the size limit (552) and senders over their hourly limit
 * (451, try later), and answers 250 only after the raw letter is committed to `incoming_mail`:
 * a crash after that loses nothing; a crash before it leaves the sending server to retry.
 */
export async function startSmtpListener(ctx: AppContext, options: SmtpListenerOptions): Promise<SmtpListener> {
  const recipients = new Map<string, Set<string>>();
  const server = new SMTPServer({
    name: new URL(ctx.config.publicUrl).hostname || 'paydesk.local',
    banner: 'paydesk',
    authOptional: true,
    disabledCommands: ['AUTH'],
    // Meant to sit behind the organisation's MX (or on 127.0.0.1): no TLS of its own.
    hideSTARTTLS: true,
    disableReverseLookup: true,
    size: options.maxBytes,
    logger: false,
    onMailFrom(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const sender = address.address.toLowerCase() || '<>';
      hitRateLimit(ctx.db, { name: 'mail.in.sender', limit: options.perSenderHour, windowSeconds: 3600 }, sender).then(
        ({ allowed }) => callback(allowed ? null : smtpError(451, '4.7.1 Too many letters from this sender, try again later')),
        () => callback(smtpError(451, '4.3.0 Temporary failure, try again later')),
      );
    },
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      activeMailbox(ctx.db, address.address).then(
        (box) => {
          if (!box) return callback(smtpError(550, '5.1.1 No such mailbox here'));
          const set = recipients.get(session.id) ?? new Set<string>();
          set.add(box.id);
          recipients.set(session.id, set);
          callback();
        },
        () => callback(smtpError(451, '4.3.0 Temporary failure, try again later')),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const boxes = [...(recipients.get(session.id) ?? [])];
        recipients.delete(session.id);
        if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message too big'));
        const raw = Buffer.concat(chunks);
        (async () => {
          for (const mailboxId of boxes) await storeIncoming(ctx, { mailboxId, raw, source: 'smtp' });
        })().then(
          () => callback(null, 'Message stored'),
          (err: unknown) => {
            ctx.logger.error({ err: err instanceof Error ? err.message : 'error' }, 'incoming letter could not be stored');
            callback(smtpError(451, '4.3.0 Could not store the message, try again later'));
          },
        );
      });
    },
    onClose(session) {
      recipients.delete(session.id);
    },
  });
  server.on('error', (err) => ctx.logger.error({ err: err.message }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  ctx.logger.info({ host: options.host, port }, 'smtp listener started');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
