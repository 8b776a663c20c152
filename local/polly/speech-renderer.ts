import type { Pcm16 } from '../audio/pcm';
import type { EspeakSynthesizer, SpeakRequest } from '../speech/espeak';
import { encodeAudio } from './audio-encoding';
import { validationError } from './errors';
import { SizeBoundedCache, type CachedSpeech, type SpeechCacheStats } from './speech-cache';
import { measureSpeechMarks, speechMarkStream } from './speech-marks';
import { espeakSsml, planPlainTextMarks, planSsmlMarks } from './speech-mark-plan';
import type { OutputSpec } from './output-formats';
import type { SynthesisPlan } from './synthesis-plan';

export type SpeechEngine = Pick<EspeakSynthesizer, 'speak' | 'encodeMp3'>;

export interface RenderedSpeech {
  speech: CachedSpeech;
  fromCache: boolean;
}

/**
 * Each timed mark costs one more synthesis of the rest of the input (a few hundred ms), all in the one worker
 * that also speaks for the Lex emulator; beyond this many a request would hold it for minutes.
 */
export const MAX_TIMED_MARK_POSITIONS = 100;

/** Share of the cache bound given to raw synthesized audio rather than finished answers. */
const SYNTHESIS_SHARE = 0.25;

/**
 * Turns checked requests into response bodies, remembering recent answers. It also remembers recent raw
 * syntheses, because the same text is often asked for twice in different shapes: speech marks and then the
 * audio they describe, or one prompt in two formats; espeak-ng is the slow part.
 */
export class SpeechRenderer {
  private readonly answers: SizeBoundedCache<CachedSpeech>;
  private readonly syntheses: SizeBoundedCache<Pcm16>;

  constructor(
    private readonly engine: SpeechEngine,
    cacheBytes: number,
  ) {
    this.answers = new SizeBoundedCache(cacheBytes * (1 - SYNTHESIS_SHARE), (speech) => speech.body.length);
    this.syntheses = new SizeBoundedCache(cacheBytes * SYNTHESIS_SHARE, (pcm) => pcm.samples.byteLength);
  }

  async render(plan: SynthesisPlan): Promise<RenderedSpeech> {
    const cached = this.answers.get(plan.cacheKey);
    if (cached) return { speech: cached, fromCache: true };
    const speech: CachedSpeech = {
      body: plan.output.kind === 'marks' ? await this.marks(plan) : await this.audio(plan, plan.output),
      contentType: plan.output.contentType,
      requestCharacters: plan.requestCharacters,
    };
    this.answers.set(plan.cacheKey, speech);
    return { speech, fromCache: false };
  }

  /** Counters of the finished answers: what the console shows as the speech cache. */
  stats(): SpeechCacheStats {
    return this.answers.stats();
  }

  /** espeak-ng at its default rate: Polly's rate changes come in the SSML. */
  private async speak(request: Omit<SpeakRequest, 'wordsPerMinute'>): Promise<Pcm16> {
    const key = JSON.stringify([request.voice, request.ssml, request.text]);
    const cached = this.syntheses.get(key);
    if (cached) return cached;
    const pcm = await this.engine.speak(request);
    this.syntheses.set(key, pcm);
    return pcm;
  }

  private async audio(plan: SynthesisPlan, output: Extract<OutputSpec, { kind: 'audio' }>): Promise<Buffer> {
    const pcm = await this.speak({
      text: plan.document ? espeakSsml(plan.document) : plan.text,
      ssml: plan.document !== undefined,
      voice: plan.espeakVoice,
    });
    return encodeAudio(pcm, output.format, output.sampleRate, this.engine);
  }

  private async marks(plan: SynthesisPlan): Promise<Buffer> {
    const timing = plan.document
      ? planSsmlMarks(plan.document, plan.languageCode, {
          sentences: plan.markTypes.includes('sentence'),
          marks: plan.markTypes.includes('ssml'),
        })
      : planPlainTextMarks(plan.text, plan.languageCode);
    if (timing.tails.length > MAX_TIMED_MARK_POSITIONS) {
      throw validationError(
        `The local Polly times speech marks at up to ${MAX_TIMED_MARK_POSITIONS} places per request; this ` +
          `text has ${timing.tails.length + 1}. Split it into several requests.`,
      );
    }
    const marks = await measureSpeechMarks(plan.text, timing, (speech) =>
      this.speak({ text: speech.text, ssml: speech.ssml, voice: plan.espeakVoice }),
    );
    return speechMarkStream(marks);
  }
}
