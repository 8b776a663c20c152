import type { Pcm16 } from '../audio/pcm';
import type { MarkTimingPlan, SpeechText } from './speech-mark-plan';

/** One line of Polly's `application/x-json-stream` speech marks; start and end are UTF-8 byte offsets. */
export interface SpeechMark {
  time: number;
  type: 'sentence' | 'ssml';
  start: number;
  end: number;
  value: string;
}

const TYPE_ORDER = { sentence: 0, ssml: 1 } as const;
/** About -54 dBFS: espeak-ng's pauses are digital silence, its quietest consonants well above this. */
const SOUND_THRESHOLD = 64;

/**
 * Speech marks timed on real synthesis. The whole input is synthesized, and so is its tail from each mark:
 * a tail ends exactly as the whole does, so where the tail's first sound falls, counted back from the end of
 * the whole, is where that speech starts in the whole audio. Each time is measured on its own, so errors do
 * not add up along the input as they would when summing the durations of pieces, each of which espeak-ng
 * pads with its own leading and trailing pause.
 */
export async function measureSpeechMarks(
  input: string,
  plan: MarkTimingPlan,
  speak: (text: SpeechText) => Promise<Pcm16>,
): Promise<SpeechMark[]> {
  const whole = await speak(plan.whole);
  const wholeMs = durationMs(whole.samples.length, whole.sampleRate);
  const lastSoundMs = durationMs(lastSound(whole.samples) + 1, whole.sampleRate);
  const tailStartMs: number[] = [];
  for (const tail of plan.tails) {
    if (!tail.speaks) {
      // Nothing left to say: the mark comes after everything spoken.
      tailStartMs.push(lastSoundMs);
      continue;
    }
    const audio = await speak(tail);
    const silentLead = firstSound(audio.samples) ?? audio.samples.length;
    const startMs = wholeMs - durationMs(audio.samples.length - silentLead, audio.sampleRate);
    tailStartMs.push(Math.min(wholeMs, Math.max(0, startMs)));
  }
  const toBytes = utf8Offsets(input);
  return plan.marks
    .map((mark) => ({
      time: Math.round(mark.tail < 0 ? 0 : (tailStartMs[mark.tail] ?? wholeMs)),
      type: mark.type,
      start: toBytes(mark.start),
      end: toBytes(mark.end),
      value: mark.value,
    }))
    .sort((a, b) => a.time - b.time || a.start - b.start || TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
}

/** The JSON stream Polly returns for OutputFormat json: one object per line. */
export function speechMarkStream(marks: readonly SpeechMark[]): Buffer {
  return Buffer.from(marks.map((mark) => `${JSON.stringify(mark)}\n`).join(''), 'utf8');
}

function durationMs(samples: number, sampleRate: number): number {
  return (samples / sampleRate) * 1000;
}

function firstSound(samples: Int16Array): number | undefined {
  const index = samples.findIndex((sample) => Math.abs(sample) > SOUND_THRESHOLD);
  return index === -1 ? undefined : index;
}

function lastSound(samples: Int16Array): number {
  return samples.findLastIndex((sample) => Math.abs(sample) > SOUND_THRESHOLD);
}

/** UTF-16 index in `text` -> UTF-8 byte offset, which is how Polly reports where a mark is in the input. */
function utf8Offsets(text: string): (index: number) => number {
  return (index) => Buffer.byteLength(text.slice(0, index), 'utf8');
}
