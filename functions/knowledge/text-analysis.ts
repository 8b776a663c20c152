import { foldText, tokenize } from '../shared/words';
import { STEMMERS } from './stemmers';
import { KNOWLEDGE_LANGUAGES, type KnowledgeLocaleId } from './languages';

/**
 * Reduces text to search terms, the same way for the index and for the question: lowercase, no diacritics,
 * no stop words, stemmed. Each word is kept as its list of terms so callers can count words, not terms.
 */
export interface TextAnalyzer {
  /** The content words of `text`, each as its search terms (one or two), in order. */
  words(text: string): string[][];
  /** The tokens of `text`, "$" before an amount read as the language's currency word: MiniSearch's `tokenize`. */
  tokens(text: string): string[];
  /** The search terms of one token, or null for a stop word: MiniSearch's `processTerm`. */
  terms(token: string): string[] | null;
}

/** Bounds the memory arbitrary questions can take; a locale's everyday vocabulary fits many times over. */
const STEM_CACHE_SIZE = 20_000;

const analyzers = new Map<KnowledgeLocaleId, TextAnalyzer>();

export function textAnalyzer(localeId: KnowledgeLocaleId): TextAnalyzer {
  let analyzer = analyzers.get(localeId);
  if (!analyzer) {
    analyzer = createAnalyzer(localeId);
    analyzers.set(localeId, analyzer);
  }
  return analyzer;
}

function createAnalyzer(localeId: KnowledgeLocaleId): TextAnalyzer {
  const language = KNOWLEDGE_LANGUAGES[localeId];
  const stemmer = STEMMERS[language.stemmer];
  const stopWords = new Set<string>(language.stopWords);
  const cache = new Map<string, string[] | null>();

  const terms = (token: string): string[] | null => {
    const cached = cache.get(token);
    if (cached !== undefined) return cached;
    const computed = termsOf(token, stemmer, stopWords);
    if (cache.size < STEM_CACHE_SIZE) cache.set(token, computed);
    return computed;
  };
  const tokens = (text: string): string[] =>
    tokenize(text.replace(AMOUNT_SIGN, ` ${language.currencyWord} `));
  return {
    terms,
    tokens,
    words: (text) => contentWords(tokens(text), terms),
  };
}

/** A dollar sign before an amount: "$5.99". */
const AMOUNT_SIGN = /\$(?=\d)/g;

function contentWords(tokens: readonly string[], terms: (token: string) => string[] | null): string[][] {
  const words: string[][] = [];
  for (const token of tokens) {
    const wordTerms = terms(token);
    if (wordTerms) words.push(wordTerms);
  }
  return words;
}

/**
 * Two stems when they differ: Spanish suffix rules need the accents people often leave out ("devolución"
 * stems to "devolu", "devolucion" does not), so a word is indexed and searched under the stem of its folded
 * spelling and the folded stem of its written spelling, and either spelling finds the other.
 */
function termsOf(
  token: string,
  stemmer: (word: string) => string,
  stopWords: ReadonlySet<string>,
): string[] | null {
  const folded = foldText(token);
  if (folded.length < 2 || stopWords.has(folded)) return null;
  const plainStem = stemmer(folded);
  const writtenStem = foldText(stemmer(token.toLowerCase()));
  return plainStem === writtenStem ? [plainStem] : [plainStem, writtenStem];
}
