import MiniSearch from 'minisearch';
import {
  closestPhrasings,
  createCuratedMatcher,
  type CuratedMatch,
  type CuratedMatcher,
  type PhrasingSimilarity,
  type SameMeaning,
} from './curated';
import type { KnowledgeAudience } from './audience';
import {
  InvalidKnowledgeIndexError,
  type AudienceKnowledge,
  type CuratedEntry,
  type KnowledgeIndexFile,
  type StoredPassage,
} from './index-file';
import { isKnowledgeLocaleId, KNOWLEDGE_LANGUAGES, type KnowledgeLocaleId } from './languages';
import { passageIndexOptions, type IndexedPassage } from './search-options';
import { textAnalyzer, type TextAnalyzer } from './text-analysis';

export type { CuratedMatch } from './curated';

export interface RetrieveOptions {
  localeId: string;
  audience: KnowledgeAudience;
  /** Most passages returned; default DEFAULT_PASSAGE_LIMIT. */
  limit?: number;
}

export interface RetrievedPassage {
  id: string;
  docId: string;
  title: string;
  text: string;
  /**
   * 0..1, the order of the results: the share of the question's content words the passage matched, times its
   * raw score relative to the best raw score (Lucene's classic "coord" factor on BM25). Words count by how
   * rare they are among the passages, and a word matched only by spelling tolerance or as a prefix counts
   * for less than the word itself: asked "¿reciben cheques?", the one passage with "cheques" beats the many
   * with "recibo". 1 is the top raw score matching every word.
   */
  score: number;
  /** MiniSearch's BM25 score; comparable only within one question. */
  rawScore: number;
  audience: KnowledgeAudience;
}

/** A passage with the indexed terms it matched and the fields they were found in. */
export interface ExplainedPassage extends RetrievedPassage {
  matches: { term: string; fields: string[] }[];
}

/** Why a question finds what it finds, for FAQ owners (`npm run knowledge:explain`). */
export interface RetrievalExplanation {
  /** The question's content words as search terms, with how much each counts (rarer counts more). */
  words: { terms: string[]; weight: number }[];
  /** Every passage that matched, best first. */
  passages: ExplainedPassage[];
  /** The curated answer the question gets, if any. */
  curated?: CuratedMatch;
  /** The title or listed questions closest to the question, with their similarity. */
  closestPhrasings: PhrasingSimilarity[];
}

export interface Retriever {
  /** Passages for the question, best first; none for a locale without knowledge. */
  retrieve(query: string, options: RetrieveOptions): RetrievedPassage[];
  /** The curated answer when the question is, in substance, one a document lists (see curated.ts). */
  curatedAnswer(query: string, options: Omit<RetrieveOptions, 'limit'>): CuratedMatch | undefined;
}

/** The retriever the tools get: it can also say why. */
export interface ExplainingRetriever extends Retriever {
  /** Everything retrieve and curatedAnswer decide for a question, and why. */
  explain(query: string, options: Omit<RetrieveOptions, 'limit'>): RetrievalExplanation;
}

export const DEFAULT_PASSAGE_LIMIT = 5;

/**
 * The least retrieval score (the share of the question's content words a passage matches, scaled by its
 * rank; see RetrievedPassage.score) for a passage to reach the prompt. Low on purpose: the model is told to
 * decline when the passages do not answer, so a borderline passage costs a few tokens, while a missing one
 * costs the answer. Nothing at or above it means there is nothing to ground an answer in.
 */
export const MIN_PASSAGE_SCORE = 0.25;

/** Lex accepts at most 1024 characters of text input; a longer "question" is cut before any work is done. */
const MAX_QUERY_LENGTH = 1024;

interface AudienceView {
  search: MiniSearch<IndexedPassage>;
  passages: ReadonlyMap<string, StoredPassage>;
  curated: CuratedMatcher;
  answers: readonly CuratedEntry[];
  sameMeaning: SameMeaning;
  analyzer: TextAnalyzer;
  /** Word weights by search terms (wordWeight), bounded so arbitrary questions cannot grow it without end. */
  wordWeights: Map<string, number>;
  /** Search terms of the language's purchase words, which count for nothing when no passage has them. */
  purchaseTerms: ReadonlySet<string>;
}

/**
 * Each locale and audience is loaded on its first question: a container mostly serves one of them, and loading
 * (MiniSearch, stemming the curated phrasings) is most of a cold start's knowledge cost.
 */
export function createRetriever(index: KnowledgeIndexFile): ExplainingRetriever {
  const views = new Map<string, AudienceView>();
  const viewFor = (localeId: string, audience: KnowledgeAudience): AudienceView | undefined => {
    if (!isKnowledgeLocaleId(localeId)) return undefined;
    const key = viewKey(localeId, audience);
    const loaded = views.get(key);
    if (loaded) return loaded;
    const knowledge = index.locales[localeId]?.[audience];
    if (!knowledge) return undefined;
    const view = loadView(localeId, audience, knowledge);
    views.set(key, view);
    return view;
  };

  return {
    retrieve(query, { localeId, audience, limit = DEFAULT_PASSAGE_LIMIT }) {
      const view = viewFor(localeId, audience);
      if (!view) return [];
      return rankPassages(view, query.slice(0, MAX_QUERY_LENGTH))
        .passages.slice(0, Math.max(0, limit))
        .map(({ matches: _matches, ...passage }) => passage);
    },
    explain(query, { localeId, audience }) {
      const view = viewFor(localeId, audience);
      const question = query.slice(0, MAX_QUERY_LENGTH);
      if (!view) return { words: [], passages: [], closestPhrasings: [] };
      const curated = view.curated(question);
      return {
        ...rankPassages(view, question),
        ...(curated ? { curated } : {}),
        closestPhrasings: closestPhrasings(
          view.answers,
          view.analyzer,
          question,
          CLOSEST_PHRASINGS,
          view.sameMeaning,
        ),
      };
    },
    curatedAnswer(query, { localeId, audience }) {
      return viewFor(localeId, audience)?.curated(query.slice(0, MAX_QUERY_LENGTH));
    },
  };
}

const CLOSEST_PHRASINGS = 3;
const WORD_WEIGHT_CACHE_SIZE = 10_000;

/** A word found only by spelling tolerance or as a prefix ("recib" in "recibo") is weaker evidence. */
const LOOSE_MATCH = 0.7;

/**
 * How much a question word tells passages apart: inverse document frequency over the passages that contain
 * one of its terms as such. A word no passage contains weighs the most, since a passage matching it (by
 * spelling tolerance) is rare too.
 */
function wordWeight(view: AudienceView, terms: readonly string[]): number {
  const key = terms.join(' ');
  const known = view.wordWeights.get(key);
  if (known !== undefined) return known;
  const total = view.search.documentCount;
  const containing = new Set<string>();
  const exactly = { fuzzy: false, prefix: false, processTerm: (word: string) => word };
  for (const term of terms) {
    for (const result of view.search.search(term, exactly)) containing.add(String(result.id));
  }
  const weight = Math.log(1 + total / (1 + containing.size));
  // A container answers many questions in the same few hundred words: each word's weight is worked out once.
  if (view.wordWeights.size < WORD_WEIGHT_CACHE_SIZE) view.wordWeights.set(key, weight);
  return weight;
}

/** Every passage matching the question, best first, with what each matched (see RetrievedPassage.score). */
function rankPassages(view: AudienceView, question: string): Omit<RetrievalExplanation, 'closestPhrasings'> {
  const analyzed = view.analyzer.words(question);
  if (analyzed.length === 0) return { words: [], passages: [] };
  // All matches are scored before the cut: a passage matching every word may rank low on BM25 alone.
  const results = view.search.search(question);
  const topScore = results[0]?.score ?? 0;
  const words = analyzed.map((terms) => ({ terms, weight: wordWeight(view, terms) }));
  const totalWeight = countedWeight(words, results, view.purchaseTerms);
  const passages = results.map((result): ExplainedPassage => {
    // Every indexed id has its passage: loadView checks it.
    const passage = view.passages.get(String(result.id)) as StoredPassage;
    const matched = words.reduce((sum, { terms, weight }) => {
      const exact = terms.some((term) => result.terms.includes(term));
      const loose = !exact && terms.some((term) => result.queryTerms.includes(term));
      return sum + weight * (exact ? 1 : loose ? LOOSE_MATCH : 0);
    }, 0);
    const coverage = totalWeight === 0 ? 0 : matched / totalWeight;
    return {
      id: passage.id,
      docId: passage.docId,
      title: passage.title,
      text: passage.text,
      score: coverage * (result.score / topScore),
      rawScore: result.score,
      audience: passage.audience,
      matches: Object.entries(result.match).map(([term, fields]) => ({ term, fields })),
    };
  });
  passages.sort((a, b) => b.score - a.score || b.rawScore - a.rawScore);
  return { words, passages };
}

/**
 * At most this many question words that no passage matched at all count against coverage. Such words
 * ("three months ago") cannot tell articles apart; counted in full, a long story around a question sinks every
 * article below the cut alike. What was bought does not count at all (KnowledgeLanguage.purchaseWords).
 */
const MAX_UNMATCHED_WORDS_COUNTED = 2;

/** The weight coverage is a share of: every matched word, and the heaviest few words nothing matched. */
function countedWeight(
  words: readonly { terms: readonly string[]; weight: number }[],
  results: readonly { queryTerms: readonly string[] }[],
  purchaseTerms: ReadonlySet<string>,
): number {
  const matchedByAny = (terms: readonly string[]) =>
    results.some((result) => terms.some((term) => result.queryTerms.includes(term)));
  const unmatched = words
    .filter(({ terms }) => !matchedByAny(terms) && !terms.every((term) => purchaseTerms.has(term)))
    .map(({ weight }) => weight)
    .sort((a, b) => b - a);
  const matched = words.filter(({ terms }) => matchedByAny(terms));
  return (
    matched.reduce((sum, { weight }) => sum + weight, 0) +
    unmatched.slice(0, MAX_UNMATCHED_WORDS_COUNTED).reduce((sum, weight) => sum + weight, 0)
  );
}

function viewKey(localeId: string, audience: KnowledgeAudience): string {
  return `${localeId}/${audience}`;
}

function loadView(
  localeId: KnowledgeLocaleId,
  audience: KnowledgeAudience,
  knowledge: AudienceKnowledge,
): AudienceView {
  const analyzer = textAnalyzer(localeId);
  const passages = new Map(knowledge.passages.map((passage) => [passage.id, passage]));
  const missing = Object.values(knowledge.search.documentIds).filter((id) => !passages.has(String(id)));
  if (missing.length > 0) {
    throw new InvalidKnowledgeIndexError(
      `Invalid knowledge index: ${localeId} ${audience} search finds passages it does not store: ${missing.slice(0, 5).join(', ')}`,
    );
  }
  return {
    search: MiniSearch.loadJS(knowledge.search, passageIndexOptions(localeId)),
    passages,
    curated: createCuratedMatcher(knowledge.answers, analyzer, knowledge.sameMeaning),
    answers: knowledge.answers,
    sameMeaning: knowledge.sameMeaning,
    analyzer,
    wordWeights: new Map(),
    purchaseTerms: new Set(analyzer.words(KNOWLEDGE_LANGUAGES[localeId].purchaseWords.join(' ')).flat()),
  };
}
