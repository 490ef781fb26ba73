// The help centre's public entry: what other modules (the bot, mail routing) may use.
export { proposePhrasing, variantExists } from './kb.phrasings';
export { indexMissing, rankArticles, type RankedHit } from './kb.search';
export { seedSynonyms } from './kb.synonyms';
export { isStopWord, normalize, stemWord, stems, tokenize } from './kb.text';
