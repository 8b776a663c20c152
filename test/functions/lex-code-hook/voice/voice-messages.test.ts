import { messagesFor, type MessageCatalogue } from '../../../../functions/lex-code-hook/messages';
import { readablePhoneNumber } from '../../../../functions/lex-code-hook/validation/phone-number';

/** The call and text-the-details sentences of a catalogue, filled with realistic values. */
function callSentences({ details, voice }: MessageCatalogue): string[] {
  return [
    details.offer,
    details.nothingToSend,
    details.askNumber,
    details.confirmNumber('(509) 555-1212'),
    details.requested,
    details.alreadyRequested('(509) 555-1212'),
    voice.noInput,
    voice.howCanIHelp,
    voice.yesOrNo,
    voice.goodbye,
    voice.shortened,
    ...Object.values(voice.slotPrompts).flatMap((prompts) => Object.values(prompts)),
  ];
}

describe('call and text-the-details messages', () => {
  it.each(['en_US', 'es_US'])('%s: every sentence fits a message and ends as a sentence', (localeId) => {
    for (const sentence of callSentences(messagesFor(localeId))) {
      expect(sentence.length).toBeGreaterThan(0);
      expect(sentence.length).toBeLessThan(300);
      expect(sentence).toMatch(/[.?!]$/);
      expect(sentence).not.toMatch(/undefined|\[object|\s{2}/);
    }
  });

  it('has Spanish wording for every English sentence', () => {
    const english = callSentences(messagesFor('en_US'));
    const spanish = callSentences(messagesFor('es_US'));
    expect(spanish).toHaveLength(english.length);
    spanish.forEach((sentence, index) => expect(sentence).not.toBe(english[index]));
  });

  it('quotes words that the bot understands as a request for the details', () => {
    expect(messagesFor('en_US').details.offer).toContain('"text me the details"');
    expect(messagesFor('es_US').details.offer).toContain('"mándeme los detalles por mensaje"');
  });
});

describe('readablePhoneNumber', () => {
  it.each([
    ['+15095551212', '(509) 555-1212'],
    ['15095551212', '(509) 555-1212'],
    ['5095551212', '(509) 555-1212'],
    ['+447700900123', '+447700900123'],
    ['+525512345678', '+525512345678'],
  ])('writes %s as %s', (normalized, readable) => {
    expect(readablePhoneNumber(normalized)).toBe(readable);
  });
});
