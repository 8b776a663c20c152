/**
 * The local stand-in for Lex's intent classifier: deterministic, explainable, and built in milliseconds from
 * the bot definition alone (see docs/nlu.md).
 *
 * Text is compared as stems: lowercase, diacritics and punctuation dropped, contractions split, Snowball stems
 * (English or Spanish), stop words kept but nearly weightless, multi-word synonyms joined into one unit, and each
 * word tagged with its synonym groups (language/). Slot values found by the slot type resolvers replace the words
 * that spell them, in the input and in the sample utterances alike, so "track order 12345" meets "track order
 * {OrderNumber}" as the same sequence.
 *
 * Each intent scores in 0..1 as the mean of two figures (intent-index.ts):
 * - coverage: how much of the input the intent's vocabulary explains. Words count by specificity (a word of one
 *   intent only weighs 1, one that every intent uses alike much less) and by how typical they are of this intent.
 *   Words no intent knows count fully against every intent, which keeps unrelated questions below the threshold.
 * - similarity: a weighted Dice overlap with the closest sample utterance; an exact template match gives 1.
 * Synonyms match at 0.75, shared stem prefixes and one-letter slips at 0.6.
 *
 * Slots of each candidate come from the closest sample's placeholders by position, then from the first free value
 * of each slot's type (slot-binding.ts). fillSlot reads an answer to a slot prompt through the slot's own sample
 * utterances, then the slot type resolver (slot-filling.ts).
 */
import type { BotLocale, Intent } from '../../../bot-definitions/loader/schema';
import { createSlotTypeResolver } from '../slots';
import type { ResolverContext, SlotTypeResolver, SlotValue } from '../slots/types';
import { analyzerFor, type TextAnalyzer } from './analyzer';
import { askedPart } from './asked-part';
import { IntentIndex, type IntentSamples, type JudgedItem, type Sample } from './intent-index';
import { inputItems, templateItems } from './items';
import { nluLanguageFor, type NluLanguage } from './language';
import { opensWithCorrection } from './corrections';
import { bindSlots, type IntentSlot } from './slot-binding';
import { answerTemplates, fillFromAnswer, type AnswerTemplate } from './slot-filling';
import { SlotSpotter } from './slot-spotter';
import type { ClassifyOptions, IntentCandidate, IntentClassifier } from './types';

/** Lex lists up to five interpretations; with FallbackIntent that leaves four scored ones to always offer. */
const MINIMUM_CANDIDATES = 4;
/**
 * People put a request after a remark ("forget it, just get me a person", "déjelo así, mejor páseme con una
 * persona"): the last clause is also scored alone, at a small discount so a whole utterance that matches still
 * wins over a part of it. A full stop or colon breaks a clause only before a space, not inside "mail.com", "10.5"
 * or "10:30".
 */
const CLAUSE_SHARE = 0.9;
const MIN_CLAUSE_WORDS = 2;
const MAX_REMARK_WORDS = 2;
/** A last clause that scores this high is said as a sample utterance is, and counts after any statement. */
const SAID_AS_SAMPLE = 0.99;
/**
 * ...or nearly so while it gives a value where that sample has its placeholder ("...Tengo aquí el correo de
 * confirmación: el número de pedido es 10004"): a value given as the intent asks for it ends the story.
 */
const SAID_WITH_VALUE = 0.75;
const CLAUSE_BREAK = /[,;!?¿¡]+|[.:]+(?=\s|$)/u;

interface ClassifiedIntent {
  name: string;
  slots: readonly IntentSlot[];
}

interface ElicitableSlot {
  resolver: SlotTypeResolver;
  templates: readonly AnswerTemplate[];
}

export function createIntentClassifier(locale: BotLocale, context: ResolverContext): IntentClassifier {
  const language = nluLanguageFor(locale.LocaleId);
  const analyzer = analyzerFor(language);
  const resolvers = createResolvers(locale, context);
  const isValueText = (text: string) => analyzer.words(text).some((word) => !word.isStopWord);
  const spotter = new SlotSpotter(resolvers, isValueText);
  const customTypes = new Set((locale.SlotTypes ?? []).map((slotType) => slotType.Name));
  // Built-in intents (FallbackIntent, QnAIntent...) have no sample utterances; the dialog engine places them.
  const classifiable = (locale.Intents ?? []).filter((intent) => intent.ParentIntentSignature === undefined);
  const classified: ClassifiedIntent[] = classifiable.map((intent) => ({
    name: intent.Name,
    slots: intentSlots(intent, customTypes),
  }));
  const index = new IntentIndex(classifiable.map((intent) => intentSamples(intent, analyzer, spotter)));
  const elicitable = elicitableSlots(locale.Intents ?? [], resolvers, language);

  return {
    classify(utterance: string, options: ClassifyOptions = {}): IntentCandidate[] {
      const spotted = spotter.spot(utterance);
      const items = inputItems(utterance, spotted.spans, analyzer);
      const judged = index.judge(items);
      const lastClause = lastClauseOf(utterance, analyzer, language.correctionCues);
      const clause =
        lastClause === undefined
          ? undefined
          : {
              judged: index.judge(inputItems(lastClause.text, spotter.spot(lastClause.text).spans, analyzer)),
              standsAlone: lastClause.standsAlone,
            };
      const request = requestAfterRemarks(utterance, analyzer);
      const requestJudged =
        request === undefined
          ? undefined
          : index.judge(inputItems(request, spotter.spot(request).spans, analyzer));
      const spoken = askedPart(utterance, language);
      // A question of one word after a story ("Mi licuadora dejó de encender… ¿Qué puedo hacer?") asks about the
      // story; alone it would read as "what can you do?".
      const sayingEnough = questionSentences(utterance).filter(
        (sentence) =>
          utterance.trimStart().startsWith(sentence) ||
          contentWordCount(sentence, analyzer) >= MIN_CLAUSE_WORDS,
      );
      const askedJudged = [...sayingEnough, ...(spoken === undefined ? [] : [spoken])].map((sentence) =>
        index.judge(inputItems(sentence, spotter.spot(sentence).spans, analyzer)),
      );
      const eligible = classified.filter((intent) => options.eligibleIntents?.has(intent.name) ?? true);
      const ranked = eligible
        .map((intent, order) => {
          const whole = index.score(judged, intent.name);
          const clauseMatch = clause === undefined ? undefined : index.score(clause.judged, intent.name);
          const clauseScore = clauseMatch?.score ?? 0;
          const counted =
            clause?.standsAlone === true ||
            clauseScore >= SAID_AS_SAMPLE ||
            (clauseScore >= SAID_WITH_VALUE && placesValue(clause?.judged ?? [], clauseMatch?.bestSample))
              ? clauseScore
              : 0;
          const requestScore =
            requestJudged === undefined ? 0 : index.score(requestJudged, intent.name).score;
          const askedScore = Math.max(
            0,
            ...askedJudged.map((asked) => index.score(asked, intent.name).score),
          );
          return {
            intent,
            order,
            ...whole,
            score: Math.max(whole.score, CLAUSE_SHARE * Math.max(counted, requestScore, askedScore)),
          };
        })
        .sort((a, b) => b.score - a.score || a.order - b.order);
      return ranked
        .filter((entry, position) => entry.score > 0 || position < MINIMUM_CANDIDATES)
        .map((entry) => ({
          intentName: entry.intent.name,
          score: entry.score,
          slots: bindSlots(entry.intent.slots, items, entry.bestSample?.items, spotted, {
            utterance,
            cues: language.correctionCues,
          }),
        }));
    },

    fillSlot(intentName: string, slotName: string, answer: string): SlotValue | undefined {
      const slot = elicitable.get(slotId(intentName, slotName));
      return slot && fillFromAnswer(answer, slot.templates, slot.resolver, language, isValueText);
    },

    contentWordCount: (text) => contentWordCount(text, analyzer),
  };
}

/**
 * The last clause of an utterance. It stands alone when what comes before it is only a remark ("forget it",
 * "ay no, perdón": at most two words that are not stop words) and it says enough by itself (two such words),
 * or when it opens by taking back what came before ("that's my old one, I meant 10003"). After a statement of
 * substance ("my TV broke after 5 months, what can I do?") it belongs to that statement, unless it is said
 * exactly as a sample utterance ("ok cool, I'll check with my neighbor. bye").
 */
function lastClauseOf(
  utterance: string,
  analyzer: TextAnalyzer,
  correctionCues: readonly string[],
): { text: string; standsAlone: boolean } | undefined {
  const clauses = utterance
    .split(CLAUSE_BREAK)
    .map((clause) => ({ text: clause.trim(), words: contentWordCount(clause, analyzer) }))
    .filter((clause) => clause.words > 0);
  const last = clauses.at(-1);
  if (clauses.length < 2 || last === undefined) return undefined;
  const remark = clauses.slice(0, -1).reduce((sum, clause) => sum + clause.words, 0);
  const standsAlone =
    last.words >= MIN_CLAUSE_WORDS &&
    (remark <= MAX_REMARK_WORDS || opensWithCorrection(last.text, correctionCues));
  return { text: last.text, standsAlone };
}

/**
 * What follows the remarks an utterance opens with ("Good morning. I placed an order last week…", "Buenas
 * noches. Disculpe la molestia, ¿me podría indicar el horario…?"): the leading clauses of at most two words
 * that are not stop words are dropped while what remains still says enough by itself.
 */
function requestAfterRemarks(utterance: string, analyzer: TextAnalyzer): string | undefined {
  let rest = utterance;
  let dropped = false;
  for (;;) {
    const match = CLAUSE_BREAK.exec(rest);
    if (match === null) break;
    const opening = rest.slice(0, match.index);
    const remainder = rest.slice(match.index + match[0].length);
    const words = contentWordCount(opening, analyzer);
    if (words > MAX_REMARK_WORDS || contentWordCount(remainder, analyzer) < MIN_CLAUSE_WORDS) break;
    rest = remainder;
    dropped = true;
  }
  return dropped ? rest.trim() : undefined;
}

/**
 * The sentences of a message of several that end in a question mark ("¿A qué hora abren mañana? Quiero pasar
 * a platicar…"): each is also scored alone. A comma does not end a sentence: "my TV broke, what can I do?"
 * stays one question.
 */
function questionSentences(utterance: string): string[] {
  const sentences = utterance
    .split(/(?<=[.!?])\s+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  return sentences.length < 2 ? [] : sentences.filter((sentence) => sentence.endsWith('?'));
}

function contentWordCount(text: string, analyzer: TextAnalyzer): number {
  return analyzer.words(text).filter((word) => !word.isStopWord).length;
}

function intentSamples(intent: Intent, analyzer: TextAnalyzer, spotter: SlotSpotter): IntentSamples {
  const slotTypeOf = (slotName: string) => intent.Slots?.find((slot) => slot.Name === slotName)?.SlotTypeName;
  return {
    intentName: intent.Name,
    samples: (intent.SampleUtterances ?? []).map(({ Utterance }) => ({
      text: Utterance,
      items: templateItems(Utterance, slotTypeOf, analyzer, spotter),
    })),
  };
}

function elicitableSlots(
  intents: readonly Intent[],
  resolvers: ReadonlyMap<string, SlotTypeResolver>,
  language: NluLanguage,
): Map<string, ElicitableSlot> {
  const elicitable = new Map<string, ElicitableSlot>();
  for (const intent of intents) {
    for (const slot of intent.Slots ?? []) {
      const resolver = resolvers.get(slot.SlotTypeName);
      if (resolver === undefined) continue;
      const utterances = (slot.ValueElicitationSetting.SampleUtterances ?? []).map((u) => u.Utterance);
      elicitable.set(slotId(intent.Name, slot.Name), {
        resolver,
        templates: answerTemplates(slot.Name, utterances, language),
      });
    }
  }
  return elicitable;
}

function createResolvers(locale: BotLocale, context: ResolverContext): Map<string, SlotTypeResolver> {
  const resolvers = new Map<string, SlotTypeResolver>();
  for (const intent of locale.Intents ?? []) {
    for (const slot of intent.Slots ?? []) {
      if (resolvers.has(slot.SlotTypeName)) continue;
      try {
        resolvers.set(slot.SlotTypeName, createSlotTypeResolver(slot.SlotTypeName, locale, context));
      } catch (error) {
        throw new Error(
          `locale ${locale.LocaleId}, intent ${intent.Name}, slot ${slot.Name}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    }
  }
  return resolvers;
}

/** Slots in the order Lex fills them: ascending SlotPriorities, then as defined. */
function intentSlots(intent: Intent, customTypes: ReadonlySet<string>): IntentSlot[] {
  const priority = (name: string) =>
    intent.SlotPriorities?.find((entry) => entry.SlotName === name)?.Priority ?? Number.MAX_SAFE_INTEGER;
  return (intent.Slots ?? [])
    .map((slot, order) => ({ slot, order }))
    .sort((a, b) => priority(a.slot.Name) - priority(b.slot.Name) || a.order - b.order)
    .map(({ slot }) => ({
      name: slot.Name,
      slotTypeName: slot.SlotTypeName,
      isCustomType: customTypes.has(slot.SlotTypeName),
    }));
}

function slotId(intentName: string, slotName: string): string {
  return `${intentName}\u0000${slotName}`;
}

/** Whether the input gives a value of a slot type the sample has a placeholder for. */
function placesValue(judged: readonly JudgedItem[], sample: Sample | undefined): boolean {
  if (sample === undefined) return false;
  const placeholders = new Set(
    sample.items.filter((item) => item.kind === 'slot').flatMap((item) => item.keys),
  );
  return judged.some(({ item }) => item.kind === 'slot' && item.keys.some((key) => placeholders.has(key)));
}
