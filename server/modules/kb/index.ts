// The help centre's public entry: what other modules (the bot, mail routing) may use.
export { proposePhrasing, variantExists } from './kb.phrasings';
export { rankArticles, type RankedHit } from './kb.search';
export { isStopWord, normalize, stemWord, stems, tokenize } from './kb.text';
