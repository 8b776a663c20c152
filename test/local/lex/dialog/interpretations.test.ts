import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import { LocaleDefinition } from '../../../../local/lex/dialog/intent-definitions';
import {
  classifiedInterpretations,
  currentIntentInterpretations,
} from '../../../../local/lex/dialog/interpretations';

const locale: BotLocale = {
  LocaleId: 'en_US',
  NluConfidenceThreshold: 0.4,
  Intents: [
    { Name: 'CheckOrderStatus' },
    { Name: 'StoreHours' },
    { Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' },
  ],
};
const definition = new LocaleDefinition(locale);
const candidate = (intentName: string, score: number) => ({ intentName, score, slots: {} });
const FALLBACK = {
  intent: { name: 'FallbackIntent', slots: {}, state: 'InProgress', confirmationState: 'None' },
  interpretationSource: 'Lex',
};

it('lists the classified intents with rounded scores, FallbackIntent after them when the top one is clear', () => {
  const listed = classifiedInterpretations(definition, [
    candidate('CheckOrderStatus', 0.8765),
    candidate('StoreHours', 0.1),
  ]);
  expect(listed.map((i) => [i.intent.name, i.nluConfidence?.score])).toEqual([
    ['CheckOrderStatus', 0.88],
    ['StoreHours', 0.1],
    ['FallbackIntent', undefined],
  ]);
  expect(listed[2]).toEqual(FALLBACK);
});

it('puts FallbackIntent first, without a score, when nothing reaches the threshold', () => {
  const listed = classifiedInterpretations(definition, [candidate('StoreHours', 0.39)]);
  expect(listed.map((i) => i.intent.name)).toEqual(['FallbackIntent', 'StoreHours']);
});

it('lists at most four classified intents besides FallbackIntent', () => {
  const many = Array.from({ length: 7 }, (_, index) => candidate(`Intent${index}`, 0.9 - index / 10));
  expect(classifiedInterpretations(definition, many)).toHaveLength(5);
});

it('interprets a turn of an intent under way as that intent, certain, with FallbackIntent after it', () => {
  const intent = { name: 'CheckOrderStatus', state: 'InProgress' as const, slots: {} };
  expect(currentIntentInterpretations(definition, intent)).toEqual([
    { intent, nluConfidence: { score: 1 }, interpretationSource: 'Lex' },
    FALLBACK,
  ]);
  const fallback = { name: 'FallbackIntent', state: 'InProgress' as const, slots: {} };
  expect(currentIntentInterpretations(definition, fallback)).toHaveLength(1);
});
