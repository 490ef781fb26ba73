import { eq, inArray, sql } from 'drizzle-orm';
import type { FormValues } from '../../common/forms/types';
import { filingPriority, type TicketStatus } from '../../common/tickets';
import type { Database } from '../db/connection';
import {
  auditLog,
  cannedAnswers,
  categories,
  customers,
  demoWallets,
  departmentMembers,
  departments,
  staffUsers,
  ticketMessages,
  tickets,
  type Priority,
} from '../db/schema';
import { createPiiCipher } from '../platform/crypto';
import { formatTicketNumber } from '../../common/ticket-numbers';
import { computeDue, loadPolicy } from '../modules/sla';

/** Department memberships and tiers of the demo staff. */
const MEMBERSHIPS: ReadonlyArray<{ email: string; department: string; tier: number }> = [
  { email: 'operator@paydesk.local', department: 'first_line', tier: 1 },
  { email: 'specialist@paydesk.local', department: 'tech_support', tier: 2 },
  { email: 'terminal@paydesk.local', department: 'terminals', tier: 1 },
  { email: 'security@paydesk.local', department: 'security', tier: 2 },
];

/** Demo wallets of the payment core (DEMO adapter): passports sealed; some flagged, one blocked; one person with two. */
const WALLETS = [
  {
    email: 'customer@paydesk.local',
    wallet: '+79001234567',
    passport: '4510 123456',
    owner: 'Иван Клиентов',
    flags: {},
    blocked: null,
    balance: '1250000',
  },
  {
    email: 'priority@paydesk.local',
    wallet: '+79007654321',
    passport: '4512 654321',
    owner: 'Пётр Приоритетов',
    flags: {},
    blocked: null,
    balance: '98700000',
  },
  {
    // A second wallet of the same person (a family or business one): the wizard offers both.
    email: 'priority@paydesk.local',
    wallet: '+79261112233',
    passport: '4512 654321',
    owner: 'Пётр Приоритетов',
    flags: {},
    blocked: null,
    balance: '350000',
  },
  {
    email: 'blocked@paydesk.local',
    wallet: '+79005550101',
    passport: '4603 777888',
    owner: 'Анна Заблокированная',
    flags: { smsConfirmationOff: true, unknownIpLogin: true, weeklyLimitExceeded: true },
    blocked: 'Вход с незнакомого IP при отключённом SMS-подтверждении; превышен недельный лимит вывода',
    balance: '420000',
  },
  {
    email: 'cards@paydesk.local',
    wallet: '+79005550202',
    passport: '4004 112233',
    owner: 'Олег Картов',
    flags: { cardWithdrawalsBypassing: true, transfersFromComplainedAccount: true },
    blocked: null,
    balance: '15000',
  },
] as const;

const CANNED: ReadonlyArray<{ title: string; body: string; department?: string }> = [
  {
    title: 'Не приходит SMS-код',
    body: 'Здравствуйте, {{customer.name}}! Проверьте, что телефон в сети и на нём нет блокировки коротких номеров; перезагрузите телефон и запросите код ещё раз через 2–3 минуты. Если код так и не придёт, ответьте на это сообщение — проверим доставку по обращению {{ticket.number}}.\n\n{{operator.name}}, служба поддержки paydesk',
  },
  {
    title: 'Проверить статус платежа в терминале',
    body: 'Здравствуйте, {{customer.name}}! Проверьте статус платежа по данным чека в разделе «Проверить платёж» ({{portal.url}}/payments/check): «В обработке» означает, что платёж ещё идёт, «Выполнен» — что деньги отправлены получателю. Сохраните чек до зачисления.\n\n{{operator.name}}',
    department: 'terminals',
  },
  {
    title: 'Нужна идентификация',
    body: 'Здравствуйте, {{customer.name}}! Чтобы мы могли сообщить сведения о кошельке, подтвердите, что вы его владелец: укажите серию и номер паспорта и номер кошелька. Сведения о чужих кошельках мы не раскрываем.\n\n{{operator.name}}',
  },
  {
    title: 'Причины блокировки кошелька',
    body: 'Здравствуйте, {{customer.name}}! Кошелёк блокируется для защиты денег, например при отключённом SMS-подтверждении, входе с незнакомого IP или превышении недельного лимита вывода. Мы передали обращение {{ticket.number}} в службу безопасности; ответ придёт в течение суток.\n\n{{operator.name}}',
    department: 'first_line',
  },
];

type DemoTicket = {
  leaf: string;
  subject: string;
  text: string;
  status: TicketStatus;
  customer?: string;
  guest?: string;
  assignee?: string;
  department?: string;
  tier?: number;
  priority?: Priority;
  atRisk?: boolean;
  breached?: boolean;
  identified?: boolean;
  /** Who answered and resolved a request nobody holds now (resolved, archived, reopened); the operator by default. */
  handler?: string;
  /** The customer's message that reopened the request (status «reopened»). */
  reopenText?: string;
  hoursAgo: number;
};

/** A working day: requests in every department and status, for a newcomer signing in as each role. */
const TICKETS: DemoTicket[] = [
  {
    leaf: 'wallet-sms-code',
    subject: 'Не приходит SMS-код для входа',
    text: 'Третий день не приходит код подтверждения, телефон в сети.',
    status: 'new',
    customer: 'customer@paydesk.local',
    hoursAgo: 1,
  },
  {
    leaf: 'wallet-blocked',
    subject: 'Кошелёк заблокирован после входа с нового телефона',
    text: 'Купил новый телефон, вошёл — кошелёк заблокирован.',
    status: 'new',
    customer: 'blocked@paydesk.local',
    hoursAgo: 3,
    atRisk: true,
  },
  {
    leaf: 'wallet-money-lost',
    subject: 'Перевод не дошёл до получателя',
    text: 'Перевёл 5 000 ₽ другу вчера, у него ничего не пришло.',
    status: 'open',
    customer: 'cards@paydesk.local',
    assignee: 'specialist@paydesk.local',
    hoursAgo: 20,
  },
  {
    leaf: 'wallet-card-linking',
    subject: 'Не привязывается карта',
    text: 'При привязке карты пишет «операция отклонена».',
    status: 'pending_customer',
    customer: 'customer@paydesk.local',
    assignee: 'specialist@paydesk.local',
    hoursAgo: 30,
  },
  {
    leaf: 'wallet-statement-order',
    subject: 'Нужна выписка за октябрь',
    text: 'Для бухгалтерии нужна выписка по кошельку за октябрь.',
    status: 'resolved',
    customer: 'priority@paydesk.local',
    assignee: 'operator@paydesk.local',
    hoursAgo: 50,
  },
  {
    leaf: 'wallet-other',
    subject: 'Как включить пакет «Приоритет»?',
    text: 'Хочу подключить пакет, где найти в настройках?',
    status: 'open',
    customer: 'priority@paydesk.local',
    assignee: 'operator@paydesk.local',
    hoursAgo: 2,
  },
  {
    leaf: 'terminal-payment-with-receipt',
    subject: 'Оплатил связь в терминале, деньги не пришли',
    text: 'Платил 500 ₽ за телефон, чек есть, баланс не пополнился.',
    status: 'new',
    guest: 'guest.terminal@example.com',
    hoursAgo: 4,
  },
  {
    leaf: 'terminal-bill-problem',
    subject: 'Терминал «съел» купюру 1000 ₽',
    text: 'Купюра ушла, сумма на экране не изменилась.',
    status: 'open',
    customer: 'customer@paydesk.local',
    assignee: 'terminal@paydesk.local',
    hoursAgo: 6,
    breached: true,
  },
  {
    leaf: 'terminal-no-receipt',
    subject: 'Терминал не выдал чек',
    text: 'Оплата прошла, но чек не напечатался.',
    status: 'archived',
    customer: 'cards@paydesk.local',
    handler: 'terminal@paydesk.local',
    hoursAgo: 240,
  },
  {
    leaf: 'security-unauthorized-operation',
    subject: 'Списание, которого я не делал',
    text: 'Ночью со счёта ушли 12 000 ₽ на неизвестную карту.',
    status: 'new',
    customer: 'cards@paydesk.local',
    priority: 'urgent',
    hoursAgo: 0.5,
    identified: true,
  },
  {
    leaf: 'security-hacking-attempt',
    subject: 'Пытались войти в мой кошелёк',
    text: 'Пришли SMS с кодами, которые я не запрашивал.',
    status: 'open',
    customer: 'blocked@paydesk.local',
    assignee: 'security@paydesk.local',
    hoursAgo: 5,
  },
  {
    leaf: 'complaint-claim',
    subject: 'Претензия: не вернули деньги за ошибочный платёж',
    text: 'Обращение было две недели назад, деньги так и не вернули.',
    status: 'reopened',
    customer: 'customer@paydesk.local',
    handler: 'operator@paydesk.local',
    reopenText: 'Прошло ещё три дня, деньги так и не вернулись. Прошу разобраться.',
    hoursAgo: 72,
  },
  {
    leaf: 'feedback-thanks',
    subject: 'Спасибо за быструю помощь',
    text: 'Оператор Ольга очень помогла, спасибо!',
    status: 'resolved',
    customer: 'priority@paydesk.local',
    hoursAgo: 100,
  },
  {
    leaf: 'agent-terminal-connection',
    subject: 'Подключение нового терминала в ТЦ «Северный»',
    text: 'Нужна настройка терминала, договор подписан.',
    status: 'new',
    guest: 'agent.north@example.com',
    hoursAgo: 8,
  },
];

/**
 * The demo working day (departments' members, resolution codes, canned answers, wallets of the
 * demo payment core, requests in every department and status). Added once: a second run adds nothing.
 */
export async function seedWorkday(db: Database, secretKey: string): Promise<{ added: number }> {
  const [already] = await db
    .select({ id: demoWallets.id })
    .from(demoWallets)
    .where(eq(demoWallets.walletNumber, WALLETS[0].wallet))
    .limit(1);
  if (already) return { added: 0 };
  const cipher = createPiiCipher(secretKey);
  return db.transaction(async (tx) => {
    let added = 0;
    const staff = new Map(
      (await tx.select({ id: staffUsers.id, email: staffUsers.email }).from(staffUsers)).map((s) => [s.email, s.id]),
    );
    const deps = new Map(
      (await tx.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [d.code, d.id]),
    );
    for (const m of MEMBERSHIPS) {
      const staffId = staff.get(m.email);
      const departmentId = deps.get(m.department);
      if (!staffId || !departmentId) continue;
      added += (
        await tx.insert(departmentMembers).values({ staffId, departmentId, tier: m.tier }).onConflictDoNothing().returning()
      ).length;
    }
    for (const c of CANNED) {
      await tx
        .insert(cannedAnswers)
        .values({ title: c.title, body: c.body, departmentId: c.department ? (deps.get(c.department) ?? null) : null });
      added += 1;
    }
    const custs = new Map(
      (
        await tx
          .select({ id: customers.id, email: customers.email, name: customers.name, priority: customers.priority })
          .from(customers)
      ).map((c) => [c.email ?? '', c]),
    );
    for (const w of WALLETS) {
      const customer = custs.get(w.email);
      await tx.insert(demoWallets).values({
        customerId: customer?.id ?? null,
        walletNumber: w.wallet,
        passportSealed: cipher.encrypt(w.passport),
        ownerName: w.owner,
        blocked: Boolean(w.blocked),
        blockReason: w.blocked,
        balanceKopecks: w.balance,
        ...w.flags,
      });
      added += 1;
    }
    const leaves = new Map(
      (
        await tx
          .select()
          .from(categories)
          .where(
            inArray(
              categories.slug,
              TICKETS.map((t) => t.leaf),
            ),
          )
      ).map((c) => [c.slug, c]),
    );
    for (const [i, d] of TICKETS.entries()) {
      const leaf = leaves.get(d.leaf);
      if (!leaf?.currentFormId) continue;
      const customer = d.customer ? custs.get(d.customer) : undefined;
      const created = new Date(Date.now() - d.hoursAgo * 3_600_000);
      const policy = leaf.slaPolicyId ? await loadPolicy(tx, leaf.slaPolicyId) : null;
      const due = policy ? computeDue(policy, created) : null;
      const closed = ['resolved', 'archived'].includes(d.status);
      const seq = await tx.execute<{ n: string }>(sql`SELECT nextval('ticket_number_seq')::text AS n`);
      const n = (seq as unknown as { rows: Array<{ n: string }> }).rows[0]?.n ?? String(900000 + i);
      const [ticket] = await tx
        .insert(tickets)
        .values({
          number: formatTicketNumber(BigInt(n)),
          categoryId: leaf.id,
          formId: leaf.currentFormId,
          departmentId: d.department ? (deps.get(d.department) ?? leaf.departmentId) : leaf.departmentId,
          tier: d.tier ?? 1,
          assigneeId: d.assignee ? (staff.get(d.assignee) ?? null) : null,
          priority: d.priority ?? filingPriority(leaf.priority, customer?.priority ?? false),
          priorityCustomer: customer?.priority ?? false,
          status: d.status,
          channel: d.guest ? 'email' : 'web',
          subject: d.subject,
          customerId: customer?.id ?? null,
          guestEmail: d.guest ?? null,
          requesterName: customer?.name ?? '',
          fields: { description: d.text } as FormValues,
          slaPolicyId: policy?.id ?? null,
          firstResponseDueAt: due?.firstResponseDueAt ?? null,
          resolutionDueAt:
            d.status === 'pending_customer' || closed
              ? null
              : d.breached
                ? new Date(Date.now() - 3_600_000)
                : (due?.resolutionDueAt ?? null),
          slaRemainingMinutes: d.status === 'pending_customer' ? 600 : null,
          slaPausedAt: d.status === 'pending_customer' ? new Date(Date.now() - 3_600_000) : null,
          atRiskAt: d.atRisk || d.breached ? new Date() : null,
          breachedAt: d.breached ? new Date() : null,
          firstRespondedAt: answered(d) ? new Date(created.getTime() + ANSWERED_AFTER) : null,
          confirmedAt: d.guest ? created : null,
          resolvedAt: closed ? new Date(created.getTime() + RESOLVED_AFTER) : null,
          archivedAt: d.status === 'archived' ? new Date() : null,
          resolutionCode: closed ? 'answered' : null,
          identification: d.identified ? 'identified' : null,
          identifiedBy: d.identified ? (staff.get('security@paydesk.local') ?? null) : null,
          identifiedAt: d.identified ? new Date() : null,
          createdAt: created,
          updatedAt: created,
        })
        .returning({ id: tickets.id });
      if (!ticket) continue;
      await seedHistory(tx, {
        ticketId: ticket.id,
        number: formatTicketNumber(BigInt(n)),
        demo: d,
        created,
        customerId: customer?.id ?? null,
        staffId: (email) => staff.get(email) ?? null,
      });
      added += 1;
    }
    return { added };
  });
}

const ANSWERED_AFTER = 30 * 60_000;
const RESOLVED_AFTER = 6 * 3_600_000;

/** Whether a demo request's state implies a staff answer in its thread. */
const answered = (d: DemoTicket) => Boolean(d.assignee) || ['resolved', 'archived', 'reopened'].includes(d.status);

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The thread and history (audit rows, the same actions the app records) that a demo request's
 * state implies: filed; taken and answered (or asked) when someone holds it; answered and resolved
 * when closed; archived by the system; reopened by the customer with their message.
 */
async function seedHistory(
  tx: Tx,
  p: {
    ticketId: string;
    number: string;
    demo: DemoTicket;
    created: Date;
    customerId: string | null;
    staffId: (email: string) => string | null;
  },
) {
  const { demo: d, ticketId, number, created } = p;
  const at = (ms: number) => new Date(created.getTime() + ms);
  const requester = d.guest
    ? ({ actorKind: 'guest', actorId: null } as const)
    : ({ actorKind: 'customer', actorId: p.customerId } as const);
  const history: Array<typeof auditLog.$inferInsert> = [];
  const event = (
    when: Date,
    actor: { actorKind: 'staff' | 'customer' | 'guest' | 'system'; actorId: string | null },
    action: string,
    data: Record<string, unknown> = {},
  ) => history.push({ ...actor, at: when, action, entityType: 'ticket', entityId: ticketId, data: { number, ...data } });
  const say = (when: Date, authorKind: 'customer' | 'guest' | 'staff', authorId: string | null, body: string) =>
    tx
      .insert(ticketMessages)
      .values({ ticketId, authorKind, authorId, body, createdAt: when, channel: d.guest ? 'email' : 'web' });

  await say(created, d.guest ? 'guest' : 'customer', p.customerId, d.text);
  event(created, requester, 'ticket.filed');
  if (d.guest) event(created, { actorKind: 'guest', actorId: null }, 'ticket.confirmed');

  const handlerEmail = d.assignee ?? d.handler ?? 'operator@paydesk.local';
  const handler = { actorKind: 'staff', actorId: p.staffId(handlerEmail) } as const;
  if (answered(d)) {
    if (d.assignee) {
      event(at(ANSWERED_AFTER - 60_000), handler, 'ticket.taken', { from: null, to: handler.actorId });
      event(at(ANSWERED_AFTER - 60_000), handler, 'ticket.status_changed', { from: 'new', to: 'open' });
    }
    // An answer moves a new request to work (console reply), as taking it does.
    if (!d.assignee) event(at(ANSWERED_AFTER), handler, 'ticket.status_changed', { from: 'new', to: 'open' });
    const asking = d.status === 'pending_customer';
    await say(
      at(ANSWERED_AFTER),
      'staff',
      handler.actorId,
      asking
        ? 'Уточните, пожалуйста, первые шесть и последние четыре цифры карты и текст ошибки.'
        : ['resolved', 'archived', 'reopened'].includes(d.status)
          ? 'Здравствуйте! Мы разобрались и ответили по существу; если вопрос остался, ответьте на это сообщение.'
          : 'Здравствуйте! Проверяем, ответим в ближайшее время.',
    );
    event(at(ANSWERED_AFTER), handler, asking ? 'ticket.question_asked' : 'ticket.answered');
    if (asking) event(at(ANSWERED_AFTER), handler, 'ticket.status_changed', { from: 'open', to: 'pending_customer' });
  }
  if (['resolved', 'archived', 'reopened'].includes(d.status)) {
    event(at(RESOLVED_AFTER), handler, 'ticket.status_changed', { from: 'open', to: 'resolved' });
    event(at(RESOLVED_AFTER), handler, 'ticket.resolved', { resolutionCode: 'answered' });
  }
  if (d.status === 'archived')
    event(at(RESOLVED_AFTER + 3_600_000), { actorKind: 'system', actorId: null }, 'ticket.status_changed', {
      from: 'resolved',
      to: 'archived',
    });
  if (d.status === 'reopened') {
    const when = new Date(Math.min(Date.now() - 3_600_000, at(RESOLVED_AFTER + 48 * 3_600_000).getTime()));
    await say(when, 'customer', p.customerId, d.reopenText ?? 'Вопрос не решён, прошу вернуться к обращению.');
    event(when, requester, 'ticket.status_changed', { from: 'resolved', to: 'reopened' });
  }
  if (d.identified) {
    event(
      new Date(Date.now() - 10 * 60_000),
      { actorKind: 'staff', actorId: p.staffId('security@paydesk.local') },
      'customer.identification',
      {
        result: 'identified',
        check: 'match',
        phoneMatches: true,
      },
    );
  }
  await tx.insert(auditLog).values(history);
}
