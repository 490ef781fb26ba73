/**
 * Issue 14, item 3: passport and card numbers typed into free text are found nowhere in plain
 * text — not in any file of a real embedded DATA_DIR after a clean shutdown (heap, WAL, files),
 * and not in any answer to staff who have not revealed them. Every channel files such text:
 * the web form, a customer's reply, a staff note, a letter over SMTP (subject and body), and a
 * question to the consultant — and the texts typed around them: the reasons staff give for audited
 * actions (a reveal, a priority change) and the requester's name (a guest's form, a letter's
 * `From:` name). Each channel has numbers of its own, so a leak names its channel.
 *
 * The web form, replies, notes and letters go through the request domain's one free-text step
 * (`server/modules/tickets/commands/free-text.ts`, the detector of `common/pii`).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { flushQuestions } from './modules/bot/bot.repo';
import { startSmtpListener, type SmtpListener } from './modules/inbox/smtp-listener';
import { createRuntime, type Runtime } from './runtime';
import { testDatabaseUrl } from './test/db';
import { rawLetter, sendRaw, waitProcessed } from './test/mail';

type Channel = 'web' | 'reply' | 'note' | 'mail_passport' | 'mail_card' | 'consultant' | 'audit' | 'requester';
/** The numbers each channel types, as typed; their digits-only forms are searched for too. */
const NUMBERS: Record<Channel, string[]> = {
  web: ['4510 111111', '4111 1111 1111 1111'],
  reply: ['4510 222222', '5555 5555 5555 4444'],
  note: ['4510 333333'],
  mail_passport: ['4510 444444'],
  mail_card: ['6011 1111 1111 1117'],
  consultant: ['4510 555555', '4000 0566 5566 5556'],
  audit: ['4510 777777', '4242 4242 4242 4242'],
  requester: ['4510 666666', '4510 888888'],
};
const needles = (c: Channel) => NUMBERS[c].flatMap((n) => [n, n.replace(/\D/g, '')]);

let runtime: Runtime;
let app: FastifyInstance;
let smtp: SmtpListener;
let dataDir: string;
/** What staff without reveal got back, per channel. */
const staffAnswers: Partial<Record<Channel, string>> = {};
/** Per channel, the files of DATA_DIR that hold one of its numbers in plain text. */
const leaks: Partial<Record<Channel, string[]>> = {};
/** What a supervisor saw on revealing every number listed on the web request. */
const revealed: string[] = [];

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

async function signIn(kind: 'staff' | 'customer', login: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { kind, login, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'pd_session')!;
  return { cookie: `pd_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

// A real embedded DATA_DIR: the PostgreSQL run of the suite has nothing to add to it.
describe.skipIf(testDatabaseUrl)('personal data typed into free text, at rest and in staff answers', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-pii-'));
    const config = loadConfig({
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        SECRET_KEY: 'a'.repeat(64),
        SEED_DEMO: 'true',
        LOG_LEVEL: 'silent',
        PAYDESK_ROLES: 'web,worker',
      },
    });
    runtime = await createRuntime(config, { logger: pino({ level: 'silent' }) });
    app = await buildApp(runtime.ctx, { serveWeb: false });
    await app.ready();
    smtp = await startSmtpListener(runtime.ctx, { host: '127.0.0.1', port: 0, maxBytes: 1 << 20, perSenderHour: 100 });

    const customer = await signIn('customer', 'customer@paydesk.local', 'demo-customer');
    const operator = await signIn('staff', 'operator@paydesk.local', 'demo-operator');
    const supervisor = await signIn('staff', 'supervisor@paydesk.local', 'demo-supervisor');

    const leaf = (await runtime.ctx.handle.query<{ id: string }>(`SELECT id FROM categories WHERE slug = 'feedback-suggestion'`))
      .rows[0]!.id;
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: customer,
      payload: {
        categoryId: leaf,
        fields: { topic: 'wallet', description: `Мой паспорт ${NUMBERS.web[0]}, карта ${NUMBERS.web[1]}, прошу проверить.` },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const number = (filed.json() as { number: string }).number;
    const replied = await app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${number}/messages`,
      headers: customer,
      payload: { body: `Дополняю: паспорт ${NUMBERS.reply[0]}, списали с карты ${NUMBERS.reply[1]}.` },
    });
    expect(replied.statusCode, replied.body).toBe(201);
    const noted = await app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${number}/notes`,
      headers: supervisor,
      payload: { body: `Клиент продиктовал паспорт ${NUMBERS.note[0]}.` },
    });
    expect(noted.statusCode, noted.body).toBeLessThan(300);

    const messageId = '<pii-at-rest@customer.test>';
    await sendRaw(
      smtp.port,
      { from: 'pii@customer.test', to: ['support@paydesk.local'] },
      rawLetter({
        from: 'pii@customer.test',
        to: 'support@paydesk.local',
        subject: `Паспорт ${NUMBERS.mail_passport[0]}: не пришёл платёж`,
        text: `Здравствуйте! Платёж с карты ${NUMBERS.mail_card[0]} не пришёл на кошелёк.`,
        messageId,
      }),
    );
    const letter = await waitProcessed(runtime.ctx.db, messageId, 60_000);
    // The requester's name: a letter's `From:` name and a guest's form.
    const namedId = '<pii-name@customer.test>';
    await sendRaw(
      smtp.port,
      { from: 'pii-name@customer.test', to: ['support@paydesk.local'] },
      rawLetter({
        from: `"Ivan, passport ${NUMBERS.requester[1]}" <pii-name@customer.test>`,
        to: 'support@paydesk.local',
        subject: 'Не пришёл платёж',
        text: 'Здравствуйте! Платёж не пришёл на кошелёк.',
        messageId: namedId,
      }),
    );
    const named = await waitProcessed(runtime.ctx.db, namedId, 60_000);
    const guest = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: {
        categoryId: leaf,
        email: 'guest-pii@customer.test',
        name: `Пётр, паспорт ${NUMBERS.requester[0]}`,
        fields: { topic: 'wallet', description: 'Прошу перезвонить.' },
      },
    });
    expect(guest.statusCode, guest.body).toBe(201);
    // Reasons typed for audited actions: a reveal's and a priority change's.
    const prioritised = await app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${number}/priority`,
      headers: supervisor,
      payload: { priority: 'high', reason: `Клиент назвал карту ${NUMBERS.audit[1]}, срочно` },
    });
    expect(prioritised.statusCode, prioritised.body).toBe(200);

    const asked = await app.inject({
      method: 'POST',
      url: '/api/v1/bot/ask',
      payload: { text: `паспорт ${NUMBERS.consultant[0]} карта ${NUMBERS.consultant[1]} кактус`, locale: 'ru' },
    });
    expect(asked.statusCode).toBe(200);
    await flushQuestions(runtime.ctx.db);

    // What staff see without revealing: the request (web, reply, note), the letter's request, the consultant's log.
    const workspace = (await app.inject({ url: `/api/v1/console/tickets/${number}`, headers: supervisor })).body;
    staffAnswers.web = staffAnswers.reply = staffAnswers.note = workspace;
    const mailTicket = letter.ticketId
      ? (await runtime.ctx.handle.query<{ number: string }>('SELECT number FROM tickets WHERE id = $1', [letter.ticketId]))
          .rows[0]?.number
      : undefined;
    staffAnswers.mail_passport = staffAnswers.mail_card = mailTicket
      ? (await app.inject({ url: `/api/v1/console/tickets/${mailTicket}`, headers: supervisor })).body
      : '';
    staffAnswers.consultant = (await app.inject({ url: '/api/v1/console/kb/unanswered', headers: supervisor })).body;
    // The originals stay reachable: listed as revealable masks, shown with a reason through the one reveal path.
    const listed = (JSON.parse(workspace) as { fields: Array<{ key: string; value: string; revealable: boolean }> }).fields;
    for (const f of listed.filter((x) => x.revealable && /^(passport_data|card_number)/u.test(x.key))) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/console/tickets/${number}/reveal`,
        headers: supervisor,
        payload: { field: f.key, reason: `сверка с банком, паспорт ${NUMBERS.audit[0]}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      revealed.push((res.json() as { value: string }).value);
    }
    expect(operator.cookie).toBeTruthy();
    staffAnswers.audit = [
      (await app.inject({ url: `/api/v1/console/audit?number=${number}`, headers: supervisor })).body,
      (await app.inject({ url: `/api/v1/console/tickets/${number}`, headers: supervisor })).body,
    ].join('\n');
    const namedTicket = (
      await runtime.ctx.handle.query<{ number: string }>('SELECT number FROM tickets WHERE id = $1', [named.ticketId])
    ).rows[0]?.number;
    expect(namedTicket).toBeTruthy();
    staffAnswers.requester = (await app.inject({ url: `/api/v1/console/tickets/${namedTicket}`, headers: supervisor })).body;

    // A clean shutdown, then every file of DATA_DIR read as bytes.
    await smtp.close();
    await app.close();
    await runtime.close();
    const files = allFiles(dataDir).filter((f) => statSync(f).isFile());
    for (const channel of Object.keys(NUMBERS) as Channel[]) {
      const bytes = needles(channel).map((n) => Buffer.from(n, 'utf8'));
      leaks[channel] = files.filter((f) => {
        const content = readFileSync(f);
        return bytes.some((b) => content.includes(b));
      });
    }
  }, 600_000);

  afterAll(async () => {
    await smtp?.close().catch(() => undefined);
  });

  const check = (channel: Channel) => () => {
    expect(leaks[channel]?.map((f) => path.relative(dataDir, f))).toEqual([]);
    for (const n of needles(channel)) expect(staffAnswers[channel]).not.toContain(n);
  };

  it('a supervisor reveals the request’s numbers (form, reply, note), with a reason', () => {
    expect(revealed.sort()).toEqual([...NUMBERS.web, ...NUMBERS.reply, ...NUMBERS.note].sort());
  });
  it('the consultant’s question log keeps masks only', check('consultant'));
  it('a letter’s passport number (subject and body) is sealed, the raw letter encrypted', check('mail_passport'));
  it('the web form’s description', check('web'));
  it('a customer’s reply', check('reply'));
  it('a staff note', check('note'));
  it('a card number in a letter', check('mail_card'));
  it('the reasons typed for audited actions (reveal, priority)', check('audit'));
  it('the requester’s name (a guest’s form, a letter’s From: name)', check('requester'));
});
