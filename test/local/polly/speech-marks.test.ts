import fc from 'fast-check';
import type { Pcm16 } from '../../../local/audio/pcm';
import { PollyServiceError } from '../../../local/polly/errors';
import { MAX_TIMED_MARK_POSITIONS, SpeechRenderer } from '../../../local/polly/speech-renderer';
import type { MarkTimingPlan, SpeechText } from '../../../local/polly/speech-mark-plan';
import { measureSpeechMarks, speechMarkStream } from '../../../local/polly/speech-marks';
import { planSynthesis } from '../../../local/polly/synthesis-plan';

const RATE = 1000; // one sample a millisecond keeps the arithmetic readable

/** A piece of speech as the synthesizer renders it: silence (a pause), then sound. */
interface Piece {
  pauseMs: number;
  soundMs: number;
}

function render(pieces: readonly Piece[], leadMs = 0, tailMs = 0): Pcm16 {
  const samples: number[] = new Array<number>(leadMs).fill(0);
  for (const piece of pieces) {
    samples.push(...new Array<number>(piece.pauseMs).fill(0), ...new Array<number>(piece.soundMs).fill(3000));
  }
  samples.push(...new Array<number>(tailMs).fill(0));
  return { samples: Int16Array.from(samples), sampleRate: RATE };
}

/**
 * A synthesizer that behaves as espeak-ng does for the alignment to hold: a tail of the input renders as the
 * end of the whole audio, except for leading silence of its own (espeak-ng pauses before a re-opened `<s>`).
 */
function scenario(pieces: readonly Piece[], leads: readonly number[], endPauseMs: number) {
  const texts = new Map<string, Pcm16>([['whole', render(pieces, 0, endPauseMs)]]);
  const tails: SpeechText[] = pieces.slice(1).map((_, index) => {
    const text = `tail ${index}`;
    const rest = pieces.slice(index + 1);
    texts.set(
      text,
      render(
        [{ pauseMs: 0, soundMs: rest[0]?.soundMs ?? 0 }, ...rest.slice(1)],
        leads[index] ?? 0,
        endPauseMs,
      ),
    );
    return { text, ssml: false, speaks: true };
  });
  const plan: MarkTimingPlan = {
    whole: { text: 'whole', ssml: false, speaks: true },
    tails,
    marks: pieces.map((_, index) => ({
      type: 'sentence',
      tail: index - 1,
      start: index,
      end: index + 1,
      value: `${index}`,
    })),
  };
  const speak = (text: SpeechText): Promise<Pcm16> => {
    const pcm = texts.get(text.text);
    return pcm ? Promise.resolve(pcm) : Promise.reject(new Error(`unexpected text ${text.text}`));
  };
  return { plan, speak };
}

describe('measured speech mark times', () => {
  it('puts each mark where its speech starts in the whole audio', async () => {
    const { plan, speak } = scenario(
      [
        { pauseMs: 100, soundMs: 300 },
        { pauseMs: 200, soundMs: 300 },
        { pauseMs: 50, soundMs: 400 },
      ],
      [625, 0],
      300,
    );
    const marks = await measureSpeechMarks('abc', plan, speak);
    expect(marks.map((mark) => mark.time)).toEqual([0, 600, 950]);
  });

  it('gives a mark after everything spoken the time the speech ends, without synthesizing silence', async () => {
    const whole = render([{ pauseMs: 0, soundMs: 500 }], 0, 300);
    const plan: MarkTimingPlan = {
      whole: { text: 'whole', ssml: true, speaks: true },
      tails: [{ text: '<speak><mark name="end"/></speak>', ssml: true, speaks: false }],
      marks: [{ type: 'ssml', tail: 0, start: 0, end: 1, value: 'end' }],
    };
    const speak = jest.fn((text: SpeechText) =>
      text.text === 'whole' ? Promise.resolve(whole) : Promise.reject(new Error('silence was synthesized')),
    );
    expect((await measureSpeechMarks('x', plan, speak))[0]?.time).toBe(500);
    expect(speak).toHaveBeenCalledTimes(1);
  });

  it('times every mark at its speech onset, in input order and inside the audio, whatever the pauses', async () => {
    const piece = fc.record({
      pauseMs: fc.integer({ min: 0, max: 400 }),
      soundMs: fc.integer({ min: 1, max: 400 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 400 }),
        async (pieces, leads, endPauseMs) => {
          const { plan, speak } = scenario(pieces, leads, endPauseMs);
          const marks = await measureSpeechMarks('x'.repeat(pieces.length + 1), plan, speak);
          const wholeMs = pieces.reduce((sum, p) => sum + p.pauseMs + p.soundMs, endPauseMs);
          const onsets = pieces.map((_, index) =>
            index === 0
              ? 0
              : pieces
                  .slice(0, index)
                  .reduce((sum, p) => sum + p.pauseMs + p.soundMs, pieces[index]?.pauseMs ?? 0),
          );
          expect(marks.map((mark) => mark.value)).toEqual(pieces.map((_, index) => `${index}`));
          expect(marks.map((mark) => mark.time)).toEqual(onsets);
          expect(marks.every((mark) => mark.time >= 0 && mark.time <= wholeMs)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("writes Polly's JSON stream, start and end in UTF-8 bytes", async () => {
    const input = 'Olé. Adiós.';
    const plan: MarkTimingPlan = {
      whole: { text: input, ssml: false, speaks: true },
      tails: [],
      marks: [{ type: 'sentence', tail: -1, start: 5, end: 11, value: 'Adiós.' }],
    };
    const marks = await measureSpeechMarks(input, plan, () =>
      Promise.resolve(render([{ pauseMs: 0, soundMs: 10 }])),
    );
    expect(speechMarkStream(marks).toString()).toBe(
      '{"time":0,"type":"sentence","start":6,"end":13,"value":"Adiós."}\n',
    );
  });

  it('refuses more timed marks than it will synthesize for, before synthesizing anything', async () => {
    const engine = { speak: jest.fn(), encodeMp3: jest.fn() };
    const renderer = new SpeechRenderer(engine, 1024 * 1024);
    const marks = Array.from(
      { length: MAX_TIMED_MARK_POSITIONS + 1 },
      (_, index) => `a<mark name="m${index}"/>`,
    );
    const plan = planSynthesis({
      Text: `<speak>${marks.join('')}</speak>`,
      TextType: 'ssml',
      VoiceId: 'Joanna',
      Engine: 'neural',
      OutputFormat: 'json',
      SpeechMarkTypes: ['ssml'],
    });
    await expect(renderer.render(plan)).rejects.toThrow(PollyServiceError);
    await expect(renderer.render(plan)).rejects.toThrow(/at up to 100 places per request; this text has 102/);
    expect(engine.speak).not.toHaveBeenCalled();
  });
});
