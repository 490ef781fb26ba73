import type { Locale } from '../../common/errors';
import { apiRequest } from './client';

/** `locale`: the article's language — Russian (marked «in Russian») when the asker's has none, or the question, typed in Russian, does not match theirs. */
export type BotArticle = { slug: string; locale: Locale; title: string; url: string };
export type BotCategory = { id: string; slug: string; name: string; url: string };
export type BotReply = {
  conversationId: string;
  answer: string;
  articles: BotArticle[];
  category?: BotCategory;
  handoff: boolean;
  /** 'high': the answer; 'low': the likeliest articles («Возможно, подойдёт…»); 'none': nothing near. */
  confidence: 'high' | 'low' | 'none';
};

export type BotAudience = 'customer' | 'agent';

/** Asks the virtual consultant; the conversation id of the previous answer continues the conversation. */
export async function askBot(
  text: string,
  locale: Locale,
  conversationId?: string,
  audience: BotAudience = 'customer',
): Promise<BotReply> {
  return (await apiRequest('POST', '/bot/ask', {
    text,
    locale,
    audience,
    ...(conversationId ? { conversationId } : {}),
  })) as BotReply;
}
