import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, categories, incomingMail, outgoingMail, ticketMessages, tickets } from '../../db/schema';
import { seedDemoMailboxes } from '../../seed/mailboxes';
import { createTestApp, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { encodeWord, PNG_1PX, rawLetter, sendRaw, waitProcessed, type RawLetterOptions } from '../../test/mail';
import { createRawSeal } from './letter';
import { startSmtpListener, type SmtpListener } from './smtp-listener';

let t: TestApp;
let smtp: SmtpListener;

beforeAll(async () => {
  t = await createTestApp({ seed: true, jobs: true, env: { PUBLIC_URL: 'http://paydesk.test', UPLOAD_MAX_MB: '1' } });
  await seedDemoMailboxes(t.ctx.db);
  smtp = await startSmtpListener(t.ctx, { host: '127.0.0.1', port: 0, maxBytes: 2 * 1024 * 1024, perSenderHour: 1000 });
});
afterAll(async () => {
  await smtp?.close();
  await t?.dispose();
});

/** Sends a letter over SMTP and waits until the worker has processed it. */
async function deliver(o: Omit<RawLetterOptions, 'to'> & { to?: string }) {
  const messageId = o.messageId ?? `<${randomUUID()}@customer.test>`;
  const to = o.to ?? 'support@paydesk.local';
  const response = await sendRaw(smtp.port, { from: o.from, to: [to] }, rawLetter({ ...o, to, messageId }));
  expect(response).toMatch(/^250/);
  return waitProcessed(t.ctx.db, messageId);
}

async function ticketOf(id: string | null) {
  const [row] = await t.ctx.db
    .select()
    .from(tickets)
    .where(eq(tickets.id, id ?? ''));
  return row!;
}
const messagesOf = (ticketId: string) =>
  t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(asc(ticketMessages.createdAt));
const mailTo = (ticketId: string, template: string) =>
  t.ctx.db
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.ticketId, ticketId), eq(outgoingMail.template, template)));

describe('a new letter', () => {
  it('from an unknown address files a request that enters the queue at once, acknowledged by mail', async () => {
    const row = await deliver({
      from: 'Мария Петрова <maria@customer.test>',
      subject: 'Терминал не выдал сдачу',
      text: 'Здравствуйте! Терминал не выдал сдачу после оплаты, купюра принята, чек не напечатан.\n\n-- \nМария',
    });
    expect(row).toMatchObject({ state: 'processed', threadedBy: 'new', fromAddress: 'maria@customer.test' });
    const ticket = await ticketOf(row.ticketId);
    expect(ticket).toMatchObject({
      status: 'new',
      channel: 'email',
      guestEmail: 'maria@customer.test',
      requesterName: 'Мария Петрова',
    });
    expect(ticket.resolutionDueAt).not.toBeNull();
    const [message] = await messagesOf(ticket.id);
    expect(message).toMatchObject({ channel: 'email', authorKind: 'guest' });
    expect(message!.body).toBe('Здравствуйте! Терминал не выдал сдачу после оплаты, купюра принята, чек не напечатан.');
    expect(await mailTo(ticket.id, 'ticket.acknowledgement')).toHaveLength(1);
    expect(await mailTo(ticket.id, 'ticket.tracking_link')).toHaveLength(1);
  });

  it('to the generic mailbox is routed by its content, with the confidence kept', async () => {
    const row = await deliver({
      from: 'routing@customer.test',
      subject: 'Терминал не выдал сдачу',
      text: 'Оплатил через терминал, терминал не выдал сдачу и не напечатал чек. Номер терминала 123456.',
    });
    const ticket = await ticketOf(row.ticketId);
    const [category] = await t.ctx.db.select().from(categories).where(eq(categories.id, ticket.categoryId));
    expect(category!.slug).toMatch(/^terminal/);
    expect(row.routeConfidence).toBeGreaterThanOrEqual(0.5);
    expect(row.routedCategoryId).toBe(ticket.categoryId);
  });

  it.each([
    [
      'Russian, ё and inflected forms',
      'Заблокировали кошелёк',
      'Мой кошелёк заблокирован, не могу войти и оплатить. Как снять блокировку кошелька?',
    ],
    ['Ukrainian', 'Гаманець заблоковано', 'Мій гаманець заблокували, не можу увійти. Як зняти блокування гаманця?'],
  ])('about a blocked wallet (%s) goes to the blocked-wallet form', async (_case, subject, text) => {
    const row = await deliver({ from: `blocked-${randomUUID()}@customer.test`, subject, text });
    const ticket = await ticketOf(row.ticketId);
    const [category] = await t.ctx.db.select().from(categories).where(eq(categories.id, ticket.categoryId));
    expect(category!.slug).toBe('wallet-blocked');
    expect(row.routeConfidence).toBeGreaterThanOrEqual(0.5);
  });

  it('without recognisable content goes to the first line, uncategorised', async () => {
    const row = await deliver({
      from: 'vague@customer.test',
      subject: 'Вопрос',
      text: 'Добрый день, перезвоните мне, пожалуйста.',
    });
    const ticket = await ticketOf(row.ticketId);
    const [category] = await t.ctx.db.select().from(categories).where(eq(categories.id, ticket.categoryId));
    expect(category!.slug).toBe('email-unsorted');
    expect(row.routedCategoryId).toBeNull();
  });

  it('from a customer with an account is theirs', async () => {
    const customer = await makeCustomer(t.ctx.db, { email: 'Known.Customer@example.test' });
    const row = await deliver({
      from: 'known.customer@example.test',
      to: 'terminals@paydesk.local',
      subject: 'Чек',
      text: 'Нужен дубликат чека.',
    });
    const ticket = await ticketOf(row.ticketId);
    expect(ticket.customerId).toBe(customer.id);
    expect(ticket.guestEmail).toBeNull();
    expect((await messagesOf(ticket.id))[0]!.authorKind).toBe('customer');
  });
});

describe('threading', () => {
  async function fileOne(from: string) {
    const row = await deliver({
      from,
      subject: 'Не приходит SMS-код',
      text: 'Не приходит SMS-код для входа в кошелёк уже второй день.',
    });
    const ticket = await ticketOf(row.ticketId);
    const [ack] = await mailTo(ticket.id, 'ticket.acknowledgement');
    return { ticket, ack: ack!, original: row };
  }

  it('a reply to the acknowledgement (In-Reply-To) joins the request, quoted history trimmed', async () => {
    const { ticket, ack } = await fileOne('thread1@customer.test');
    const row = await deliver({
      from: 'thread1@customer.test',
      subject: `Re: ${ack.subject}`,
      inReplyTo: ack.messageId,
      references: [ack.messageId],
      text: `Код так и не пришёл.\n\nВ пт, 21 нояб. 2026 г. в 10:00, paydesk <support@paydesk.local> написал:\n> Мы получили ваше обращение`,
    });
    expect(row).toMatchObject({ ticketId: ticket.id, threadedBy: 'in_reply_to', otherSender: false });
    const messages = await messagesOf(ticket.id);
    expect(messages.map((m) => m.body)).toEqual([expect.any(String), 'Код так и не пришёл.']);
    expect(row.textBody).toContain('Мы получили ваше обращение');
  });

  it('a reply with only the [#NUMBER] token in the subject joins the request', async () => {
    const { ticket } = await fileOne('thread2@customer.test');
    const row = await deliver({
      from: 'thread2@customer.test',
      subject: `[#${ticket.number}] ещё вопрос`,
      text: 'А можно сменить номер?',
    });
    expect(row).toMatchObject({ ticketId: ticket.id, threadedBy: 'subject_token' });
  });

  it('a letter the customer forwards with the token (Fwd:) joins the same request', async () => {
    const { ticket } = await fileOne('thread3@customer.test');
    const row = await deliver({
      from: 'thread3@customer.test',
      subject: `Fwd: [#${ticket.number}] Обращение принято`,
      text: 'Пересылаю ещё раз.\n\n---------- Forwarded message ---------\nFrom: paydesk',
    });
    expect(row).toMatchObject({ ticketId: ticket.id, threadedBy: 'subject_token' });
    expect((await messagesOf(ticket.id)).at(-1)!.body).toBe('Пересылаю ещё раз.');
  });

  it('a reply from another address joins the thread, marked, with a note for the operator', async () => {
    const { ticket, ack } = await fileOne('thread4@customer.test');
    const row = await deliver({
      from: 'someone.else@other.test',
      subject: `Re: ${ack.subject}`,
      inReplyTo: ack.messageId,
      text: 'Это жена клиента.',
    });
    expect(row).toMatchObject({ ticketId: ticket.id, otherSender: true });
    const messages = await messagesOf(ticket.id);
    const note = messages.find((m) => m.internal);
    expect(note?.body).toContain('someone.else@other.test');
    expect(messages.find((m) => m.body === 'Это жена клиента.')?.authorKind).toBe('guest');
  });

  it('a reply to a solved request reopens it', async () => {
    const { ticket, original } = await fileOne('thread5@customer.test');
    await t.ctx.db.update(tickets).set({ status: 'resolved', resolvedAt: new Date() }).where(eq(tickets.id, ticket.id));
    const row = await deliver({
      from: 'thread5@customer.test',
      subject: 'Re: SMS',
      inReplyTo: original.messageId,
      text: 'Опять не приходит.',
    });
    expect(row).toMatchObject({ ticketId: ticket.id, threadedBy: 'in_reply_to' });
    expect((await ticketOf(ticket.id)).status).toBe('reopened');
  });

  it('the same Message-ID delivered twice makes one message', async () => {
    const { ticket } = await fileOne('dup@customer.test');
    const letter = {
      from: 'dup@customer.test',
      subject: `[#${ticket.number}] дубль`,
      text: 'Одно и то же письмо.',
      messageId: `<dup-${randomUUID()}@customer.test>`,
    };
    await deliver(letter);
    await deliver(letter);
    const copies = (await messagesOf(ticket.id)).filter((m) => m.body === 'Одно и то же письмо.');
    expect(copies).toHaveLength(1);
  });
});

describe('noise and loops', () => {
  it('an auto-reply files nothing and is not answered', async () => {
    const before = await t.ctx.db.select().from(outgoingMail);
    const row = await deliver({
      from: 'vacation@customer.test',
      subject: 'Автоответ: я в отпуске',
      text: 'Я в отпуске до понедельника.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(row).toMatchObject({ state: 'ignored', reason: 'auto_submitted', ticketId: null });
    expect(await t.ctx.db.select().from(outgoingMail)).toHaveLength(before.length);
  });

  it('list and bulk mail is ignored', async () => {
    const bulk = await deliver({ from: 'news@shop.test', subject: 'Скидки', text: 'Скидки!', headers: { Precedence: 'bulk' } });
    expect(bulk).toMatchObject({ state: 'ignored', reason: 'bulk' });
    const list = await deliver({
      from: 'list@lists.test',
      subject: 'Digest',
      text: 'x',
      headers: { 'List-Id': '<x.lists.test>' },
    });
    expect(list).toMatchObject({ state: 'ignored', reason: 'list' });
  });

  it('a bounce marks our outgoing message failed with the diagnostic', async () => {
    const row0 = await deliver({ from: 'bounce-me@customer.test', subject: 'Кошелёк', text: 'Вопрос по кошельку.' });
    const [ack] = await mailTo(row0.ticketId!, 'ticket.acknowledgement');
    const boundary = 'rep';
    const id = `<dsn-${randomUUID()}@mx.test>`;
    const raw = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.test>',
        'To: support@paydesk.local',
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: ${id}`,
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.test',
        '',
        'Final-Recipient: rfc822; bounce-me@customer.test',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 <bounce-me@customer.test>: Recipient address rejected: User unknown',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        'From: paydesk <support@paydesk.local>',
        `Message-ID: ${ack!.messageId}`,
        `Subject: ${ack!.subject}`,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    await sendRaw(smtp.port, { from: '', to: ['support@paydesk.local'] }, raw);
    const row = await waitProcessed(t.ctx.db, id);
    expect(row).toMatchObject({ state: 'bounce' });
    const [failed] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.id, ack!.id));
    expect(failed!.status).toBe('failed');
    expect(failed!.lastError).toContain('User unknown');
  });
});

describe('personal data in letters', () => {
  it('passport numbers are sealed into the identity record and masked in what is stored and shown', async () => {
    const row = await deliver({
      from: 'pii@customer.test',
      to: 'security@paydesk.local',
      subject: 'Блокировка, паспорт 4508 123456',
      text: 'Кошелёк заблокирован. Мой паспорт 45 08 123456, телефон +79161112233.',
    });
    const ticket = await ticketOf(row.ticketId);
    const [message] = await messagesOf(ticket.id);
    expect(message!.body).toBe('Кошелёк заблокирован. Мой паспорт •• •• ••••56, телефон +79161112233.');
    expect(ticket.subject).toBe('Блокировка, паспорт •••• ••••56');
    expect(row.textBody).not.toContain('123456');
    // The same number twice (subject and text) is one sealed document.
    expect(t.ctx.cipher.decrypt(ticket.sealedFields.passport_data!)).toBe('4508 123456');
    expect(Object.keys(ticket.sealedFields)).toEqual(['passport_data']);
    expect(ticket.fields.passport_data).toBe('•••• ••••56');
    const [stored] = await t.ctx.db.select().from(incomingMail).where(eq(incomingMail.id, row.id));
    expect(stored!.rawSealed.includes(Buffer.from('123456'))).toBe(false);
    expect(createRawSeal(t.ctx.config.SECRET_KEY).open(stored!.rawSealed).toString()).toContain('45 08 123456');
    // The staff API shows the mask only.
    const staff = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id));
    expect(JSON.stringify(staff)).not.toContain('45 08 123456');
  });
});

describe('encodings', () => {
  it.each(['8bit', 'quoted-printable', 'base64'] as const)(
    'a %s body with a Cyrillic (RFC 2047) subject and file name',
    async (encoding) => {
      const row = await deliver({
        from: `${encodeWord('Олег Кириллов')} <enc-${encoding}@customer.test>`,
        to: 'terminals@paydesk.local',
        subject: 'Квитанция об оплате — ошибка',
        text: 'Прикладываю квитанцию: терминал списал деньги, а платёж не прошёл. Ёлки, ґ і ї!',
        encoding,
        attachments: [
          { name: 'квитанция №1.png', content: PNG_1PX, contentType: 'image/png' },
          { name: 'вирус.exe', content: Buffer.from('MZ this is not allowed'), contentType: 'application/octet-stream' },
        ],
      });
      const ticket = await ticketOf(row.ticketId);
      expect(ticket.subject).toBe('Квитанция об оплате — ошибка');
      expect(ticket.requesterName).toBe('Олег Кириллов');
      const [message] = await messagesOf(ticket.id);
      expect(message!.body).toContain('Прикладываю квитанцию: терминал списал деньги, а платёж не прошёл. Ёлки, ґ і ї!');
      expect(message!.body).toContain('[Вложение «вирус.exe» не принято: тип файла не поддерживается]');
      const files = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
      expect(files.map((f) => [f.name, f.contentType, f.messageId])).toEqual([['квитанция №1.png', 'image/png', message!.id]]);
      expect(row.refusedFiles).toEqual([{ name: 'вирус.exe', reason: 'type' }]);
    },
  );
});

describe('the SMTP listener', () => {
  it('refuses recipients that are not active mailboxes (550)', async () => {
    await expect(
      sendRaw(
        smtp.port,
        { from: 'a@customer.test', to: ['nobody@paydesk.local'] },
        rawLetter({ from: 'a@customer.test', to: 'nobody@paydesk.local', subject: 'x', text: 'x' }),
      ),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses letters over the size limit (552) and senders over their limit (451)', async () => {
    const big = rawLetter({
      from: 'big@customer.test',
      to: 'support@paydesk.local',
      subject: 'big',
      text: 'x'.repeat(3 * 1024 * 1024),
    });
    await expect(sendRaw(smtp.port, { from: 'big@customer.test', to: ['support@paydesk.local'] }, big)).rejects.toMatchObject({
      responseCode: 552,
    });
    const limited = await startSmtpListener(t.ctx, { host: '127.0.0.1', port: 0, maxBytes: 1024 * 1024, perSenderHour: 1 });
    try {
      const letter = () => rawLetter({ from: 'chatty@customer.test', to: 'support@paydesk.local', subject: 'x', text: 'x' });
      await sendRaw(limited.port, { from: 'chatty@customer.test', to: ['support@paydesk.local'] }, letter());
      await expect(
        sendRaw(limited.port, { from: 'chatty@customer.test', to: ['support@paydesk.local'] }, letter()),
      ).rejects.toMatchObject({
        responseCode: 451,
      });
    } finally {
      await limited.close();
    }
  });
});
