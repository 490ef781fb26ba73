import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { AppContext } from '../../context';
import { mailboxes } from '../../db/schema';
import { insertIncoming } from './inbound.service';
import { createRawSeal } from './letter';

export type PollResult = { stored: number; duplicates: number; resynced: boolean; lastUid: number };

/** Letters per poll; the rest come on the next one. */
const DEFAULT_BATCH = 100;

/**
 * Polls one mailbox's IMAP folder: fetches letters with UIDs above the stored last UID, in UID
 * order, and stores each (raw, encrypted) together with the new last UID in one transaction, so a
 * restart at any point neither skips nor repeats a letter. A changed UIDVALIDITY (the server
 * renumbered the folder) restarts from UID 1; what was already stored is recognised by Message-ID.
 * Letters are left on the server untouched.
 */
export async function pollMailbox(
  ctx: AppContext,
  mailboxId: string,
  options: { max?: number } = {},
): Promise<PollResult | null> {
  const [box] = await ctx.db.select().from(mailboxes).where(eq(mailboxes.id, mailboxId)).limit(1);
  if (!box || !box.active || !box.imapHost || !box.imapUser) return null;
  const client = new ImapFlow({
    host: box.imapHost,
    port: box.imapPort ?? (box.imapSecure ? 993 : 143),
    secure: box.imapSecure,
    auth: { user: box.imapUser, pass: box.imapPasswordSealed ? ctx.cipher.decrypt(box.imapPasswordSealed) : '' },
    logger: false,
    connectionTimeout: 20_000,
    socketTimeout: 120_000,
  });
  // A dropped connection emits 'error'; without a listener it would crash the process.
  client.on('error', () => undefined);
  const seal = createRawSeal(ctx.config.SECRET_KEY, ctx.config.SECRET_KEY_PREVIOUS);
  try {
    await client.connect();
    const lock = await client.getMailboxLock(box.imapFolder);
    try {
      const opened = client.mailbox;
      const uidValidity = opened ? Number(opened.uidValidity) : 0;
      let lastUid = box.imapLastUid;
      const resynced = box.imapUidValidity !== null && box.imapUidValidity !== uidValidity;
      if (box.imapUidValidity !== uidValidity) {
        lastUid = 0;
        await ctx.db.update(mailboxes).set({ imapUidValidity: uidValidity, imapLastUid: 0 }).where(eq(mailboxes.id, box.id));
      }
      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      // `N:*` always names the last message, even when its UID is below N.
      const uids = found
        .filter((u) => u > lastUid)
        .sort((a, b) => a - b)
        .slice(0, options.max ?? DEFAULT_BATCH);
      let stored = 0;
      let duplicates = 0;
      if (uids.length > 0) {
        const messages = await client.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true });
        messages.sort((a, b) => a.uid - b.uid);
        for (const m of messages) {
          if (!m.source) continue;
          const raw = m.source;
          const id = await ctx.db.transaction(async (tx) => {
            const inserted = await insertIncoming(tx, seal, { mailboxId: box.id, raw, source: 'imap', imapUid: m.uid });
            await tx.update(mailboxes).set({ imapLastUid: m.uid }).where(eq(mailboxes.id, box.id));
            return inserted;
          });
          if (id) stored++;
          else duplicates++;
          lastUid = m.uid;
        }
        if (ctx.jobs && stored > 0) ctx.outbox.kick();
      }
      await ctx.db.update(mailboxes).set({ imapLastPolledAt: new Date(), imapLastError: null }).where(eq(mailboxes.id, box.id));
      return { stored, duplicates, resynced, lastUid };
    } finally {
      lock.release();
    }
  } catch (err) {
    // The reason only (host errors, authentication): never the letters or the password.
    const message = err instanceof Error ? err.message.slice(0, 300) : 'IMAP error';
    await ctx.db.update(mailboxes).set({ imapLastPolledAt: new Date(), imapLastError: message }).where(eq(mailboxes.id, box.id));
    throw err;
  } finally {
    await client.logout().catch(() => client.close());
  }
}
