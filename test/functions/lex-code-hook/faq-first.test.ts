import type { QuestionAnswerer } from '../../../functions/lex-code-hook/dependencies';
import { isFaqTakenForIntent, isQuestionAfterGreeting } from '../../../functions/lex-code-hook/faq-first';
import type { LexV2Event } from '../../../functions/lex-code-hook/lex-event';
import { lexEvent, slot } from './events';

function answerer(curated: boolean | Error): QuestionAnswerer & { looked: string[] } {
  const looked: string[] = [];
  return {
    looked,
    answer: () => Promise.reject(new Error('not asked here')),
    hasArticleFor: ({ question }) => {
      looked.push(question);
      return curated instanceof Error ? Promise.reject(curated) : Promise.resolve(curated);
    },
  };
}

function unsure(transcript: string, confidence = 0.48, changes: Partial<LexV2Event> = {}): LexV2Event {
  const event = lexEvent({
    intent: 'CheckOrderStatus',
    source: 'DialogCodeHook',
    inputTranscript: transcript,
  });
  const [first, ...rest] = event.interpretations;
  return { ...event, interpretations: [{ ...first!, nluConfidence: confidence }, ...rest], ...changes };
}

const deps = (questions: QuestionAnswerer) => ({ questions, staffAliasName: undefined });

describe('a question an article answers, taken by Lex for a business intent', () => {
  it('goes to the article when Lex was unsure, nothing was said yet, and an article lists the question', async () => {
    const questions = answerer(true);
    expect(await isFaqTakenForIntent(unsure('is shipping free?'), deps(questions))).toBe(true);
    expect(questions.looked).toEqual(['is shipping free?']);
  });

  it('looks the question up without the words it opens with', async () => {
    const questions = answerer(true);
    expect(await isFaqTakenForIntent(unsure('never mind, how do exchanges work?'), deps(questions))).toBe(
      true,
    );
    expect(questions.looked).toEqual(['how do exchanges work?']);
  });

  it('looks up each question asked among the story too, until an article is about one', async () => {
    const looked: string[] = [];
    const questions: QuestionAnswerer = {
      answer: () => Promise.reject(new Error('not asked here')),
      hasArticleFor: ({ question }) => {
        looked.push(question);
        return Promise.resolve(question === '¿Cuánto me sale el envío?');
      },
    };
    const message =
      'Tengo una prima en Toronto y le quiero mandar un regalo. ¿Se puede? ¿Cuánto me sale el envío?';
    expect(await isFaqTakenForIntent(unsure(message), deps(questions))).toBe(true);
    expect(looked).toEqual([message, '¿Se puede?', '¿Cuánto me sale el envío?']);
  });

  it('stays with the intent when Lex was sure, or no article lists the question, or the lookup fails', async () => {
    expect(await isFaqTakenForIntent(unsure('where is my order?', 0.95), deps(answerer(true)))).toBe(false);
    expect(await isFaqTakenForIntent(unsure('is shipping free?'), deps(answerer(false)))).toBe(false);
    expect(
      await isFaqTakenForIntent(unsure('is shipping free?'), deps(answerer(new Error('no index')))),
    ).toBe(false);
  });

  it('stays with the intent once a slot is given, on a retry, for key presses and for statements', async () => {
    const withNumber = lexEvent({
      intent: 'CheckOrderStatus',
      source: 'DialogCodeHook',
      inputTranscript: 'is order 10001 shipped?',
      slots: { OrderNumber: slot('10001') },
    });
    const retry = unsure('is shipping free?');
    const retried = {
      ...retry,
      proposedNextState: { ...retry.proposedNextState!, prompt: { attempt: 'Retry1' } },
    };
    for (const event of [
      { ...withNumber, interpretations: unsure('x').interpretations },
      retried,
      unsure('1', 0.48, { inputMode: 'DTMF' }),
      unsure('my order never came'),
    ]) {
      expect(await isFaqTakenForIntent(event, deps(answerer(true)))).toBe(false);
    }
  });
});

describe('a question that came with a greeting', () => {
  const greeting = (transcript: string, localeId = 'en_US') =>
    lexEvent({ intent: 'Welcome', source: 'DialogCodeHook', inputTranscript: transcript, localeId });

  it('goes to the article when an article is about the question after the greeting', async () => {
    const questions = answerer(true);
    expect(
      await isQuestionAfterGreeting(greeting('Good afternoon. What is your return policy?'), deps(questions)),
    ).toBe(true);
    expect(questions.looked).toEqual(['What is your return policy?']);
    expect(
      await isQuestionAfterGreeting(
        greeting('buenas tardes, ¿aceptan PayPal?', 'es_US'),
        deps(answerer(true)),
      ),
    ).toBe(true);
  });

  it('stays a greeting without a question after it, without an article, or for another intent', async () => {
    expect(await isQuestionAfterGreeting(greeting('hello there'), deps(answerer(true)))).toBe(false);
    expect(await isQuestionAfterGreeting(greeting('what can you do?'), deps(answerer(true)))).toBe(false);
    expect(await isQuestionAfterGreeting(greeting('hi, what can you do?'), deps(answerer(false)))).toBe(
      false,
    );
    const other = lexEvent({
      intent: 'StoreHours',
      source: 'DialogCodeHook',
      inputTranscript: 'hi, are you open?',
    });
    expect(await isQuestionAfterGreeting(other, deps(answerer(true)))).toBe(false);
  });
});
