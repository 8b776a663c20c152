import type { BotLocale, Intent } from '../../bot-definitions/loader/schema';
import { languageOf, tablesFor } from '../lex/slots/language';
import { GrammarRules, ruleName, type Alternative, type DroppedUtterance } from './grammar-rules';
import type { PronouncingDictionary } from './pronouncing-dictionary';
import { SlotRules } from './slot-rules';
import { spokenWords } from './spoken-text';

export type { DroppedUtterance } from './grammar-rules';

/** A question a caller may ask that the knowledge base answers (through FallbackIntent and the generative path). */
export interface FaqQuestion {
  documentId: string;
  question: string;
}

export interface GrammarSource {
  locale: BotLocale;
  faqQuestions: readonly FaqQuestion[];
}

export interface BuiltGrammar {
  jsgf: string;
  /** Every word the grammar uses; all of them are in the dictionary it was built with. */
  words: Set<string>;
  dropped: DroppedUtterance[];
  /** One readable line per dropped utterance. */
  warnings: string[];
}

/** Said around the tasks rather than as one: greetings, thanks, goodbyes, asking for help. */
const CONVERSATION_FILLERS = [
  'hello',
  'hi',
  'hi there',
  'thank you',
  'thanks',
  'thank you very much',
  'goodbye',
  'bye',
  'help',
  "that's all",
  "that's all thanks",
  'nothing else',
  'repeat that',
  'say that again',
  'start over',
];

const PUBLIC_RULE = 'utterance';
const SLOT_REFERENCE = /\{([^{}]+)\}/g;

/**
 * A JSGF grammar for everything a caller is expected to say to one bot locale: the intents' sample utterances
 * with each `{Slot}` as a rule for its slot type, bare answers to slot prompts and their slot sample utterances,
 * the knowledge base's questions, and a few conversation fillers. Only English locales can be built: the slot
 * rules and number spelling are English, as is the only acoustic model Debian ships.
 */
export function buildGrammar(source: GrammarSource, dictionary: PronouncingDictionary): BuiltGrammar {
  const { locale } = source;
  const language = languageOf(locale.LocaleId);
  if (language !== 'en')
    throw new Error(`speech grammars are English only; ${locale.LocaleId} has no pronouncing dictionary`);
  const rules = new GrammarRules(dictionary);
  const slotRules = new SlotRules(rules, locale, tablesFor(language));
  const topLevel: string[] = [];
  const addTopLevel = (name: string, sourceName: string, alternatives: readonly Alternative[]) => {
    if (rules.define(name, sourceName, alternatives)) topLevel.push(`<${name}>`);
  };

  for (const intent of locale.Intents ?? []) {
    // A value alone ("{PhoneNumber}") is among the slot answers already; as one of an intent's few alternatives it
    // would take a share of the grammar that makes every unclear word a number. With a word before it ("at
    // {CallbackTime}") it stays: the general listening rule has no slot answers, and after an aside that is how a
    // time said alone is heard.
    const samples = (intent.SampleUtterances ?? [])
      .map((sample) => sample.Utterance)
      .filter((utterance) => !isBareSlotAnswer(intent, utterance));
    addTopLevel(
      ruleName('intent', intent.Name),
      `intent ${intent.Name}`,
      templates(intent, samples, slotRules, rules),
    );
  }
  addTopLevel('slot_answers', 'slot answers', slotAnswers(locale.Intents ?? [], slotRules, rules));
  addTopLevel('confirmation', 'confirmation', ruleAlternative(slotRules, 'AMAZON.Confirmation'));
  addTopLevel('faq_questions', 'FAQ questions', faqAlternatives(source.faqQuestions, rules));
  addTopLevel('fillers', 'conversation fillers', CONVERSATION_FILLERS.map(spoken));
  if (topLevel.length === 0) throw new Error(`${locale.LocaleId} has nothing a caller could say`);
  rules.define(
    PUBLIC_RULE,
    'grammar',
    topLevel.map((reference) => ({ expansion: reference, utterance: reference })),
  );

  return {
    jsgf: rules.render('parley', PUBLIC_RULE),
    words: rules.words(),
    dropped: rules.dropped,
    warnings: rules.dropped.map(
      (dropped) => `${dropped.source}: "${dropped.utterance}" left out: ${dropped.reason}`,
    ),
  };
}

function spoken(text: string): Alternative {
  return { expansion: spokenWords(text).join(' '), utterance: text };
}

/** `{Slot}` placeholders become references to their slot type's rule; the rest is spelled as spoken. */
function templates(
  intent: Intent,
  utterances: readonly string[],
  slotRules: SlotRules,
  rules: GrammarRules,
): Alternative[] {
  const slotTypes = new Map((intent.Slots ?? []).map((slot) => [slot.Name, slot.SlotTypeName]));
  return utterances.flatMap((utterance) => {
    const pieces: string[] = [];
    let last = 0;
    for (const match of utterance.matchAll(SLOT_REFERENCE)) {
      pieces.push(...spokenWords(utterance.slice(last, match.index)));
      const slotType = slotTypes.get(match[1]!.trim());
      const rule =
        slotType === undefined
          ? { unavailable: `intent ${intent.Name} has no slot ${match[1]}` }
          : slotRules.ruleFor(slotType);
      if ('unavailable' in rule) {
        rules.drop({ utterance, source: `intent ${intent.Name}`, reason: rule.unavailable });
        return [];
      }
      pieces.push(`<${rule.rule}>`);
      last = match.index + match[0].length;
    }
    pieces.push(...spokenWords(utterance.slice(last)));
    if (pieces.length > 0) return [{ expansion: pieces.join(' '), utterance }];
    rules.drop({ utterance, source: `intent ${intent.Name}`, reason: 'it has no words' });
    return [];
  });
}

function isBareSlotAnswer(intent: Intent, utterance: string): boolean {
  return (intent.Slots ?? []).some((slot) => utterance.trim() === `{${slot.Name}}`);
}

/** A caller answering a slot prompt often says the value alone ("tomorrow", "one two three four five"). */
function slotAnswers(intents: readonly Intent[], slotRules: SlotRules, rules: GrammarRules): Alternative[] {
  return intents.flatMap((intent) =>
    (intent.Slots ?? []).flatMap((slot) => {
      const rule = slotRules.ruleFor(slot.SlotTypeName);
      if ('unavailable' in rule) {
        const source = `intent ${intent.Name} slot ${slot.Name}`;
        rules.drop({ utterance: `{${slot.Name}}`, source, reason: rule.unavailable });
        return [];
      }
      const bare = [
        `{${slot.Name}}`,
        ...slotRules.leadInsFor(slot.SlotTypeName).map((word) => `${word} {${slot.Name}}`),
      ];
      const samples = (slot.ValueElicitationSetting.SampleUtterances ?? []).map((sample) => sample.Utterance);
      return templates(intent, [...bare, ...samples], slotRules, rules);
    }),
  );
}

function ruleAlternative(slotRules: SlotRules, slotTypeName: string): Alternative[] {
  const rule = slotRules.ruleFor(slotTypeName);
  return 'unavailable' in rule ? [] : [{ expansion: `<${rule.rule}>`, utterance: slotTypeName }];
}

function faqAlternatives(questions: readonly FaqQuestion[], rules: GrammarRules): Alternative[] {
  return questions.flatMap(({ documentId, question }) => {
    const words = spokenWords(question);
    const source = `FAQ ${documentId}`;
    if (words.length > 0) return [{ expansion: words.join(' '), utterance: question, source }];
    rules.drop({ utterance: question, source, reason: 'it has no words' });
    return [];
  });
}
