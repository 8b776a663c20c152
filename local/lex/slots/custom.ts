import type { SlotType } from '../../../bot-definitions/loader/schema';
import { createAlphaNumericResolver } from './alphanumeric';
import { answerCore } from './filler';
import type { Language } from './language';
import type { LanguageTables } from './lang/types';
import { longestNonOverlapping, pickAnswer, slotMatch, toSlotValue } from './matches';
import { PhraseIndex } from './phrases';
import { singularOf } from './plural';
import { phraseWords, tokenize, type Token } from './text';
import type { SlotMatch, SlotTypeResolver, SlotValue } from './types';

type Strategy = 'ORIGINAL_VALUE' | 'TOP_RESOLUTION';

interface Hit {
  start: number;
  end: number;
  /** Canonical values, in definition order, that the matched words name. */
  canonical: string[];
}

/** "Men's" and "mens" are the same word to a listener. */
const withoutApostrophes = (norm: string) => norm.replace(/'/g, '');

/**
 * Values and synonyms of one slot type, matched on whole words, ignoring case, accents and punctuation, longest
 * phrase first; a second, plural-blind index catches "shirts" for "shirt" when no exact phrase matches.
 */
class ValueIndex {
  private readonly exact: PhraseIndex<string>;
  private readonly loose: PhraseIndex<string>;

  constructor(slotType: SlotType, language: Language) {
    this.exact = new PhraseIndex<string>([], withoutApostrophes);
    this.loose = new PhraseIndex<string>([], (norm) => singularOf(withoutApostrophes(norm), language));
    for (const { SampleValue, Synonyms = [] } of slotType.SlotTypeValues ?? []) {
      for (const phrase of [SampleValue.Value, ...Synonyms.map((s) => s.Value)]) {
        const words = phraseWords(phrase);
        this.exact.add(words, SampleValue.Value);
        this.loose.add(words, SampleValue.Value);
      }
    }
  }

  find(utterance: string): Hit[] {
    const tokens = tokenize(utterance);
    const hits: Hit[] = [];
    for (let at = 0; at < tokens.length; at++) {
      const hit = this.longestAt(tokens, at);
      if (hit) hits.push(hit);
    }
    return longestNonOverlapping(hits);
  }

  private longestAt(tokens: readonly Token[], at: number): Hit | undefined {
    const longest = Math.min(Math.max(this.exact.maxLength, this.loose.maxLength), tokens.length - at);
    for (let length = longest; length > 0; length--) {
      const canonical = this.exact.exactly(tokens, at, length) ?? this.loose.exactly(tokens, at, length);
      if (canonical) return { start: tokens[at]!.start, end: tokens[at + length - 1]!.end, canonical };
    }
    return undefined;
  }
}

function strategyOf(slotType: SlotType): Strategy {
  const strategy = slotType.ValueSelectionSetting?.ResolutionStrategy ?? 'ORIGINAL_VALUE';
  if (strategy === 'CONCATENATION') {
    throw new Error(
      `unsupported slot type "${slotType.Name}": composite (CONCATENATION) slot types are not emulated`,
    );
  }
  return strategy;
}

function customValueResolver(
  slotType: SlotType,
  tables: LanguageTables,
  language: Language,
): SlotTypeResolver {
  const strategy = strategyOf(slotType);
  const index = new ValueIndex(slotType, language);
  const toMatch = (utterance: string, hit: Hit): SlotMatch =>
    strategy === 'TOP_RESOLUTION'
      ? slotMatch(utterance, hit, hit.canonical[0]!)
      : slotMatch(utterance, hit, utterance.slice(hit.start, hit.end), hit.canonical);
  const find = (utterance: string) => index.find(utterance).map((hit) => toMatch(utterance, hit));

  /** ORIGINAL_VALUE keeps an answer that matches nothing, minus lead-ins such as "the" or "el". */
  const unlisted = (input: string): SlotValue | undefined => {
    const core = answerCore(input, tables.fillers);
    const value = input.slice(core.start, core.end).trim();
    return value === '' ? undefined : { originalValue: value, interpretedValue: value, resolvedValues: [] };
  };

  return {
    slotTypeName: slotType.Name,
    find,
    resolve(input) {
      const match = pickAnswer(find(input), answerCore(input, tables.fillers));
      if (match) return toSlotValue(match);
      return strategy === 'ORIGINAL_VALUE' ? unlisted(input) : undefined;
    },
  };
}

/** A locale's own slot type: a value list, or a RegexFilter on AMAZON.AlphaNumeric. */
export function createCustomSlotTypeResolver(
  slotType: SlotType,
  tables: LanguageTables,
  language: Language,
): SlotTypeResolver {
  const parent = slotType.ParentSlotTypeSignature;
  if (parent === 'AMAZON.AlphaNumeric') {
    return createAlphaNumericResolver(tables, {
      slotTypeName: slotType.Name,
      pattern: slotType.ValueSelectionSetting?.RegexFilter?.Pattern,
    });
  }
  if (parent !== undefined) {
    throw new Error(`unsupported slot type "${slotType.Name}": parent slot type "${parent}" is not emulated`);
  }
  return customValueResolver(slotType, tables, language);
}
