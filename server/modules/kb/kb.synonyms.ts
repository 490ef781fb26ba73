import { ownIssue } from '../../issues';
/**
 * Synonyms customers use for the help centre's words (киви / кошелёк, смс / sms, бабки / деньги):
 * the starting set, and the admins' edits (each audited). Terms are stored normalised.
 */
import { asc, eq } from 'drizzle-orm';
import type { RequestMeta } from '../../context';
import type { Database, Executor } from '../../db/connection';
import { kbSynonyms } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { bumpVersion } from './kb.memory.sql';
import { addWords, forgetSynonyms } from './kb.search';
import { normalize } from './kb.text';

/** The starting groups (ru, uk, en); seeded once into an empty table, then the admins' to edit. */
export const DEFAULT_SYNONYMS: string[][] = [
  ['кошелек', 'киви', 'qiwi', 'кошель', 'гаманець', 'wallet'],
  ['учетная запись', 'аккаунт', 'акк', 'профиль', 'кошелек', 'личный кабинет', 'обліковий запис', 'акаунт', 'профіль'],
  ['техподдержка', 'поддержка', 'служба', 'саппорт', 'техпідтримка', 'підтримка', 'служба підтримки'],
  ['заявка', 'обращение', 'запрос', 'тикет', 'звернення', 'запит'],
  ['смс', 'sms', 'смска', 'эсэмэс', 'сообщение', 'повідомлення'],
  ['деньги', 'бабки', 'бабло', 'средства', 'гроші', 'кошти', 'money'],
  ['карта', 'карточка', 'картка', 'card'],
  [
    'пришла',
    'приходит',
    'пришел',
    'пришло',
    'пришли',
    'поступила',
    'поступили',
    'зачислили',
    'дошли',
    'дошла',
    'прийшла',
    'прийшли',
    'надходить',
    'надійшли',
  ],
  ['заблокировали', 'заблокирован', 'блокировка', 'блок', 'заблокували', 'заблоковано', 'блокування', 'blocked'],
  ['взломали', 'взлом', 'украли', 'хакнули', 'зламали', 'злам', 'hacked'],
  ['приложение', 'прога', 'программа', 'приложуха', 'прилага', 'апп', 'застосунок', 'додаток', 'програма', 'app'],
  ['терминал', 'автомат', 'аппарат', 'термінал', 'terminal'],
  ['чек', 'квитанция', 'квитанція', 'бумажка', 'распечатка', 'receipt'],
  ['купюра', 'банкнота', 'пятисотка', 'тысячная', 'косарь', 'соточка', 'bill'],
  ['наличные', 'наличка', 'нал', 'кэш', 'готівка', 'готівку', 'cash'],
  ['мошенник', 'мошенники', 'аферист', 'разводила', 'лохотрон', 'шахрай', 'шахраї', 'scam'],
  ['уведомление', 'оповещение', 'пуш', 'push', 'сповіщення', 'notification'],
  ['обратиться', 'связаться', 'достучаться', 'звернутися', 'зв’язатися', 'contact'],
  ['пароль', 'пасс', 'password'],
  ['пинкод', 'пин', 'пін', 'пінкод', 'pin'],
  ['идентификация', 'верификация', 'ідентифікація', 'верифікація', 'verification'],
  ['ошиблись', 'ошибся', 'ошиблась', 'перепутал', 'перепутала', 'помилився', 'помилилася', 'переплутав', 'переплутала'],
  [
    'пополнить',
    'пополнил',
    'закинуть',
    'закинул',
    'кинул',
    'внести',
    'внес',
    'поповнити',
    'поповнив',
    'закинути',
    'закинув',
    'top up',
  ],
  ['съел', 'проглотил', 'зажевал', 'сожрал', 'зїв', 'проковтнув', 'зажував'],
  ['завис', 'зависла', 'тупит', 'тормозит', 'глючит', 'підвис', 'гальмує'],
  ['сбой', 'глюк', 'баг', 'збій', 'bug'],
  ['выписка', 'справка', 'виписка', 'довідка', 'statement'],
  ['жалоба', 'претензия', 'рекламация', 'скарга', 'претензія', 'complaint'],
  ['чужой', 'посторонний', 'незнакомый', 'чужий', 'сторонній', 'stranger'],
  ['защитить', 'обезопасить', 'уберечь', 'захистити', 'убезпечити', 'protect'],
  ['вывод', 'вывести', 'снять', 'обналичить', 'виведення', 'вивести', 'withdrawal'],
  ['перевод', 'переказ', 'transfer'],
  ['телефон', 'мобильный', 'мобилка', 'мобільний'],
];

export type SynonymDto = { id: string; terms: string[]; updatedAt: string };

const present = (r: typeof kbSynonyms.$inferSelect): SynonymDto => ({
  id: r.id,
  terms: r.terms,
  updatedAt: r.updatedAt.toISOString(),
});

/** Normalises, de-duplicates and checks the terms of a group (two or more, each one to three words). */
export function cleanTerms(terms: string[]): string[] {
  const out = [...new Set(terms.map((t) => normalize(t)).filter(Boolean))];
  if (out.length < 2) throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'terms'], 'kb.synonyms_too_few')] });
  if (out.some((t) => t.split(' ').length > 3 || t.length > 40))
    throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'terms'], 'kb.synonyms_too_long')] });
  return out;
}

/** Seeds the starting groups when there are none (the admins' deletions are left alone otherwise). */
export async function seedSynonyms(db: Executor): Promise<number> {
  if ((await db.select({ id: kbSynonyms.id }).from(kbSynonyms).limit(1)).length > 0) return 0;
  await db.insert(kbSynonyms).values(DEFAULT_SYNONYMS.map((terms) => ({ terms: terms.map(normalize) })));
  await addWords(db, DEFAULT_SYNONYMS.flat().join(' '));
  await db.execute(bumpVersion());
  return DEFAULT_SYNONYMS.length;
}

export async function listSynonyms(db: Executor): Promise<SynonymDto[]> {
  return (await db.select().from(kbSynonyms).orderBy(asc(kbSynonyms.createdAt), asc(kbSynonyms.id))).map(present);
}

type Actor = { id: string };

export async function createSynonym(db: Database, actor: Actor, meta: RequestMeta, terms: string[]): Promise<SynonymDto> {
  const clean = cleanTerms(terms);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(kbSynonyms).values({ terms: clean }).returning();
    await tx.execute(bumpVersion());
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'kb.synonym_created',
      entityType: 'kb_synonym',
      entityId: created!.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { terms: clean },
    });
    await addWords(tx, clean.join(' '));
    return created!;
  });
  forgetSynonyms(db);
  return present(row);
}

export async function updateSynonym(
  db: Database,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  terms: string[],
): Promise<SynonymDto> {
  const clean = cleanTerms(terms);
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(kbSynonyms).where(eq(kbSynonyms.id, id)).limit(1);
    if (!before) throw new AppError('NOT_FOUND');
    const [updated] = await tx
      .update(kbSynonyms)
      .set({ terms: clean, updatedAt: new Date() })
      .where(eq(kbSynonyms.id, id))
      .returning();
    await tx.execute(bumpVersion());
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'kb.synonym_updated',
      entityType: 'kb_synonym',
      entityId: id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { before: before.terms, after: clean },
    });
    await addWords(tx, clean.join(' '));
    return updated!;
  });
  forgetSynonyms(db);
  return present(row);
}

export async function deleteSynonym(db: Database, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(kbSynonyms).where(eq(kbSynonyms.id, id)).returning();
    if (!gone) throw new AppError('NOT_FOUND');
    await tx.execute(bumpVersion());
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'kb.synonym_deleted',
      entityType: 'kb_synonym',
      entityId: id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { terms: gone.terms },
    });
  });
  forgetSynonyms(db);
}
