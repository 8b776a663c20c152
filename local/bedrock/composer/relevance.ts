import { distance } from 'fastest-levenshtein';
import type { PromptPassage } from '../../../functions/generative/contract';
import type { TextAnalyzer, Word } from '../../lex/nlu/analyzer';
import { splitSentences, type PassageSentence } from './sentences';

/** A content word of a question, as the passages are searched for it. */
export interface QueryTerm {
  /** As the customer wrote it, to quote back in a clarifying question. */
  written: string;
  /** Lowercase, without accents: what a misspelling is compared on. */
  norm: string;
  stems: readonly string[];
  concepts: readonly string[];
}

/** A question word with its weight among these passages. */
export interface WeightedTerm extends QueryTerm {
  weight: number;
  /** Whether no passage uses the word (see MAX_UNSEEN_WORDS_COUNTED). */
  unseen: boolean;
}

interface WordSet {
  stems: ReadonlySet<string>;
  concepts: ReadonlySet<string>;
  forms: ReadonlySet<string>;
  /** Each word on its own, so one word of a sentence answers for one word of a question (coverage). */
  each: readonly Word[];
}

export interface IndexedSentence extends PassageSentence {
  words: WordSet;
  /** The words of the heading the sentence sits under, if any. */
  section?: WordSet;
}

/** A word of the same synonym group ("parcel" for "package") is weaker evidence than the word itself. */
const SYNONYM_MATCH = 0.75;
/** So is a word one slip of the keyboard away ("acount" for "account"). */
const MISSPELLING_MATCH = 0.75;
/** Shorter words are not compared for misspellings: one edit turns "card" into "cart" or "hard". */
const MIN_MISSPELLED_LENGTH = 5;
/** A word found only in the passage title or the section heading supports each of its sentences, but less. */
const TITLE_MATCH = 0.6;
/**
 * The weight of a question word no passage uses, about that of a word in a few sentences: enough that a
 * question about Brazil is not answered with Canada's passage, not so much that the story around a question
 * ("my aunt got me a sweater...") drowns the words that say what is asked.
 */
const UNSEEN_WEIGHT = 1.2;
/**
 * Within a passage, the words of its title are given (the topic); which of its sentences answers is decided
 * mostly by the other words: asked how to use store credit online, the sentence about online use, not the one
 * that repeats "store credit".
 */
const TOPIC_WORD_SHARE = 0.3;
/**
 * Together, the words no passage uses weigh at most two of them, and no more than the words the passages do
 * use, when a passage is about the question's topic (its title shares a word with it): a question that tells a
 * story ("my aunt got me a sweater, it's too small, can I return it?") is judged on what it asks, while an
 * unknown topic ("Brazil or Peru", "the Boston store") still outweighs the one word it shares.
 */
const MAX_UNSEEN_WORDS_COUNTED = 2;
/** One- and two-letter words no passage uses are chat shorthand ("u", "ur"), not topics. */
const MIN_UNSEEN_LENGTH = 3;

/**
 * The passages' sentences, indexed for word overlap with a question. Words are compared by stem, synonym
 * group (the NLU's analyzer) and spelling, and weighted by how rare they are among the sentences (inverse
 * document frequency), so "shipping" in every passage counts less than "Canada" in one.
 */
export class SentenceIndex {
  readonly sentences: readonly IndexedSentence[];
  private readonly titles: readonly WordSet[];

  /** Every sentence, those `keep` leaves out included: they still say what a passage is about. */
  private readonly allSentences: readonly IndexedSentence[];

  /**
   * `keep` leaves out sentences that cannot answer, whatever their words (see compose's namesAnotherOfKind):
   * they are never chosen, and count only for what their passage is about (passageCoverage's `judge`).
   */
  constructor(
    analyzer: TextAnalyzer,
    readonly passages: readonly PromptPassage[],
    keep: (sentence: IndexedSentence) => boolean = () => true,
  ) {
    this.titles = passages.map((passage) => wordSetOf(analyzer.words(passage.title)));
    this.allSentences = passages.flatMap((passage, index) =>
      splitSentences(passage.text, index).map((sentence) => ({
        ...sentence,
        words: wordSetOf(analyzer.words(sentence.text)),
        ...(sentence.heading === undefined ? {} : { section: wordSetOf(analyzer.words(sentence.heading)) }),
      })),
    );
    this.sentences = this.allSentences.filter(keep);
  }

  /** How well a sentence (with its passage's title and its heading) answers for one question word, 0..1. */
  match(term: QueryTerm, sentence: IndexedSentence): number {
    const title = this.titles[sentence.passageIndex];
    const context = Math.max(
      title ? strength(term, title) : 0,
      sentence.section ? strength(term, sentence.section) : 0,
    );
    return Math.max(strength(term, sentence.words), TITLE_MATCH * context);
  }

  weigh(terms: readonly QueryTerm[]): WeightedTerm[] {
    const total = this.allSentences.length;
    const frequencies = terms.map(
      (term) => this.allSentences.filter((sentence) => this.match(term, sentence) > 0).length,
    );
    const unseen = terms.filter(
      (term, index) => frequencies[index] === 0 && term.norm.length >= MIN_UNSEEN_LENGTH,
    ).length;
    const seenWeight = (frequency: number) => Math.log(1 + total / (1 + frequency));
    const seenTotal = frequencies.reduce(
      (sum, frequency) => sum + (frequency > 0 ? seenWeight(frequency) : 0),
      0,
    );
    const unseenTotal = Math.min(
      UNSEEN_WEIGHT * Math.min(unseen, MAX_UNSEEN_WORDS_COUNTED),
      Math.max(UNSEEN_WEIGHT, seenTotal),
    );
    const unseenWeight = unseenTotal / Math.max(1, unseen);
    return terms.map((term, index) => {
      const frequency = frequencies[index] ?? 0;
      if (frequency > 0) return { ...term, weight: seenWeight(frequency), unseen: false };
      return { ...term, weight: term.norm.length < MIN_UNSEEN_LENGTH ? 0 : unseenWeight, unseen: true };
    });
  }

  /**
   * Whether a question names nothing of a passage beyond its topic: each word is in its title, in no passage,
   * or found in it only as a member of a category ("licuadora" for "producto"). "¿Mi licuadora tiene
   * garantía?" asks about warranties in general.
   */
  asksOnlyAboutTopic(
    terms: readonly WeightedTerm[],
    passageIndex: number,
    categories: ReadonlySet<string>,
  ): boolean {
    const title = this.titles[passageIndex];
    if (!title) return false;
    const own = this.allSentences.filter((sentence) => sentence.passageIndex === passageIndex);
    const onlyAsCategory = (term: WeightedTerm) =>
      own.every(
        (sentence) =>
          !term.stems.some((stem) => sentence.words.stems.has(stem)) &&
          term.concepts.every((concept) => categories.has(concept) || !sentence.words.concepts.has(concept)),
      );
    const inTitle = terms.filter((term) => term.weight > 0 && strength(term, title) > 0);
    return (
      inTitle.length > 0 &&
      terms.every(
        (term) => term.weight === 0 || term.unseen || inTitle.includes(term) || onlyAsCategory(term),
      )
    );
  }

  /**
   * The terms with their category synonyms left out: asked only about a passage's topic, "licuadora" does not
   * make "la página del producto" the answer.
   */
  withoutCategories(terms: readonly WeightedTerm[], categories: ReadonlySet<string>): WeightedTerm[] {
    return terms.map((term) => ({
      ...term,
      concepts: term.concepts.filter((concept) => !categories.has(concept)),
    }));
  }

  /** The terms reweighed to pick among one passage's sentences: its title's words count less. */
  beyondTopic(terms: readonly WeightedTerm[], passageIndex: number): WeightedTerm[] {
    const title = this.titles[passageIndex];
    // Words no passage uses ("hace 20 min y ya me arrepentí") cannot pick a sentence, so they do not count.
    const hasOtherWords = terms.some(
      (term) => term.weight > 0 && !term.unseen && (!title || strength(term, title) === 0),
    );
    if (!title || !hasOtherWords) return [...terms];
    return terms.map((term) =>
      strength(term, title) > 0 ? { ...term, weight: term.weight * TOPIC_WORD_SHARE } : term,
    );
  }

  /**
   * The share of the question's weight a sentence answers for, 0..1; 0 for a question with no words. A word of
   * the sentence stands in for at most one question word it is only a synonym or a misspelling of: "producto"
   * answers for "licuadora" or for "compré", not both, so a sentence that merely names the product does not
   * outrank the one about what went wrong with it.
   */
  coverage(terms: readonly WeightedTerm[], sentence: IndexedSentence): number {
    const title = this.titles[sentence.passageIndex];
    const standIns = new Set<Word>();
    const byWeight = [...terms].sort((a, b) => b.weight - a.weight);
    const inSentence = new Map<WeightedTerm, number>();
    for (const term of byWeight) {
      if (strength(term, sentence.words) === 1) {
        inSentence.set(term, 1);
        continue;
      }
      const standIn = sentence.words.each.find(
        (word) => !standIns.has(word) && strength(term, wordSetOf([word])) > 0,
      );
      if (standIn === undefined) continue;
      standIns.add(standIn);
      inSentence.set(term, strength(term, wordSetOf([standIn])));
    }
    return weightedShare(terms, (term) => {
      const context = Math.max(
        title ? strength(term, title) : 0,
        sentence.section ? strength(term, sentence.section) : 0,
      );
      return Math.max(inSentence.get(term) ?? 0, TITLE_MATCH * context);
    });
  }

  /**
   * The share of the question's weight a whole passage answers for, each word counted where the passage says
   * it best: a question may take two sentences to answer ("do gift cards expire or have fees"). `judge`
   * `topic` counts the sentences left out too, for whether the passage is about the question at all.
   */
  passageCoverage(
    terms: readonly WeightedTerm[],
    passageIndex: number,
    judge: 'answer' | 'topic' = 'answer',
  ): number {
    const sentences = judge === 'topic' ? this.allSentences : this.sentences;
    const own = sentences.filter((sentence) => sentence.passageIndex === passageIndex);
    const title = this.titles[passageIndex];
    // Words beside the point are only discounted when the passage is about the question's topic.
    const onTopic = title !== undefined && terms.some((term) => term.weight > 0 && strength(term, title) > 0);
    const judged = onTopic
      ? terms
      : terms.map((term) => (term.unseen && term.weight > 0 ? { ...term, weight: UNSEEN_WEIGHT } : term));
    return weightedShare(judged, (term) =>
      Math.max(
        title ? strength(term, title) : 0,
        ...own.map((sentence) => strength(term, sentence.words)),
        ...own.map((sentence) => (sentence.section ? strength(term, sentence.section) : 0)),
      ),
    );
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
    // A slip of a framing word ("cuanot") frames too, but a word the vocabulary knows is itself: "cuenta" is
    // no misspelt "cuanta".
    const slip = word.concepts.length === 0 && isMisspellingOfAny(word.norm, framingWords);
    if (word.isStopWord || framingWords.has(word.norm) || slip) continue;
    const key = word.stems[0] ?? word.norm;
    if (!terms.has(key)) {
      terms.set(key, {
        written: text.slice(word.start, word.end),
        norm: word.norm,
        stems: allStems(word),
        concepts: word.concepts,
      });
    }
  }
  return [...terms.values()];
}

function weightedShare(terms: readonly WeightedTerm[], matchOf: (term: WeightedTerm) => number): number {
  let matched = 0;
  let total = 0;
  for (const term of terms) {
    total += term.weight;
    if (term.weight > 0) matched += term.weight * matchOf(term);
  }
  return total === 0 ? 0 : matched / total;
}

function strength(term: QueryTerm, words: WordSet): number {
  if (term.stems.some((stem) => words.stems.has(stem))) return 1;
  if (term.concepts.some((concept) => words.concepts.has(concept))) return SYNONYM_MATCH;
  if (isMisspellingOfAny(term.norm, words.forms)) return MISSPELLING_MATCH;
  return 0;
}

/** One edit (a letter missing, extra, wrong or two swapped) from a word of the set, first letter kept. */
export function isMisspellingOfAny(norm: string, forms: ReadonlySet<string>): boolean {
  if (norm.length < MIN_MISSPELLED_LENGTH - 1) return false;
  for (const form of forms) {
    if (form.length < MIN_MISSPELLED_LENGTH || form[0] !== norm[0]) continue;
    if (Math.abs(form.length - norm.length) > 1) continue;
    if (distance(norm, form) <= 1 || isTransposition(norm, form)) return true;
  }
  return false;
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differences = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  const [first, second] = differences;
  return (
    differences.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
}

function wordSetOf(words: readonly Word[]): WordSet {
  return {
    stems: new Set(words.flatMap(allStems)),
    concepts: new Set(words.flatMap((word) => word.concepts)),
    forms: new Set(words.map((word) => word.norm)),
    each: words,
  };
}

function allStems(word: Word): string[] {
  return [...word.stems, ...word.stemsWithoutClitic];
}
