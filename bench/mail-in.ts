// Incoming-mail benchmark: N letters (about 70 % new requests, 30 % replies threaded by
// In-Reply-To to our acknowledgement or by the [#NUMBER] token, every fifth with a PNG attachment,
// every tenth with a passport number to mask and seal) are stored as the SMTP listener stores them
// (raw, encrypted, state `received`) and processed as the `mail.incoming` job does: parse
// (mailparser), noise checks, threading, content routing, attachments, one transaction each.
// Prints letters/s for the parse alone and for store + process, sequentially (one worker).
//
// Data generator: a fresh migrated database with the demo catalogue, help articles and mailboxes
// (PGlite in a temp directory, or a fresh database on TEST_DATABASE_URL's server).
//
// Run: npm run bench:mail-in. Knobs: BENCH_LETTERS (default 500).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { outgoingMail } from '../server/db/schema';
import { activeMailbox, insertIncoming, processIncoming } from '../server/modules/inbox/inbound.service';
import { createRawSeal, parseLetter } from '../server/modules/inbox/letter';
import { seedDemoMailboxes } from '../server/seed/mailboxes';
import { createTestContext } from '../server/test/app';
import { PNG_1PX, rawLetter } from '../server/test/mail';

const N = Number(process.env.BENCH_LETTERS ?? 500);

const TOPICS = [
  ['Терминал не выдал сдачу', 'Оплатил через терминал, терминал не выдал сдачу и не напечатал чек.'],
  ['Не приходит SMS-код', 'Не приходит SMS-код для входа в кошелёк, телефон тот же.'],
  ['Платёж не прошёл', 'Платёж из кошелька не прошёл, а деньги списаны. Прошу вернуть.'],
  ['Кошелёк заблокирован', 'Кошелёк заблокирован после входа с нового телефона.'],
  ['Вопрос', 'Добрый день, подскажите, пожалуйста, как с вами связаться по телефону.'],
];

async function main() {
  const t = await createTestContext({ seed: true });
  await seedDemoMailboxes(t.ctx.db);
  const mailbox = (await activeMailbox(t.ctx.db, 'support@paydesk.local'))!;
  const seal = createRawSeal(t.ctx.config.SECRET_KEY);
  const filed: Array<{ ticketId: string; number: string; from: string }> = [];

  const letters: Buffer[] = [];
  const make = (i: number, reply: { number: string; from: string; inReplyTo?: string } | null) => {
    const [subject = '', text = ''] = TOPICS[i % TOPICS.length] ?? [];
    return rawLetter({
      from: reply?.from ?? `bench${i}@customer.test`,
      to: 'support@paydesk.local',
      subject: reply ? `Re: [#${reply.number}] ${subject}` : subject,
      text: `${text}${i % 10 === 0 ? ' Паспорт 4508 123456.' : ''}\n\nС уважением,\nКлиент ${i}\n\n> цитата предыдущего письма`,
      ...(reply?.inReplyTo ? { inReplyTo: reply.inReplyTo } : {}),
      encoding: i % 3 === 0 ? 'quoted-printable' : i % 3 === 1 ? 'base64' : '8bit',
      ...(i % 5 === 0 ? { attachments: [{ name: `квитанция-${i}.png`, content: PNG_1PX, contentType: 'image/png' }] } : {}),
    });
  };

  // Parse only, on a sample of letters.
  const sample = Array.from({ length: Math.min(N, 200) }, (_, i) => make(i, null));
  let started = performance.now();
  for (const raw of sample) await parseLetter(raw);
  const parseRate = sample.length / ((performance.now() - started) / 1000);

  started = performance.now();
  let created = 0;
  let threaded = 0;
  for (let i = 0; i < N; i++) {
    const target = filed.length > 5 && i % 10 >= 7 ? filed[(i * 7) % filed.length]! : null;
    let inReplyTo: string | undefined;
    if (target && i % 2 === 0) {
      const [ack] = await t.ctx.db
        .select({ messageId: outgoingMail.messageId })
        .from(outgoingMail)
        .where(and(eq(outgoingMail.ticketId, target.ticketId), eq(outgoingMail.template, 'ticket.acknowledgement')));
      inReplyTo = ack?.messageId;
    }
    const raw = make(i, target ? { ...target, inReplyTo } : null);
    letters.push(raw);
    const id = await t.ctx.db.transaction((tx) => insertIncoming(tx, seal, { mailboxId: mailbox.id, raw, source: 'smtp' }));
    const outcome = await processIncoming(t.ctx, id!);
    if (outcome.state !== 'processed') throw new Error(`letter ${i} was ${outcome.state}`);
    if (outcome.created) {
      created++;
      filed.push({ ticketId: outcome.ticketId, number: outcome.number, from: `bench${i}@customer.test` });
    } else threaded++;
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = letters.reduce((s, l) => s + l.length, 0);
  process.stdout.write(
    [
      `engine: ${t.db.databaseUrl ? 'PostgreSQL' : 'PGlite'}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      `letters: ${N} (${created} new requests, ${threaded} threaded replies), ${(bytes / N / 1024).toFixed(1)} KiB on average`,
      `parse only (mailparser + trimming + sanitising): ${parseRate.toFixed(0)} letters/s`,
      `store + parse + thread + file, one at a time:   ${(N / seconds).toFixed(1)} letters/s (${((seconds / N) * 1000).toFixed(1)} ms per letter)`,
      '',
    ].join('\n'),
  );
  await t.dispose();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
