import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingMail, mailboxes, ticketMessages } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { startDovecot, type Dovecot } from '../../test/dovecot';
import { rawLetter, waitProcessed } from '../../test/mail';
import { departmentId } from '../../test/staff';
import { pollMailbox } from './imap';

const started = await startDovecot();
if (!started.server) {
  const line = '!'.repeat(100);
  console.error(
    `\n${line}\n!!! IMAP TESTS SKIPPED: ${started.reason}\n!!! Install Debian's dovecot-imapd (see .ci/run) to run them.\n${line}\n`,
  );
}

describe.skipIf(!started.server)('IMAP polling against a real Dovecot', () => {
  const dovecot = started.server as Dovecot;
  let t: TestApp;
  let mailboxId: string;
  const ids: string[] = [];

  async function append(count: number, subject = 'Кошелёк') {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    try {
      for (let i = 0; i < count; i++) {
        const messageId = `<imap-${randomUUID()}@customer.test>`;
        ids.push(messageId);
        const raw = rawLetter({
          from: `imap${ids.length}@customer.test`,
          to: 'support@paydesk.local',
          subject: `${subject} ${ids.length}`,
          text: `Письмо номер ${ids.length}: не проходит платёж из кошелька.`,
          messageId,
          encoding: 'quoted-printable',
        });
        await client.append('INBOX', raw);
      }
    } finally {
      await client.logout();
    }
  }

  const stored = async () => t.ctx.db.select().from(incomingMail).where(eq(incomingMail.mailboxId, mailboxId));
  const box = async () => (await t.ctx.db.select().from(mailboxes).where(eq(mailboxes.id, mailboxId)))[0]!;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, jobs: true });
    const [row] = await t.ctx.db
      .insert(mailboxes)
      .values({
        address: 'support@paydesk.local',
        departmentId: await departmentId(t.ctx.db, 'first_line'),
        imapHost: dovecot.host,
        imapPort: dovecot.port,
        imapSecure: false,
        imapUser: dovecot.user,
        imapPasswordSealed: t.ctx.cipher.encrypt(dovecot.password),
      })
      .returning();
    mailboxId = row!.id;
  });
  afterAll(async () => {
    await t?.dispose();
    dovecot?.close();
  });

  it('takes half a batch, "crashes", and after a restart takes the rest: nothing skipped, nothing twice', async () => {
    await append(6);
    const first = await pollMailbox(t.ctx, mailboxId, { max: 3 });
    expect(first).toMatchObject({ stored: 3, duplicates: 0, lastUid: 3 });
    expect((await box()).imapLastUid).toBe(3);
    // A restarted worker knows only what the database says.
    const second = await pollMailbox(t.ctx, mailboxId);
    expect(second).toMatchObject({ stored: 3, duplicates: 0, lastUid: 6 });
    expect(await pollMailbox(t.ctx, mailboxId)).toMatchObject({ stored: 0, duplicates: 0 });
    const rows = await stored();
    expect(rows.map((r) => r.messageId).sort()).toEqual([...ids].map((i) => i.toLowerCase()).sort());
    expect(rows.map((r) => r.imapUid).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // Every letter becomes one request with one message.
    for (const id of ids) {
      const row = await waitProcessed(t.ctx.db, id);
      expect(row.state).toBe('processed');
      const messages = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, row.ticketId!));
      expect(messages).toHaveLength(1);
      expect(messages[0]!.body).toMatch(/^Письмо номер \d: не проходит платёж из кошелька\.$/);
    }
  });

  it('a lost position or a changed UIDVALIDITY re-reads the folder without duplicates', async () => {
    await t.ctx.db.update(mailboxes).set({ imapLastUid: 0 }).where(eq(mailboxes.id, mailboxId));
    expect(await pollMailbox(t.ctx, mailboxId)).toMatchObject({ stored: 0, duplicates: 6, lastUid: 6 });

    const validity = (await box()).imapUidValidity!;
    await t.ctx.db
      .update(mailboxes)
      .set({ imapUidValidity: validity + 1 })
      .where(eq(mailboxes.id, mailboxId));
    await append(1, 'Новое');
    const resync = await pollMailbox(t.ctx, mailboxId);
    expect(resync).toMatchObject({ resynced: true, stored: 1, duplicates: 6, lastUid: 7 });
    expect((await box()).imapUidValidity).toBe(validity);
    expect(await stored()).toHaveLength(7);
  });

  it('records a failed login on the mailbox without the password', async () => {
    await t.ctx.db
      .update(mailboxes)
      .set({ imapPasswordSealed: t.ctx.cipher.encrypt('wrong-password') })
      .where(eq(mailboxes.id, mailboxId));
    await expect(pollMailbox(t.ctx, mailboxId)).rejects.toBeTruthy();
    const b = await box();
    expect(b.imapLastError).toBeTruthy();
    expect(b.imapLastError).not.toContain('wrong-password');
    expect(b.imapLastUid).toBe(7);
  });
});
