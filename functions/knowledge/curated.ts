import type { CuratedEntry } from './index-file';
import { foldText, tokenize } from '../shared/words';
import type { TextAnalyzer } from './text-analysis';

/** A question close enough to a document's title or listed question to answer with the curated text as is. */
export interface CuratedMatch {
  docId: string;
  title: string;
  /** The curated answer, Markdown. */
  text: string;
  /** The short answer: the matched question's own when it has one, else the document's voice line. */
  voice?: string;
  /** Word overlap with the closest phrasing, 0..1 (1: the same content words). */
  confidence: number;
}

/**
 * The rule, tuned on the paraphrases and near misses in test/functions/knowledge/curated-answer.test.ts:
 * - compare the content words (stop words out, stemmed) of the question with those of each phrasing (title and
 *   listed questions) of each document: similarity = shared words / all distinct words of both (Jaccard);
 * - the best document must reach CURATED_MIN_SIMILARITY, 3 shared words of 4 or better. Two of three is not
 *   enough: "can I return a gift card" shares "return" and "gift" with "How do I return a gift?", whose answer
 *   is wrong for gift cards;
 * - and lead the runner-up document by CURATED_MIN_MARGIN: "return without receipt" is 0.75 from both the
 *   return policy and the gift returns documents, a question for retrieval and the model;
 * - a phrasing with a single content word ("When will I get my refund?") matches only word for word, stop words
 *   included: otherwise every question saying just "refund" would get that answer.
 * Matching is exact on stems, without fuzziness: a misspelt question falls back to retrieval, which tolerates
 * typos, rather than risk the wrong verbatim answer.
 */
export const CURATED_MIN_SIMILARITY = 0.75;
export const CURATED_MIN_MARGIN = 0.2;

/** A word as the matcher compares it: its search terms; two words are the same when they share a term. */
type Word = readonly string[];

interface Phrasing {
  words: Word[];
  singleWord: boolean;
  /** Every word, stop words included, folded: for phrasings that only match word for word. */
  literal: string;
}

interface Candidate {
  entry: CuratedEntry;
  phrasings: Phrasing[];
}

export type CuratedMatcher = (question: string) => CuratedMatch | undefined;

/**
 * Search terms that mean the same, from the locale's synonym groups (one-word members): each maps to its
 * group's key, which a word then carries as one more term, so "¿mandan a Canadá?" is "¿Envían a Canadá?".
 */
export type SameMeaning = Readonly<Record<string, string>>;

function phrasingOf(text: string, analyzer: TextAnalyzer, sameMeaning: SameMeaning): Phrasing {
  const words = distinctWords(
    analyzer.words(text).map((terms) => {
      const groups = terms.flatMap((term) =>
        Object.hasOwn(sameMeaning, term) ? [sameMeaning[term] ?? term] : [],
      );
      return groups.length === 0 ? terms : [...terms, ...groups];
    }),
  );
  return { words, singleWord: words.length === 1, literal: tokenize(foldText(text)).join(' ') };
}

export function createCuratedMatcher(
  entries: readonly CuratedEntry[],
  analyzer: TextAnalyzer,
  sameMeaning: SameMeaning = {},
): CuratedMatcher {
  const candidates: Candidate[] = entries.map((entry) => ({
    entry,
    phrasings: [entry.title, ...entry.questions].map((text) => phrasingOf(text, analyzer, sameMeaning)),
  }));
  return (question) => {
    const asked = phrasingOf(question, analyzer, sameMeaning);
    if (asked.words.length === 0) return undefined;
    let best: { candidate: Candidate; similarity: number; phrasing: number } | undefined;
    let runnerUp = 0;
    for (const candidate of candidates) {
      const similarities = candidate.phrasings.map((phrasing) => phrasingSimilarity(asked, phrasing));
      const similarity = Math.max(...similarities);
      if (!best || similarity > best.similarity) {
        runnerUp = best?.similarity ?? 0;
        best = { candidate, similarity, phrasing: similarities.indexOf(similarity) };
      } else if (similarity > runnerUp) {
        runnerUp = similarity;
      }
    }
    if (!best || best.similarity < CURATED_MIN_SIMILARITY || best.similarity - runnerUp < CURATED_MIN_MARGIN)
      return undefined;
    const { entry } = best.candidate;
    // Phrasing 0 is the title; the listed questions follow it.
    const matchedQuestion = best.phrasing > 0 ? entry.questions[best.phrasing - 1] : undefined;
    const voice =
      entry.questionAnswers?.find((pair) => pair.question === matchedQuestion)?.answer ?? entry.voice;
    return {
      docId: entry.docId,
      title: entry.title,
      text: entry.text,
      ...(voice === undefined ? {} : { voice }),
      confidence: best.similarity,
    };
  };
}

function phrasingSimilarity(asked: Phrasing, phrasing: Phrasing): number {
  if (phrasing.singleWord) return asked.literal === phrasing.literal ? 1 : 0;
  return wordSimilarity(asked.words, phrasing.words);
}

/** Jaccard similarity of two texts' words, where words sharing a search term count as one. */
export function wordSimilarity(wordsA: readonly Word[], wordsB: readonly Word[]): number {
  const a = distinctWords(wordsA);
  const b = distinctWords(wordsB);
  if (a.length === 0 || b.length === 0) return 0;
  const shared = Math.min(countFoundIn(a, b), countFoundIn(b, a));
  return shared / (a.length + b.length - shared);
}

function countFoundIn(words: readonly Word[], other: readonly Word[]): number {
  return words.filter((word) => other.some((candidate) => sameWord(word, candidate))).length;
}

function sameWord(a: Word, b: Word): boolean {
  return a.some((term) => b.includes(term));
}

function distinctWords(words: readonly Word[]): Word[] {
  const distinct: Word[] = [];
  for (const word of words) if (!distinct.some((seen) => sameWord(seen, word))) distinct.push(word);
  return distinct;
}

/** How close a question is to one phrasing (title or listed question) of a document. */
export interface PhrasingSimilarity {
  docId: string;
  phrasing: string;
  similarity: number;
}

/** The `count` phrasings closest to the question, one per document, most similar first: why it got no curated answer. */
export function closestPhrasings(
  entries: readonly CuratedEntry[],
  analyzer: TextAnalyzer,
  question: string,
  count: number,
  sameMeaning: SameMeaning = {},
): PhrasingSimilarity[] {
  const asked = phrasingOf(question, analyzer, sameMeaning);
  return entries
    .map((entry) => {
      const scored = [entry.title, ...entry.questions].map((phrasing) => ({
        docId: entry.docId,
        phrasing,
        similarity: phrasingSimilarity(asked, phrasingOf(phrasing, analyzer, sameMeaning)),
      }));
      return scored.reduce((best, next) => (next.similarity > best.similarity ? next : best));
    })
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, count);
}
