import fc from 'fast-check';
import { LEX_MESSAGE_MAX_LENGTH } from '../../../../functions/lex-code-hook/answer-message';
import { messagesFor } from '../../../../functions/lex-code-hook/messages';
import {
  plainSpokenText,
  shortAnswer,
  ssmlMessage,
  type SsmlOptions,
} from '../../../../functions/lex-code-hook/voice/spoken-text';
import { POLLY_ENGINES } from '../../../../functions/voice/engine-support';
import { toPlainSpeechText } from '../../../../functions/voice/ssml';
import { ssmlProblems } from './ssml-rules';

const en = messagesFor('en_US');
const es = messagesFor('es_US');
const english: SsmlOptions = { engine: 'neural', localeId: 'en_US', messages: en };
const spanish: SsmlOptions = { engine: 'neural', localeId: 'es_US', messages: es };

const LONG_ANSWER =
  'You can return most items within 30 days. Bring the receipt to any store. ' +
  'Opened electronics have a 15% restocking fee. Gift returns get store credit.';

describe('ssmlProblems, the check the properties rely on', () => {
  it('finds what Lex or Polly would refuse', () => {
    expect(ssmlProblems('<speak><s>Hi</s></speak>', 'neural')).toEqual([]);
    expect(ssmlProblems('<speak><emphasis>Hi</emphasis></speak>', 'neural')).toEqual([
      '<emphasis> is not neural SSML',
    ]);
    expect(ssmlProblems('<speak><prosody pitch="high">Hi</prosody></speak>', 'neural')).toEqual([
      'prosody@pitch is not neural SSML',
    ]);
    expect(ssmlProblems('<speak>AT&T</speak>', 'standard')[0]).toMatch(/^not XML/);
    expect(ssmlProblems('<s>Hi</s>', 'standard')).toEqual(['root is not <speak>']);
    expect(ssmlProblems(`<speak>${'a'.repeat(1000)}</speak>`, 'standard')).toEqual(['length 1015']);
  });
});

describe('shortAnswer', () => {
  it('cuts an answer of more than two sentences to its first two, then offers the rest by text', () => {
    expect(shortAnswer(LONG_ANSWER, 'en_US', en)).toEqual({
      body: 'You can return most items within 30 days. Bring the receipt to any store.',
      ending: 'I can text you the full details: just say "text me the details".',
    });
  });

  it('offers the rest in Spanish', () => {
    const answer =
      'Aceptamos devoluciones durante 30 días. Traiga su recibo. Los regalos se devuelven con crédito.';
    expect(shortAnswer(answer, 'es_US', es)).toEqual({
      body: 'Aceptamos devoluciones durante 30 días. Traiga su recibo.',
      ending:
        'Puedo enviarle los detalles completos por mensaje de texto: solo diga "mándeme los detalles por mensaje".',
    });
  });

  it('keeps a short answer whole, with no offer', () => {
    const answer = 'You can return most items within 30 days. Bring the receipt.';
    expect(shortAnswer(answer, 'en_US', en)).toEqual({ body: answer });
  });

  it('keeps only the first of two long sentences', () => {
    const first = `Returns are accepted ${'for nearly every item we sell '.repeat(8)}within thirty days.`;
    const answer = `${first} ${'Refunds go back to the card you paid with after we check the item. '.repeat(2)}`;
    expect(shortAnswer(answer, 'en_US', en)).toEqual({ body: first, ending: en.details.offer });
  });
});

describe('plainSpokenText', () => {
  it('appends the ending and stays within a Lex message', () => {
    const body = 'A very long opening sentence without a stop '.repeat(30).trim();
    const text = plainSpokenText({ body, ending: en.details.offer });
    expect(text.length).toBeLessThanOrEqual(LEX_MESSAGE_MAX_LENGTH);
    expect(text.endsWith(` ${en.details.offer}`)).toBe(true);
    expect(plainSpokenText({ body: 'Hello.' })).toBe('Hello.');
  });
});

describe('ssmlMessage', () => {
  it('speaks the shortened answer and the offer as one document', () => {
    expect(ssmlMessage(shortAnswer(LONG_ANSWER, 'en_US', en), english)).toBe(
      '<speak><s>You can return most items within 30 days.</s><break time="300ms"/>' +
        '<s>Bring the receipt to any store.</s><break time="300ms"/>' +
        '<s>I can text you the full details: just say &quot;text me the details&quot;.</s></speak>',
    );
  });

  it('reads a phone number back as a telephone number, in both languages', () => {
    expect(ssmlMessage({ body: en.details.confirmNumber('(509) 555-1212') }, english)).toBe(
      '<speak><s>I&apos;ll text the full details to <say-as interpret-as="telephone">(509) 555-1212</say-as></s>' +
        '<break time="300ms"/><s>Is that the right number?</s></speak>',
    );
    expect(ssmlMessage({ body: es.details.confirmNumber('(509) 555-1212') }, spanish)).toContain(
      'al <say-as interpret-as="telephone">(509) 555-1212</say-as>',
    );
  });

  it('drops whole sentences from the end of a reply too long for one message, and says so', () => {
    const body = 'Our Downtown store opens at nine and closes at nine every weekday. '.repeat(30);
    const document = ssmlMessage({ body }, english);
    expect(document.length).toBeLessThanOrEqual(LEX_MESSAGE_MAX_LENGTH);
    expect(toPlainSpeechText(document)).toMatch(
      /^(Our Downtown store opens at nine and closes at nine every weekday\. )+That's the short version; an agent can tell you the rest\.$/,
    );
  });

  it('keeps the offer when an answer must lose sentences to fit', () => {
    const body = `${'Refunds go back to the card you paid with once the item is checked. '.repeat(20)}`;
    const document = ssmlMessage({ body, ending: en.details.offer }, english);
    expect(toPlainSpeechText(document).endsWith(en.details.offer)).toBe(true);
    expect(document.length).toBeLessThanOrEqual(LEX_MESSAGE_MAX_LENGTH);
  });

  it('cuts a single sentence too long for a message at a word', () => {
    const body = `Bring ${"the store's receipt & the box ".repeat(60)}please.`;
    const text = toPlainSpeechText(ssmlMessage({ body }, english));
    expect(text).toMatch(
      /^Bring the store's receipt & the box .*\. That's the short version; an agent can tell you the rest\.$/,
    );
  });

  it('apologises rather than say nothing when nothing in the text can be spoken', () => {
    expect(toPlainSpeechText(ssmlMessage({ body: '🎉 ✨ →' }, english))).toBe(en.common.unexpectedError);
  });

  it('turns any answer on any engine into one document Lex and Polly accept', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 1200 }),
      fc.string({ maxLength: 1200, unit: 'grapheme' }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(
              'Call (509) 555-1212.',
              'Order 10001 shipped on 2026-03-12.',
              "It's <b>50% off</b> & free!",
              '- a list item',
              '## Heading',
              'See https://example.com/a?b=1&c=2.',
              '<speak>not markup</speak>',
              ']]> <!-- --> <?xml?>',
            ),
            fc.lorem({ maxCount: 12 }),
          ),
          { maxLength: 40 },
        )
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...POLLY_ENGINES),
        fc.constantFrom('en_US', 'es_US'),
        fc.boolean(),
        (body, engine, localeId, asAnswer) => {
          const messages = messagesFor(localeId);
          const spoken = asAnswer ? shortAnswer(body, localeId, messages) : { body };
          const document = ssmlMessage(spoken, { engine, localeId, messages });
          expect(ssmlProblems(document, engine)).toEqual([]);
          expect(toPlainSpeechText(document)).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
