import type { Options, SearchOptions } from 'minisearch';
import type { KnowledgeLocaleId } from './languages';
import { textAnalyzer } from './text-analysis';

/** A passage as MiniSearch indexes it: the document's title and questions travel with every passage. */
export interface IndexedPassage {
  id: string;
  title: string;
  questions: string;
  headings: string;
  tags: string;
  text: string;
  /** Other words for the words the passage uses, from the locale's synonym groups (synonyms.ts). */
  synonyms: string;
}

const FIELDS: (keyof IndexedPassage)[] = ['title', 'questions', 'headings', 'tags', 'text', 'synonyms'];

/**
 * Fuzzy and prefix matching only on longer terms: one edit turns a four-letter stem into many other words
 * ("ship", "shop", "chip"), and a short prefix matches half the vocabulary. From seven letters two edits are
 * allowed, which a swapped pair of letters takes ("reciept").
 */
const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3, questions: 2, headings: 1.5, tags: 1.2, synonyms: 0.6 },
  fuzzy: (term) => (term.length >= 7 ? 0.3 : term.length >= 5 ? 0.2 : false),
  prefix: (term) => term.length >= 4,
  combineWith: 'OR',
};

/** The same options must build and load an index, so both sides take them from here. */
export function passageIndexOptions(localeId: KnowledgeLocaleId): Options<IndexedPassage> {
  const analyzer = textAnalyzer(localeId);
  return {
    idField: 'id',
    fields: FIELDS,
    tokenize: (text) => analyzer.tokens(text),
    processTerm: (term) => analyzer.terms(term),
    searchOptions: SEARCH_OPTIONS,
  };
}
