import type { PromptPassage } from '../../../functions/generative/contract';
import type { TextAnalyzer, Word } from '../../lex/nlu/analyzer';
import { splitSentences, type PassageSentence } from './sentences';

/** A content word of a question, as the passages are searched for it. */
export interface QueryTerm {
  /** As the customer wrote it, to quote back in a clarifying question. */
  written: string;
  stems: readonly string[];
  concepts: readonly string[];
}

/** A question word with its weight among these passages. */
export interface WeightedTerm extends QueryTerm {
  weight: number;
}

interface WordSet {
  stems: ReadonlySet<string>;
  concepts: ReadonlySet<string>;
}

export interface IndexedSentence extends PassageSentence {
  words: WordSet;
}

/** A word of the same synonym group ("parcel" for "package") is weaker evidence than the word itself. */
const SYNONYM_MATCH = 0.75;
/** A word found only in the passage title supports each of its sentences, but less than the sentence's own. */
const TITLE_MATCH = 0.6;
/**
 * A word the passages never use counts as more informative than any they do: asked about Mexico with passages
 * that only cover Canada, the unmatched word should weigh enough to refuse.
 */
const UNSEEN_BONUS = 0.5;

/**
 * The passages' sentences, indexed for word overlap with a question. Words are compared by stem and synonym
 * group (the NLU's analyzer), and weighted by how rare they are among the sentences (inverse document
 * frequency), so "shipping" in every passage counts less than "Canada" in one.
 */
export class SentenceIndex {
  readonly sentences: readonly IndexedSentence[];
  private readonly titles: readonly WordSet[];

  constructor(
    analyzer: TextAnalyzer,
    readonly passages: readonly PromptPassage[],
  ) {
    this.titles = passages.map((passage) => wordSetOf(analyzer.words(passage.title)));
    this.sentences = passages.flatMap((passage, index) =>
      splitSentences(passage.text, index).map((sentence) => ({
        ...sentence,
        words: wordSetOf(analyzer.words(sentence.text)),
      })),
    );
  }

  /** How well a sentence (with its passage's title) answers for one question word, 0..1. */
  match(term: QueryTerm, sentence: IndexedSentence): number {
    const title = this.titles[sentence.passageIndex];
    return Math.max(strength(term, sentence.words), title ? TITLE_MATCH * strength(term, title) : 0);
  }

  weigh(terms: readonly QueryTerm[]): WeightedTerm[] {
    const total = this.sentences.length;
    return terms.map((term) => {
      const frequency = this.sentences.filter((sentence) => this.match(term, sentence) > 0).length;
      const rarity = Math.log(1 + total / (1 + frequency));
      return { ...term, weight: frequency === 0 ? rarity + UNSEEN_BONUS : rarity };
    });
  }

  /** The share of the question's weight a sentence answers for, 0..1; 0 for a question with no words. */
  coverage(terms: readonly WeightedTerm[], sentence: IndexedSentence): number {
    let matched = 0;
    let total = 0;
    for (const term of terms) {
      total += term.weight;
      matched += term.weight * this.match(term, sentence);
    }
    return total === 0 ? 0 : matched / total;
  }

  /** Passages (by index) that use the word itself, not only a synonym, in a sentence or their title. */
  passagesUsing(term: QueryTerm): number[] {
    return this.passages.flatMap((_, index) => {
      const title = this.titles[index];
      const inTitle = title !== undefined && strength(term, title) === 1;
      const inText = this.sentences.some(
        (sentence) => sentence.passageIndex === index && strength(term, sentence.words) === 1,
      );
      return inTitle || inText ? [index] : [];
    });
  }
}

/** The content words of a text: no stop words, no question framing, each stem once. */
export function queryTermsOf(
  analyzer: TextAnalyzer,
  text: string,
  framingWords: ReadonlySet<string>,
): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  for (const word of analyzer.words(text)) {
    if (word.isStopWord || framingWords.has(word.norm)) continue;
    const key = word.stems[0] ?? word.norm;
    if (!terms.has(key)) {
      terms.set(key, {
        written: text.slice(word.start, word.end),
        stems: allStems(word),
        concepts: word.concepts,
      });
    }
  }
  return [...terms.values()];
}

function strength(term: QueryTerm, words: WordSet): number {
  if (term.stems.some((stem) => words.stems.has(stem))) return 1;
  if (term.concepts.some((concept) => words.concepts.has(concept))) return SYNONYM_MATCH;
  return 0;
}

function wordSetOf(words: readonly Word[]): WordSet {
  return {
    stems: new Set(words.flatMap(allStems)),
    concepts: new Set(words.flatMap((word) => word.concepts)),
  };
}

function allStems(word: Word): string[] {
  return [...word.stems, ...word.stemsWithoutClitic];
}
