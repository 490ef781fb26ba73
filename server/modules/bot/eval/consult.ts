import type { Locale } from '../../../../common/errors';
import type { Database } from '../../../db/connection';
import { ask } from '../bot.service';
import type { EvalItem, Said } from './evalset';

/** Asks the consultant one evaluation question, as the portal's widget would (in `locale`, default the question's), and keeps what is scored. */
export async function consult(db: Database, item: EvalItem, locale: Locale = item.locale): Promise<Said> {
  const reply = await ask(db, { text: item.text, locale, audience: item.audience });
  const slugs = reply.articles.map((a) => a.slug);
  return {
    slugs,
    confidence: reply.confidence,
    handoff: reply.handoff,
    outcome: reply.outcome,
  };
}
