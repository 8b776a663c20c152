import { readFile } from 'node:fs/promises';

/** `word PH O NES` or `word(2) PH O NES`, optionally followed by a `#` comment. */
const ENTRY = /^(\S+?)(?:\(\d+\))?\s+([^#]+?)\s*(?:#.*)?$/;

/**
 * A CMU-style pronouncing dictionary: which words pocketsphinx can recognize, and their pronunciations so that
 * a grammar can carry a dictionary of its own words only (loading the full one costs each run ~0.2 s).
 */
export class PronouncingDictionary {
  private constructor(private readonly pronunciations: ReadonlyMap<string, readonly string[]>) {}

  static parse(text: string): PronouncingDictionary {
    const pronunciations = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const entry = ENTRY.exec(line.trim());
      if (!entry) continue;
      const word = entry[1]!.toLowerCase();
      const known = pronunciations.get(word);
      if (known) known.push(entry[2]!);
      else pronunciations.set(word, [entry[2]!]);
    }
    return new PronouncingDictionary(pronunciations);
  }

  static async load(file: string): Promise<PronouncingDictionary> {
    return PronouncingDictionary.parse(await readFile(file, 'utf8'));
  }

  has(word: string): boolean {
    return this.pronunciations.has(word.toLowerCase());
  }

  /** The words not in the dictionary, in order, without repeats. */
  missing(words: readonly string[]): string[] {
    return [...new Set(words.filter((word) => !this.has(word)))];
  }

  /** Dictionary text for `words` only, sorted, with alternative pronunciations numbered as pocketsphinx expects. */
  subset(words: Iterable<string>): string {
    const lines: string[] = [];
    for (const word of [...new Set(words)].sort()) {
      const variants = this.pronunciations.get(word.toLowerCase());
      if (!variants) throw new Error(`"${word}" is not in the pronouncing dictionary`);
      variants.forEach((phones, index) =>
        lines.push(`${index === 0 ? word : `${word}(${index + 1})`} ${phones}`),
      );
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }
}

const loaded = new Map<string, Promise<PronouncingDictionary>>();

/** Each dictionary file is read once per process; a failed read is forgotten so the next call retries. */
export function loadPronouncingDictionary(file: string): Promise<PronouncingDictionary> {
  let dictionary = loaded.get(file);
  if (!dictionary) {
    dictionary = PronouncingDictionary.load(file);
    loaded.set(file, dictionary);
    dictionary.catch(() => loaded.delete(file));
  }
  return dictionary;
}
