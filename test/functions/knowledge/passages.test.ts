import fc from 'fast-check';
import { countWords, splitIntoPassages, PASSAGE_SIZE } from '../../../functions/knowledge/passages';

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');
const sentences = (count: number, wordsEach: number) =>
  Array.from({ length: count }, () => `${words(wordsEach - 1)} end.`).join(' ');

function split(body: string) {
  return splitIntoPassages({ id: 'doc', body });
}

describe('splitIntoPassages', () => {
  it('keeps a short answer as one passage with the id <docId>#1', () => {
    expect(split('We ship to Canada and Mexico.')).toEqual([
      { id: 'doc#1', docId: 'doc', headings: [], text: 'We ship to Canada and Mexico.' },
    ]);
  });

  it('starts a new passage at a heading once the current one is big enough', () => {
    const body = [words(50), '## Canada', words(45, 'canada'), '## Mexico', words(45, 'mexico')].join('\n\n');
    const passages = split(body);
    expect(passages.map((passage) => passage.id)).toEqual(['doc#1', 'doc#2', 'doc#3']);
    expect(passages.map((passage) => passage.headings)).toEqual([[], ['Canada'], ['Mexico']]);
    expect(passages[1]?.text).toBe(`## Canada\n\n${words(45, 'canada')}`);
  });

  it('carries a section too small to stand alone into the next one', () => {
    const body = ['## Canada', words(10, 'canada'), '## Mexico', words(45, 'mexico')].join('\n\n');
    const passages = split(body);
    expect(passages).toHaveLength(1);
    expect(passages[0]?.headings).toEqual(['Canada', 'Mexico']);
    expect(passages[0]?.text).toBe(
      `## Canada\n\n${words(10, 'canada')}\n\n## Mexico\n\n${words(45, 'mexico')}`,
    );
  });

  it('groups paragraphs up to the maximum and repeats the heading in a passage that continues a section', () => {
    const body = ['## Returns', words(70, 'first'), words(70, 'second')].join('\n\n');
    expect(split(body).map((passage) => passage.text)).toEqual([
      `## Returns\n\n${words(70, 'first')}`,
      `## Returns\n\n${words(70, 'second')}`,
    ]);
  });

  it('cuts a paragraph longer than a passage between sentences', () => {
    const passages = split(sentences(30, 10));
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages)
      expect(countWords(passage.text)).toBeLessThanOrEqual(PASSAGE_SIZE.maxWords);
  });

  it('keeps a list whole, line breaks included, when it fits', () => {
    const list = [
      '- Standard: 3-5 business days.',
      '- Expedited: 2 business days.',
      '- Overnight: next day.',
    ];
    expect(split(list.join('\n'))[0]?.text).toBe(list.join('\n'));
  });

  it('balances a small last passage against the one before it', () => {
    const body = [words(13, 'a'), words(53, 'b'), words(51, 'c'), words(19, 'd')].join('\n\n');
    expect(split(body).map((passage) => countWords(passage.text))).toEqual([66, 70]);
  });

  it('joins a small last passage to the previous one when nothing can move', () => {
    const body = [words(100, 'a'), words(30, 'b')].join('\n\n');
    expect(split(body).map((passage) => countWords(passage.text))).toEqual([130]);
  });

  describe('on any Markdown answer', () => {
    const word = fc.constantFrom('ship', 'Canada', 'refund', 'receipt', '$19.99', 'days', 'store', 'gift');
    const sentence = fc.array(word, { minLength: 1, maxLength: 25 }).map((parts) => `${parts.join(' ')}.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));
    const list = fc
      .array(sentence, { minLength: 1, maxLength: 8 })
      .map((items) => items.map((item) => `- ${item}`).join('\n'));
    const heading = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => `## ${parts.join(' ')}`);
    const body = fc
      .array(fc.oneof(paragraph, list, heading), { minLength: 1, maxLength: 14 })
      .map((blocks) => blocks.join('\n\n'))
      .filter((text) => countWords(text.replace(/^##.*$/gm, '')) > 0);
    const withoutHeadings = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('## '))
        .join(' ')
        .split(/\s+/)
        .filter((part) => part.length > 0);

    it('loses, duplicates and reorders no text, headings aside', () => {
      fc.assert(
        fc.property(body, (text) => {
          const passages = split(text);
          expect(passages.flatMap((passage) => withoutHeadings(passage.text))).toEqual(withoutHeadings(text));
          expect(passages.map((passage) => passage.id)).toEqual(
            passages.map((_, index) => `doc#${index + 1}`),
          );
        }),
        { numRuns: 300 },
      );
    });

    it('makes passages of at least the minimum size, except a lone one', () => {
      fc.assert(
        fc.property(body, (text) => {
          const passages = split(text);
          if (passages.length === 1) return;
          for (const passage of passages)
            expect(countWords(withoutHeadings(passage.text).join(' '))).toBeGreaterThanOrEqual(
              PASSAGE_SIZE.minWords,
            );
        }),
        { numRuns: 300 },
      );
    });

    it('stays within the maximum plus what a too-small neighbour adds', () => {
      fc.assert(
        fc.property(body, (text) => {
          for (const passage of split(text)) {
            expect(countWords(withoutHeadings(passage.text).join(' '))).toBeLessThan(
              PASSAGE_SIZE.maxWords + 2 * PASSAGE_SIZE.minWords,
            );
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
