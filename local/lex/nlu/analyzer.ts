import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { NluLanguage } from './language';
import { withoutDiacritics, writtenWords, type WrittenWord } from './text';

/** A word as the classifier compares it. */
export interface Word {
  norm: string;
  /**
   * Stems without diacritics; words sharing one count as the same word. There are two because Spanish suffix
   * rules need the accents people often leave out: "información" stems to "inform", "informacion" does not, and
   * "adios" stems to "adi" but "adiós" to "adios". The stem of the unaccented spelling comes first.
   */
  stems: readonly string[];
  /** Stems of the word without a pronoun attached to it ("llámenme" gives the stems of "llámen"). */
  stemsWithoutClitic: readonly string[];
  /** Ids of the synonym groups the word (or the phrase it is part of) belongs to. */
  concepts: readonly string[];
  isStopWord: boolean;
  start: number;
  end: number;
}

/** Bounds the memory that arbitrary input can take; a language's everyday words fit many times over. */
const STEM_CACHE_SIZE = 20_000;

/** "pásame" may be "pasa" + "me", but "clase" is not "cla" + "se". */
const MIN_WORD_WITHOUT_CLITIC = 4;

interface Phrase {
  stems: readonly string[];
  concepts: string[];
}

/**
 * Turns text into comparable words for one language: contractions split, stems, stop words, and synonym groups.
 * A multi-word synonym ("sign in", "servicio al cliente") becomes a single word, so it matches as a unit.
 * Synonyms are looked up by the stem of the unaccented spelling, which every input has.
 */
export class TextAnalyzer {
  private readonly stemmer: Stemmer | undefined;
  /** Stemming is most of the cost of reading text, and a bot's words repeat. */
  private readonly stemCache = new Map<string, string>();
  private readonly stopWords: ReadonlySet<string>;
  /** Synonym groups of single words, by plain stem and by written form. */
  private readonly conceptsByWord = new Map<string, string[]>();
  /** Multi-word synonyms by their first plain stem, longest first. */
  private readonly phrasesByFirstStem = new Map<string, Phrase[]>();

  constructor(readonly language: NluLanguage) {
    this.stemmer = language.stemmer === undefined ? undefined : newStemmer(language.stemmer);
    this.stopWords = new Set(language.stopWords);
    language.synonymGroups.forEach((group) => {
      const concept = `~${group[0] ?? ''}`;
      for (const entry of group) this.addSynonym(entry, concept);
    });
    for (const phrases of this.phrasesByFirstStem.values())
      phrases.sort((a, b) => b.stems.length - a.stems.length);
  }

  words(text: string): Word[] {
    const written = writtenWords(text, this.language);
    const plainStems = written.map((word) => this.stem(word.norm));
    const words: Word[] = [];
    for (let index = 0; index < written.length;) {
      const phrase = this.phraseAt(plainStems, index);
      if (phrase) {
        words.push(this.phraseWord(written.slice(index, index + phrase.stems.length), phrase));
        index += phrase.stems.length;
        continue;
      }
      const word = written[index] as WrittenWord;
      const plainStem = plainStems[index] as string;
      words.push({
        norm: word.norm,
        stems: this.stemsOf(word),
        stemsWithoutClitic: this.stemsWithoutClitic(word),
        concepts: this.conceptsOf(plainStem, word.norm),
        isStopWord: this.stopWords.has(word.norm),
        start: word.start,
        end: word.end,
      });
      index += 1;
    }
    return words;
  }

  private stem(lowercaseWord: string): string {
    const cached = this.stemCache.get(lowercaseWord);
    if (cached !== undefined) return cached;
    const stem = withoutDiacritics(this.stemmer ? this.stemmer.stem(lowercaseWord) : lowercaseWord);
    if (this.stemCache.size < STEM_CACHE_SIZE) this.stemCache.set(lowercaseWord, stem);
    return stem;
  }

  private stemsOf(word: Pick<WrittenWord, 'lower' | 'norm'>): string[] {
    const plain = this.stem(word.norm);
    const accented = this.stem(word.lower);
    const stems = plain === accented ? [plain] : [plain, accented];
    if (!this.language.plainStemVowels) return stems;
    const withPlainVowel = plain.replace(/ie|ue/u, (pair) => (pair === 'ie' ? 'e' : 'o'));
    return stems.includes(withPlainVowel) ? stems : [...stems, withPlainVowel];
  }

  private conceptsOf(plainStem: string, norm: string): readonly string[] {
    const byStem = this.conceptsByWord.get(plainStem) ?? [];
    const byNorm = this.conceptsByWord.get(norm) ?? [];
    if (byNorm.length === 0) return byStem;
    return [...new Set([...byStem, ...byNorm])];
  }

  private stemsWithoutClitic(word: WrittenWord): string[] {
    const stems: string[] = [];
    for (const clitic of this.language.encliticPronouns) {
      if (!word.norm.endsWith(clitic)) continue;
      const rest = { lower: word.lower.slice(0, -clitic.length), norm: word.norm.slice(0, -clitic.length) };
      if (rest.norm.length >= MIN_WORD_WITHOUT_CLITIC) stems.push(...this.stemsOf(rest));
    }
    return stems;
  }

  private phraseAt(plainStems: readonly string[], index: number): Phrase | undefined {
    const candidates = this.phrasesByFirstStem.get(plainStems[index] ?? '');
    return candidates?.find((phrase) =>
      phrase.stems.every((stem, offset) => plainStems[index + offset] === stem),
    );
  }

  private phraseWord(parts: readonly WrittenWord[], phrase: Phrase): Word {
    const first = parts[0] as WrittenWord;
    const last = parts[parts.length - 1] as WrittenWord;
    const norm = parts.map((part) => part.norm).join(' ');
    return {
      norm,
      stems: [phrase.stems.join(' ')],
      stemsWithoutClitic: [],
      concepts: phrase.concepts,
      // A phrase listed among the stop words ("forget it") is one, though its words alone are not.
      isStopWord: this.stopWords.has(norm),
      start: first.start,
      end: last.end,
    };
  }

  private addSynonym(entry: string, concept: string): void {
    const written = writtenWords(entry, this.language);
    const stems = written.map((word) => this.stem(word.norm));
    const [firstStem] = stems;
    if (firstStem === undefined) return;
    if (stems.length === 1) {
      for (const key of new Set([firstStem, (written[0] as WrittenWord).norm]))
        addTo(this.conceptsByWord, key, concept);
      return;
    }
    const phrases = this.phrasesByFirstStem.get(firstStem) ?? [];
    const same = phrases.find((phrase) => phrase.stems.join(' ') === stems.join(' '));
    if (same) {
      if (!same.concepts.includes(concept)) same.concepts.push(concept);
    } else {
      phrases.push({ stems, concepts: [concept] });
    }
    this.phrasesByFirstStem.set(firstStem, phrases);
  }
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
}

const analyzers = new Map<NluLanguage, TextAnalyzer>();

/** One analyzer per language for the whole process: building one stems every synonym, and it never changes. */
export function analyzerFor(language: NluLanguage): TextAnalyzer {
  const existing = analyzers.get(language);
  if (existing !== undefined) return existing;
  const analyzer = new TextAnalyzer(language);
  analyzers.set(language, analyzer);
  return analyzer;
}
