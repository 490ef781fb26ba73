/**
 * The virtual consultant: answers a question with a short guide from the best help article,
 * up to three links, the catalogue leaf to write to; offers the likeliest articles with low
 * confidence («Возможно, подойдёт…») when none is clearly the answer; hands off to a person (the
 * contact wizard until live chat exists) when asked to or when nothing is near. Offline: search
 * and patterns only. Every question is kept (bot_questions) so authors see what it could not answer.
 */
import type { Locale } from '../../../common/errors';
import { maskText } from '../../../common/pii';
import type { AppContext, RequestMeta } from '../../context';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { withTransaction } from '../../platform/outbox';
import { normalize, proposePhrasing, rankArticles, type RankedHit, variantExists } from '../kb';
import { findCategory, type BotAudience, type BotCategory } from './bot.leaves';
import { questionGroup, questionLog, setTriage, type Outcome } from './bot.repo';
import { asksForPerson, closingHint, firstSentences, phrase, smallTalk, stripGreeting, withoutHandoffWords } from './bot.text';

export type { BotAudience, BotCategory, Outcome };
/** 'high': the answer; 'low': offered as «Возможно, подойдёт…»; 'none': nothing to offer. */
export type Confidence = 'high' | 'low' | 'none';
export type BotAnswer = {
  conversationId: string;
  answer: string;
  /** `locale`: the article variant's language (Russian for a fallback: kb.search.ts `rank`). */
  articles: Array<{ slug: string; locale: Locale; title: string; url: string }>;
  category?: BotCategory;
  handoff: boolean;
  confidence: Confidence;
  /** How the question was taken (recorded with it; the evaluation scores it). */
  outcome: Outcome;
};

/**
 * When the best article is the answer (confidence 'high'): it has at least HIGH_COVERAGE of the
 * question's weighted words, and enough of them (HIGH_MATCHED: one common word is not enough),
 * or one of its phrasings matches the question at least HIGH_PHRASING. Below that, a best hit
 * scoring LOW_SCORE is offered with confidence 'low' («Возможно, подойдёт…»); under that floor
 * the consultant hands off. Tuned on the development part of the evaluation set
 * (server/modules/bot/eval), measured on its frozen test part (docs/KB-SEARCH.md).
 */
export const HIGH_COVERAGE = 0.7;
export const HIGH_MATCHED = 3;
export const HIGH_PHRASING = 0.6;
export const LOW_SCORE = 0.6;

const articleUrl = (audience: BotAudience, slug: string) =>
  `${audience === 'agent' ? '/agents/help' : '/help'}/${encodeURIComponent(slug)}`;

/** How sure the consultant is that the best hit answers the question. */
export function confidenceOf(best: RankedHit | undefined): Confidence {
  if (!best) return 'none';
  if ((best.coverage >= HIGH_COVERAGE && best.matched >= HIGH_MATCHED) || best.phrasing >= HIGH_PHRASING) return 'high';
  return best.score >= LOW_SCORE ? 'low' : 'none';
}

/** Answers one question and records it. */
export async function ask(
  db: Database,
  input: { text: string; locale: Locale; conversationId?: string; audience?: BotAudience },
): Promise<BotAnswer> {
  const { locale } = input;
  const audience = input.audience ?? 'customer';
  const text = input.text.trim();
  const talk = smallTalk(text);
  let outcome: Outcome;
  let confidence: Confidence = 'none';
  let reply: Omit<BotAnswer, 'conversationId' | 'outcome' | 'confidence'>;
  let best: RankedHit | undefined;

  if (talk) {
    outcome = talk;
    reply = { answer: phrase(locale, talk), articles: [], handoff: false };
  } else {
    const question = stripGreeting(text);
    const person = asksForPerson(question);
    const topic = person ? withoutHandoffWords(question) : question;
    // A question is complete: its last word is not a prefix being typed.
    const hits = await rankArticles(db, { q: topic, locale, limit: 3, audience }, { prefix: false });
    best = hits[0];
    confidence = confidenceOf(best);
    const category = await findCategory(db, topic, locale, confidence === 'high' ? best : undefined, audience);
    // The answer's companions must be near it; offered with low confidence, the three likeliest.
    const articles = (
      confidence === 'high'
        ? hits.filter((h) => h === best || h.score >= best!.score * 0.6)
        : confidence === 'low'
          ? hits.filter((h) => h.score >= LOW_SCORE * 0.8)
          : []
    ).map((h) => ({ slug: h.slug, locale: h.locale, title: h.title, url: articleUrl(audience, h.slug) }));
    const handoffText = category ? phrase(locale, 'handoffCategory', { category: category.name }) : phrase(locale, 'handoff');
    if (person) {
      outcome = 'handoff';
      reply = { answer: handoffText, articles, ...(category ? { category } : {}), handoff: true };
    } else if (confidence === 'none') {
      outcome = 'unanswered';
      reply = {
        answer: `${phrase(locale, 'unknown')} ${handoffText}`.trim(),
        articles: [],
        ...(category ? { category } : {}),
        handoff: true,
      };
    } else if (confidence === 'low') {
      // Not sure: the likeliest articles, said so, and the way to a person beside them.
      outcome = 'unsure';
      const hint = category
        ? ` ${phrase(locale, 'categoryHint', { category: category.name })}`
        : ` ${phrase(locale, 'unsureHint')}`;
      reply = { answer: `${phrase(locale, 'maybe')}${hint}`, articles, ...(category ? { category } : {}), handoff: false };
    } else {
      outcome = 'answered';
      const guide = firstSentences(best!.summary);
      const tail = articles.length > 1 ? ` ${phrase(locale, 'moreLinks')}` : '';
      const hint = category ? ` ${phrase(locale, closingHint(guide), { category: category.name })}` : '';
      reply = { answer: `${guide}${tail}${hint}`, articles, ...(category ? { category } : {}), handoff: false };
    }
  }

  const log = questionLog(db);
  const conversationId = await log.conversation(input.conversationId, locale);
  const kept = maskText(text).text; // passport and card numbers never reach the log, only their masks
  log.add({
    conversationId,
    locale,
    text: kept.slice(0, 500),
    normalized: normalize(kept).slice(0, 200),
    outcome,
    topSlug: best?.slug ?? null,
    score: best ? best.score : null,
    at: new Date(),
  });
  return { conversationId, ...reply, confidence, outcome };
}

type Staff = { id: string };

/**
 * The learning loop: a group of unanswered questions attached to an article becomes a phrasing
 * proposal of that article's variant in the question's language (accepted or rejected in the
 * editor), or is marked as needing a new article. Audited, one transaction.
 */
export async function triageQuestion(
  ctx: AppContext,
  staff: Staff,
  input: { locale: Locale; normalized: string; decision: 'attach' | 'needs_article'; slug?: string },
  meta: RequestMeta,
): Promise<{ status: 'attached' | 'needs_article'; proposalId: string | null }> {
  return withTransaction(ctx, async (tx) => {
    const group = await questionGroup(tx, input.locale, input.normalized);
    if (!group) throw new AppError('NOT_FOUND');
    let proposalId: string | null = null;
    if (input.decision === 'attach') {
      const slug = input.slug ?? '';
      if (!slug || !(await variantExists(tx, slug, input.locale)))
        throw new AppError('VALIDATION_FAILED', {
          // The text in the reader's language comes from BOT_ISSUE_TEXTS by the code.
          fields: { slug: { code: 'bot.unknown_article' } },
        });
      proposalId = await proposePhrasing(tx, {
        slug,
        locale: input.locale,
        text: group.text,
        asked: group.count,
        staffId: staff.id,
      });
    }
    const status = input.decision === 'attach' ? 'attached' : 'needs_article';
    await setTriage(tx, {
      locale: input.locale,
      normalized: input.normalized,
      status,
      slug: input.slug ?? null,
      staffId: staff.id,
    });
    await recordAudit(tx, {
      actor: { kind: 'staff', id: staff.id },
      action: status === 'attached' ? 'bot.question_attached' : 'bot.question_needs_article',
      entityType: 'bot_question',
      entityId: null,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { locale: input.locale, ...(input.slug ? { slug: input.slug } : {}), count: group.count },
    });
    return { status, proposalId };
  });
}
