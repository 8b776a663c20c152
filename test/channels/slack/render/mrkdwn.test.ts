import fc from 'fast-check';
import { escapeMrkdwn, splitText } from '../../../../channels/slack/render/mrkdwn';

const RUNS = { numRuns: 300 };

/** The reverse of Slack's escaping, in one pass (so `&amp;lt;` becomes `&lt;`, not `<`). */
function unescapeMrkdwn(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text full of what must not be cut: markup characters, emoji (surrogate pairs), ZWJ sequences, flags. */
const tricky = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '. ', '? ', '! ', '\t') },
  { weight: 3, arbitrary: fc.constantFrom('&', '<', '>', '<@U1>', '<!channel>', 'a&b', '&amp;', '&lt;') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '👩‍👩‍👧', '🇨🇦', '𝔘', 'é', '日本') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const trickyText = (maxParts: number) =>
  fc.array(tricky, { maxLength: maxParts }).map((parts) => parts.join(''));

/** Escaped text (what the renderer splits): entities and surrogate pairs everywhere, few or no spaces. */
const escapedText = fc.oneof(
  trickyText(120).map(escapeMrkdwn),
  fc.string({ unit: 'grapheme', maxLength: 400 }).map(escapeMrkdwn),
  fc.string({ unit: 'binary', maxLength: 400 }).map(escapeMrkdwn),
  // Long runs without any boundary, so the cut must be a hard one.
  fc
    .array(fc.constantFrom('&amp;', '&lt;', '&gt;', '😀', 'x', '𝔘'), { minLength: 20, maxLength: 300 })
    .map((parts) => parts.join('')),
);
const maxLength = fc.integer({ min: 5, max: 200 });

describe('escapeMrkdwn', () => {
  it.each([
    ['a <b> & c', 'a &lt;b&gt; &amp; c'],
    ['<!channel> <@U1> <https://x|y>', '&lt;!channel&gt; &lt;@U1&gt; &lt;https://x|y&gt;'],
    ['already &amp; escaped', 'already &amp;amp; escaped'],
    ['*bold* _it_ ~s~ `c`', '*bold* _it_ ~s~ `c`'],
    ['', ''],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMrkdwn(text)).toBe(escaped);
  });

  it('never leaves a raw < or > and unescapes back to the input', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText(60), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        // Every & starts an entity, so nothing the text says can read as one.
        expect(escaped.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        expect(unescapeMrkdwn(escaped)).toBe(text);
      }),
      RUNS,
    );
  });
});

describe('splitText', () => {
  it('keeps text that fits as one trimmed piece, and gives nothing for blank text', () => {
    expect(splitText('  short answer \n', 100)).toEqual(['short answer']);
    expect(splitText('exactly10!', 10)).toEqual(['exactly10!']);
    expect(splitText(' \n\t ', 10)).toEqual([]);
    expect(splitText('', 10)).toEqual([]);
  });

  it('prefers a paragraph, then a line, then a sentence, then a word', () => {
    expect(splitText('First paragraph here.\n\nSecond one.', 30)).toEqual([
      'First paragraph here.',
      'Second one.',
    ]);
    expect(splitText('First line is here\nsecond line', 25)).toEqual(['First line is here', 'second line']);
    expect(splitText('One sentence here. Another sentence', 25)).toEqual([
      'One sentence here.',
      'Another sentence',
    ]);
    expect(splitText('many small words in a row', 12)).toEqual(['many small', 'words in a', 'row']);
  });

  it('cuts hard rather than leave a tiny first piece', () => {
    expect(splitText('ab cdefghijklmnop', 10)).toEqual(['ab cdefghi', 'jklmnop']);
  });

  it('moves on by a whole character when the limit is smaller than one', () => {
    expect(splitText('😀😀', 1)).toEqual(['😀', '😀']);
    expect(splitText('ab', 1)).toEqual(['a', 'b']);
  });

  it('does not cut an entity or an emoji in two', () => {
    expect(splitText('abcdefg&amp;hij', 10)).toEqual(['abcdefg', '&amp;hij']);
    expect(splitText('abcdefgh&lt;', 10)).toEqual(['abcdefgh', '&lt;']);
    expect(splitText('abcdefghi😀xyz', 10)).toEqual(['abcdefghi', '😀xyz']);
  });

  it('gives non-empty trimmed pieces within the limit that keep every character but whitespace, in order', () => {
    fc.assert(
      fc.property(fc.oneof(escapedText, trickyText(150)), maxLength, (text, max) => {
        const pieces = splitText(text, max);
        for (const piece of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece).toBe(piece.trim());
        }
        expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      RUNS,
    );
  });

  it('never cuts inside an entity or a surrogate pair', () => {
    let hardCuts = 0;
    fc.assert(
      fc.property(escapedText, maxLength, (text, max) => {
        const pieces = splitText(text, max);
        for (const piece of pieces) {
          // Each piece is whole escaped text: every & starts a complete entity.
          expect(piece.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
          expect(isHighSurrogate(piece.charCodeAt(piece.length - 1))).toBe(false);
          expect(isLowSurrogate(piece.charCodeAt(0))).toBe(false);
          expect(piece).not.toMatch(LONE_SURROGATE);
        }
        if (pieces.length > 1 && !/\s/.test(text)) hardCuts += 1;
      }),
      RUNS,
    );
    expect(hardCuts).toBeGreaterThan(20);
  });

  it('keeps every word whole and in order when every word fits in half a piece', () => {
    const letter = fc.constantFrom('a', 'b', 'é', '😀', '&', '<', '>', '.');
    const textAndMax = fc.integer({ min: 8, max: 80 }).chain((max) =>
      fc.record({
        max: fc.constant(max),
        parts: fc.array(
          fc.record({
            // Code units, not letters: an emoji counts two, and the separator may add a full stop.
            word: fc
              .array(letter, { minLength: 1, maxLength: Math.floor(max / 2) - 2 })
              .map((letters) => letters.join(''))
              .filter((word) => word.length <= Math.floor(max / 2) - 2),
            gap: fc.constantFrom(' ', '\n', '\n\n', '. ', '? ', '  ', ' \n '),
          }),
          { minLength: 10, maxLength: 100 },
        ),
      }),
    );
    let split = 0;
    fc.assert(
      fc.property(textAndMax, ({ max, parts }) => {
        const text = parts.map(({ word, gap }) => `${word}${gap}`).join('');
        const pieces = splitText(text, max);
        if (pieces.length > 2) split += 1;
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
        expect(pieces.join(' ').split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
      }),
      RUNS,
    );
    expect(split).toBeGreaterThan(100);
  });

  it('cuts the 3000-character sections of a long escaped answer without losing a word', () => {
    const answerWord = fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(/^[a-z]{1,12}[.,!?]?$/) },
      { weight: 1, arbitrary: fc.constantFrom('<b>', '&', 'a&b', '<@U1>', '<!channel>', '😀', '👩‍👩‍👧', '>') },
    );
    const answer = fc.array(answerWord, { minLength: 500, maxLength: 4000 });
    let multiPiece = 0;
    fc.assert(
      fc.property(answer, (words) => {
        const pieces = splitText(escapeMrkdwn(words.join(' ')), 3000);
        if (pieces.length > 2) multiPiece += 1;
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(3000);
        expect(unescapeMrkdwn(pieces.join(' ')).split(' ')).toEqual(words);
      }),
      { numRuns: 60 },
    );
    expect(multiPiece).toBeGreaterThan(5);
  });
});
