import type { SlotTypeResolver, SlotValue } from '../slots/types';
import { meantValue } from './corrections';
import type { NluLanguage } from './language';
import { slotValue } from './slot-binding';
import { writtenWords, type WrittenWord } from './text';

/** A slot sample utterance with one placeholder, as the words around it. */
export interface AnswerTemplate {
  before: readonly string[];
  after: readonly string[];
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Reads a slot's sample utterances ("my order number is {OrderNumber}") as answer templates. Templates with
 * placeholders of other slots are left out: an answer to one prompt is read for that one slot.
 */
export function answerTemplates(
  slotName: string,
  utterances: readonly string[],
  language: NluLanguage,
): AnswerTemplate[] {
  const templates: AnswerTemplate[] = [];
  for (const utterance of utterances) {
    const placeholders = [...utterance.matchAll(PLACEHOLDER)];
    const [only] = placeholders;
    if (placeholders.length !== 1 || only === undefined || only[1]?.trim() !== slotName) continue;
    templates.push({
      before: normsOf(utterance.slice(0, only.index), language),
      after: normsOf(utterance.slice(only.index + only[0].length), language),
    });
  }
  return templates;
}

/**
 * The value of an elicited slot in an answer: the span a slot sample utterance points at, else the whole
 * answer read as a value, else the first value found inside it that `isValueText` accepts (the classifier
 * refuses one spelled only with function words: "una" in "tengo una pregunta" is an article, not 1).
 */
export function fillFromAnswer(
  answer: string,
  templates: readonly AnswerTemplate[],
  resolver: SlotTypeResolver,
  language: NluLanguage,
  isValueText: (text: string) => boolean = () => true,
): SlotValue | undefined {
  // A value read out of a longer text must say something of its own; one that is the whole text may not.
  const accepted = (value: SlotValue | undefined, text: string) =>
    value && (value.originalValue.trim() === text.trim() || isValueText(value.originalValue))
      ? value
      : undefined;
  const valuesIn = (text: string) =>
    resolver.find(text).filter((match) => isValueText(text.slice(match.start, match.end)));
  const words = writtenWords(answer, language);
  for (const template of templates) {
    for (const span of templateSpans(words, template)) {
      const text = answer.slice(span.start, span.end);
      const found = valuesIn(text);
      // "Es el 10021, no, espérate, es el 10002": of two values after "es el", the one meant is the corrected one.
      const value =
        (found.length > 1 ? meantValue(found, text, language.correctionCues) : undefined) ??
        accepted(resolver.resolve(text), text) ??
        meantValue(found, text, language.correctionCues);
      if (value !== undefined) return slotValue(value);
    }
  }
  const found = valuesIn(answer);
  const corrected = found.length > 1 ? meantValue(found, answer, language.correctionCues) : undefined;
  const whole = corrected ?? accepted(resolver.resolve(answer), answer);
  if (whole !== undefined) return slotValue(whole);
  const meant = meantValue(found, answer, language.correctionCues);
  return meant === undefined ? undefined : slotValue(meant);
}

/**
 * Where the placeholder could be: after the words before it (anywhere in the answer, or at its start when the
 * template starts with the placeholder), up to the next words after it (or the end).
 */
function templateSpans(
  words: readonly WrittenWord[],
  template: AnswerTemplate,
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const lastFirst = template.before.length === 0 ? 0 : words.length - template.before.length;
  for (let first = 0; first <= lastFirst; first++) {
    if (!matchesAt(words, first, template.before)) continue;
    const valueStart = first + template.before.length;
    const start = words[valueStart]?.start;
    if (start === undefined) continue;
    if (template.after.length === 0) {
      spans.push({ start, end: (words[words.length - 1] as WrittenWord).end });
      continue;
    }
    for (let afterStart = valueStart + 1; afterStart + template.after.length <= words.length; afterStart++) {
      if (!matchesAt(words, afterStart, template.after)) continue;
      spans.push({ start, end: (words[afterStart - 1] as WrittenWord).end });
      break;
    }
  }
  return spans;
}

function matchesAt(words: readonly WrittenWord[], at: number, expected: readonly string[]): boolean {
  return expected.every((norm, offset) => words[at + offset]?.norm === norm);
}

function normsOf(text: string, language: NluLanguage): string[] {
  return writtenWords(text, language).map((word) => word.norm);
}
