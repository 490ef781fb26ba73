import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { customers, notices, wikiMembers, wikiPages, wikiRevisions, type NoticeText } from '../db/schema';
import { hashPassword } from '../platform/crypto';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Demo wiki members (S4). Their levels are computed, not forced: the author's account is old, her
 * identity verified and her three pages count as accepted edits (level 3, edits directly); the
 * newcomer's account is days old (level 1, may only propose). Passwords printed at start.
 */
export const DEMO_WIKI_MEMBERS = [
  {
    email: 'wiki-author@paydesk.local',
    phone: '+79005550003',
    name: 'Елена Знатокова',
    password: 'demo-wiki3',
    ageDays: 400,
    identityVerified: true,
    level: 3,
  },
  {
    email: 'wiki-newcomer@paydesk.local',
    phone: '+79005550001',
    name: 'Дмитрий Новиков',
    password: 'demo-wiki1',
    ageDays: 3,
    identityVerified: false,
    level: 1,
  },
] as const;

/** Member guides in the manner of WebMoney Wiki: short, practical, true to the seeds. */
export const DEMO_WIKI_PAGES: ReadonlyArray<{ slug: string; title: string; body: string }> = [
  {
    slug: 'kak-bezopasno-pokupat-v-internete',
    title: 'Как безопасно покупать в интернете',
    body: `Несколько правил, которые помогают не потерять деньги при оплате покупок кошельком.

## Перед оплатой
- Проверьте адрес сайта: мошенники делают копии известных магазинов с похожим адресом.
- Прочитайте отзывы о магазине на независимых площадках, а не только на самом сайте.
- Не переходите по ссылкам на оплату из писем и сообщений незнакомых людей.

## Во время оплаты
- Никому не сообщайте код из SMS: сотрудники поддержки его **никогда** не спрашивают.
- Оплачивайте через страницу оплаты магазина, а не переводом «на кошелёк продавца» по просьбе в чате.
- Сохраните номер заказа и чек: они понадобятся, если придётся разбираться.

## Если что-то пошло не так
Если деньги списались, а товара нет, сначала напишите продавцу. Если он не отвечает, [напишите в поддержку](/contact) и приложите номер операции и переписку с продавцом.`,
  },
  {
    slug: 'proverka-prodavca',
    title: 'Проверка продавца',
    body: `Перед тем как платить незнакомому продавцу, потратьте пять минут на проверку.

1. Найдите реквизиты продавца: название организации или ИП, ИНН, адрес. У честного магазина они есть на сайте.
2. Проверьте, сколько лет сайту и есть ли у магазина живые отзывы с датами.
3. Сравните цену с другими магазинами: цена намного ниже рынка — частый признак обмана.
4. Спросите продавца о доставке и возврате. Уклончивые ответы и спешка («только сегодня») — повод насторожиться.
5. Не соглашайтесь на предоплату 100 % частному лицу, которого не знаете.

Если вы уже заплатили мошеннику, не ждите: [сообщите в службу безопасности](/contact) как можно скорее — чем раньше, тем больше шансов остановить перевод.`,
  },
  {
    slug: 'terminal-ne-vydal-chek',
    title: 'Что делать, если терминал не выдал чек',
    body: `Чек нужен, чтобы найти платёж, если деньги не дошли. Если терминал его не напечатал, платёж всё равно можно найти.

## Что записать сразу
- Номер терминала — он написан на наклейке на корпусе или на экране.
- Адрес, где стоит терминал.
- Дату и точное время платежа.
- Сумму, которую вы внесли, и номер телефона или кошелька, который пополняли.

## Что делать дальше
Подождите до 24 часов: обычно платёж проходит, даже если чек не напечатался. Если деньги так и не поступили, [оформите обращение](/contact) в разделе о платежах через терминалы и укажите всё, что записали. Сфотографируйте терминал с номером — это ускорит поиск.

Не вносите платёж повторно, пока первый не найден: так вы рискуете заплатить дважды.`,
  },
];

const t = (ru: string, uk: string, en: string): NoticeText => ({ ru, uk, en });

/** Notices relative to the seed time: one past, one now (the banner shows in the demo), one upcoming. */
export function demoNotices(now: Date) {
  const at = (ms: number) => new Date(now.getTime() + ms);
  return [
    {
      severity: 'maintenance' as const,
      audience: 'all' as const,
      startsAt: at(-7 * DAY),
      endsAt: at(-7 * DAY + 2 * HOUR),
      title: t('Обновление платёжной системы', 'Оновлення платіжної системи', 'Payment system upgrade'),
      body: t(
        'Переводы и пополнения через терминалы могли проходить с задержкой до 30 минут. Все платежи зачислены.',
        'Перекази та поповнення через термінали могли проходити із затримкою до 30 хвилин. Усі платежі зараховано.',
        'Transfers and terminal top-ups could be delayed by up to 30 minutes. All payments have been credited.',
      ),
    },
    {
      severity: 'maintenance' as const,
      audience: 'customer' as const,
      startsAt: at(-2 * HOUR),
      endsAt: at(14 * DAY),
      title: t('Обновление SMS-уведомлений', 'Оновлення SMS-повідомлень', 'SMS notifications upgrade'),
      body: t(
        'Мы обновляем систему SMS-уведомлений. Коды подтверждения могут приходить с задержкой до 5 минут. Не запрашивайте код повторно чаще раза в минуту.',
        'Ми оновлюємо систему SMS-повідомлень. Коди підтвердження можуть надходити із затримкою до 5 хвилин. Не запитуйте код повторно частіше ніж раз на хвилину.',
        'We are upgrading the SMS notification system. Confirmation codes may take up to 5 minutes. Do not request a new code more than once a minute.',
      ),
    },
    {
      severity: 'maintenance' as const,
      audience: 'all' as const,
      startsAt: at(3 * DAY),
      endsAt: at(3 * DAY + 3 * HOUR),
      title: t(
        'Ночные работы на сервере переводов',
        'Нічні роботи на сервері переказів',
        'Night-time work on the transfer server',
      ),
      body: t(
        'С 02:00 до 05:00 (МСК) переводы между кошельками могут быть недоступны. Платежи через терминалы будут зачислены после окончания работ.',
        'З 02:00 до 05:00 (МСК) перекази між гаманцями можуть бути недоступні. Платежі через термінали буде зараховано після завершення робіт.',
        'From 02:00 to 05:00 (Moscow time) wallet transfers may be unavailable. Terminal payments will be credited once the work is over.',
      ),
    },
  ];
}

/** Adds the demo wiki members, pages and notices that are missing. Returns how many rows it added. */
export async function seedWikiAndNotices(db: Database, now = new Date()): Promise<{ added: number }> {
  let added = 0;
  const ids: Record<string, string> = {};
  for (const m of DEMO_WIKI_MEMBERS) {
    const [existing] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(sql`lower(${customers.email}) = ${m.email}`)
      .limit(1);
    if (existing) {
      ids[m.email] = existing.id;
      continue;
    }
    const [row] = await db
      .insert(customers)
      .values({
        email: m.email,
        phone: m.phone,
        name: m.name,
        passwordHash: await hashPassword(m.password),
        createdAt: new Date(now.getTime() - m.ageDays * DAY),
      })
      .onConflictDoNothing()
      .returning({ id: customers.id });
    if (!row) continue;
    ids[m.email] = row.id;
    await db.insert(wikiMembers).values({ customerId: row.id, identityVerified: m.identityVerified }).onConflictDoNothing();
    added += 2;
  }
  const author = ids[DEMO_WIKI_MEMBERS[0].email] ?? null;
  for (const p of DEMO_WIKI_PAGES) {
    const [page] = await db
      .insert(wikiPages)
      .values({ slug: p.slug, locale: 'ru', title: p.title, body: p.body, revision: 1 })
      .onConflictDoNothing()
      .returning({ id: wikiPages.id });
    if (!page) continue;
    await db.insert(wikiRevisions).values({
      pageId: page.id,
      number: 1,
      title: p.title,
      body: p.body,
      kind: 'create',
      summary: 'Первая версия',
      authorCustomerId: author,
    });
    added += 2;
  }
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(notices);
  if (n === 0) {
    const rows = await db.insert(notices).values(demoNotices(now)).returning({ id: notices.id });
    added += rows.length;
  }
  return { added };
}
