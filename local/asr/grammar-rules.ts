import type { PronouncingDictionary } from './pronouncing-dictionary';

/** Something the grammar leaves out, and why: a word pocketsphinx cannot say, or a slot it cannot cover. */
export interface DroppedUtterance {
  utterance: string;
  /** Where it came from: "intent CheckOrderStatus", "slot type StoreLocation", "FAQ order-tracking"... */
  source: string;
  /** Words not in the pronouncing dictionary; empty when the reason is something else. */
  missingWords: string[];
  reason: string;
}

/** One way to say a rule: words and `<rule>` references with JSGF's `[ ]`, `( )`, `|`, `+` and `*`. */
export interface Alternative {
  expansion: string;
  /** What the alternative was made from, for the dropped list. */
  utterance: string;
  /** Where it came from when that is more precise than the rule's source ("FAQ order-tracking"). */
  source?: string;
}

const RULE_REFERENCE = /<([A-Za-z0-9_]+)>/g;
const JSGF_SYNTAX = /[\s[\]()|+*]+/;

/** JSGF rule names here are plain identifiers: letters, digits and underscores. */
export function ruleName(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function wordsOfExpansion(expansion: string): string[] {
  return expansion
    .replace(RULE_REFERENCE, ' ')
    .split(JSGF_SYNTAX)
    .filter((word) => word.length > 0);
}

function referencesOf(expansion: string): string[] {
  return [...expansion.matchAll(RULE_REFERENCE)].map((match) => match[1]!);
}

/**
 * The rules of one grammar, each kept only with the alternatives pocketsphinx can load: every word in the
 * dictionary and every referenced rule defined before and not empty. Whatever is left out is recorded in
 * `dropped`, so a bot author sees which utterances speech cannot reach.
 */
export class GrammarRules {
  private readonly rules = new Map<string, string[]>();
  readonly dropped: DroppedUtterance[] = [];

  constructor(private readonly dictionary: PronouncingDictionary) {}

  has(name: string): boolean {
    return this.rules.has(name);
  }

  /** Defines `name` with the alternatives that can be spoken; returns false when none can (no rule is defined). */
  define(name: string, source: string, alternatives: readonly Alternative[]): boolean {
    if (this.rules.has(name)) throw new Error(`grammar rule <${name}> is defined twice`);
    const kept: string[] = [];
    for (const alternative of alternatives) {
      if (this.accepts(source, alternative) && !kept.includes(alternative.expansion))
        kept.push(alternative.expansion);
    }
    if (kept.length === 0) return false;
    this.rules.set(name, kept);
    return true;
  }

  /** Records an utterance left out for a reason other than its words. */
  drop(dropped: Omit<DroppedUtterance, 'missingWords'>): void {
    this.dropped.push({ ...dropped, missingWords: [] });
  }

  words(): Set<string> {
    const words = new Set<string>();
    for (const alternatives of this.rules.values())
      for (const alternative of alternatives)
        for (const word of wordsOfExpansion(alternative)) words.add(word);
    return words;
  }

  /** The grammar text with `publicRule` first, then every rule in the order it was defined. */
  render(grammarName: string, publicRule: string): string {
    if (!this.rules.has(publicRule)) throw new Error(`grammar rule <${publicRule}> is not defined`);
    const ordered = [publicRule, ...[...this.rules.keys()].filter((name) => name !== publicRule)];
    const blocks = ordered.map((name) => {
      const body = this.rules.get(name)!.join('\n  | ');
      return `${name === publicRule ? 'public ' : ''}<${name}> =\n    ${body};`;
    });
    return `#JSGF V1.0;\n\ngrammar ${grammarName};\n\n${blocks.join('\n\n')}\n`;
  }

  private accepts(ruleSource: string, alternative: Alternative): boolean {
    const source = alternative.source ?? ruleSource;
    const undefinedRule = referencesOf(alternative.expansion).find((reference) => !this.rules.has(reference));
    if (undefinedRule !== undefined) {
      this.drop({
        utterance: alternative.utterance,
        source,
        reason: `it needs <${undefinedRule}>, which has nothing speakable`,
      });
      return false;
    }
    const missingWords = this.dictionary.missing(wordsOfExpansion(alternative.expansion));
    if (missingWords.length > 0) {
      this.dropped.push({
        utterance: alternative.utterance,
        source,
        missingWords,
        reason: `not in the pronouncing dictionary: ${missingWords.join(', ')}`,
      });
      return false;
    }
    return true;
  }
}
