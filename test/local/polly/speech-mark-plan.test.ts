import { parseSsmlDocument } from '../../../local/polly/ssml-document';
import { espeakSsml, planPlainTextMarks, planSsmlMarks } from '../../../local/polly/speech-mark-plan';

const both = { sentences: true, marks: true };

describe('speech mark timing plans', () => {
  it('marks each sentence of plain text, timed by the text from it to the end', () => {
    const text = '  Hello there.  How can I help? ';
    expect(planPlainTextMarks(text, 'en-US')).toEqual({
      whole: { text, ssml: false, speaks: true },
      tails: [{ text: 'How can I help? ', ssml: false, speaks: true }],
      marks: [
        { type: 'sentence', tail: -1, start: 2, end: 14, value: 'Hello there.' },
        { type: 'sentence', tail: 0, start: 16, end: 31, value: 'How can I help?' },
      ],
    });
  });

  it("reports Polly's own SSML example with the same sentence offsets and value", () => {
    const ssml =
      '<speak><prosody volume="+20dB">Mary had <break time="300ms"/>a little <mark name="animal"/>lamb</prosody></speak>';
    const { tails, marks } = planSsmlMarks(parseSsmlDocument(ssml), 'en-US', both);
    expect(marks).toEqual([
      {
        type: 'sentence',
        tail: -1,
        start: 31,
        end: 95,
        value: 'Mary had <break time="300ms"/>a little <mark name="animal"/>lamb',
      },
      { type: 'ssml', tail: 0, start: 70, end: 91, value: 'animal' },
    ]);
    expect(tails.map((tail) => tail.text)).toEqual([
      '<speak><prosody volume="+20dB"><mark name="animal"/>lamb</prosody></speak>',
    ]);
  });

  it('re-opens enclosing elements in a tail and starts it before the start tags of its sentence', () => {
    const ssml = '<speak><prosody rate="slow"><s>One.</s> <s>Two. Three.</s></prosody></speak>';
    const { whole, tails, marks } = planSsmlMarks(parseSsmlDocument(ssml), 'en-US', both);
    expect(whole.text).toBe(ssml);
    expect(tails.map((tail) => tail.text)).toEqual([
      '<speak><prosody rate="slow"> <s>Two. Three.</s></prosody></speak>',
      '<speak><prosody rate="slow"><s>Three.</s></prosody></speak>',
    ]);
    expect(marks.map((mark) => [mark.tail, mark.value])).toEqual([
      [-1, 'One.'],
      [0, 'Two.'],
      [1, 'Three.'],
    ]);
  });

  it('times only the marks asked for, and tells a tail with nothing left to say', () => {
    const ssml = '<speak><s><mark name="start"/>Hi.</s><break time="1s"/><mark name="end"/></speak>';
    const { tails, marks } = planSsmlMarks(parseSsmlDocument(ssml), 'en-US', {
      sentences: false,
      marks: true,
    });
    expect(tails).toEqual([{ text: '<speak><mark name="end"/></speak>', ssml: true, speaks: false }]);
    expect(marks.map((mark) => [mark.value, mark.tail])).toEqual([
      ['start', -1],
      ['end', 0],
    ]);
    const withBreak = planSsmlMarks(
      parseSsmlDocument('<speak>Hi.<mark name="m"/><break time="2s"/></speak>'),
      'en-US',
      {
        sentences: false,
        marks: true,
      },
    );
    expect(withBreak.tails).toEqual([
      { text: '<speak><mark name="m"/><break time="2s"/></speak>', ssml: true, speaks: true },
    ]);
  });

  it('maps sentences through entities and CDATA back to the input', () => {
    const ssml = '<speak>Fish &amp; chips. <![CDATA[Salt & vinegar.]]></speak>';
    const { marks } = planSsmlMarks(parseSsmlDocument(ssml), 'en-US', both);
    expect(marks.map((mark) => mark.value)).toEqual(['Fish &amp; chips.', 'Salt & vinegar.']);
  });

  it('gives espeak-ng the document without comments or processing instructions, text re-escaped', () => {
    const ssml = '<?xml version="1.0"?><speak><!-- x -->It&#39;s <![CDATA[a < b]]></speak>';
    expect(espeakSsml(parseSsmlDocument(ssml))).toBe('<speak>It&apos;s a &lt; b</speak>');
  });
});
