import { PollyClient, SynthesizeSpeechCommand, type VoiceId } from '@aws-sdk/client-polly';
import { asrAvailability } from '../local/asr';
import { placeCall } from '../local/call/place-call';
import { fromLittleEndianBytes } from '../local/audio/pcm';
import { startLocalStack } from '../local/stack';
import { lexClient } from '../test/support/local-stack';
import { bedrockClient } from '../functions/generative/bedrock-client';
import type { SpeechTimings } from '../local/lex/http/speech';
import type { TurnLogEntry } from '../local/lex/runtime/turn-log';
import { coveredMs, percentile, round, stats, type LatencyStats } from './latency-stats';
import { SdkCallRecorder, type SdkCall } from './sdk-calls';

/**
 * What a caller says and what the bot should understand: sample-utterance wording and paraphrases, two
 * caller voices. Not the call-loop test's sentences only, so the figure is not tuned to the tests.
 */
const PHRASES: readonly { text: string; intent: string }[] = [
  { text: 'where is my order', intent: 'CheckOrderStatus' },
  { text: 'i want to check my order status', intent: 'CheckOrderStatus' },
  { text: 'has my package shipped', intent: 'CheckOrderStatus' },
  { text: 'what are your store hours', intent: 'StoreHours' },
  { text: 'what time do you close on saturday', intent: 'StoreHours' },
  { text: 'reset my password', intent: 'ResetPassword' },
  { text: 'i forgot my password', intent: 'ResetPassword' },
  { text: 'can someone call me back', intent: 'BookCallback' },
  { text: 'talk to an agent', intent: 'TalkToAgent' },
  { text: 'i want to talk to an agent', intent: 'TalkToAgent' },
  { text: 'what is your return policy', intent: 'FallbackIntent' },
  { text: 'do you ship to canada', intent: 'FallbackIntent' },
  { text: 'text me the details', intent: 'SendAnswerDetails' },
  { text: 'no thats all', intent: 'EndConversation' },
];
const CALLER_VOICES: readonly VoiceId[] = ['Matthew', 'Joanna'];

export interface VoiceCallsResult {
  benchmark: 'voice-calls';
  timestamp: string;
  node: string;
  asr: string;
  utterances: number;
  transcriptExact: number;
  intentCorrect: number;
  /** RecognizeUtterance with audio in and audio/pcm out: ASR, dialog, code hook, Polly. */
  spokenTurnMs: LatencyStats;
  /** SynthesizeSpeech of a sentence not yet in the cache, and of the same sentence again. */
  pollyUncachedMs: LatencyStats;
  pollyCachedMs: LatencyStats;
  /** Where a spoken turn's time goes, each step's median over the utterances (see SpokenTurnSplit). */
  split: SpokenTurnSplit;
  /** Recognition time per second of caller audio (pocketsphinx), the median over the utterances. */
  recognitionMsPerAudioSecond: number;
  /** The local Polly's cache over this benchmark: the callers' and the bot's speech together. */
  pollyCache: { hits: number; misses: number };
  /** Time to first audio byte and to the last, for a short and a long answer, new and repeated. */
  speech: Record<'short' | 'long', SpeechTiming>;
  misses: { voice: string; said: string; heard: string; intent?: string }[];
}

/**
 * One RecognizeUtterance (audio in, audio/pcm out) in its steps, medians in milliseconds: recognising the
 * audio, the emulator's NLU and dialog, the code hook without its model call, the model call (Converse on the
 * wire), speaking the answer through Polly, and the rest (HTTP, audio coding, session handling).
 */
export interface SpokenTurnSplit {
  totalMs: number;
  recognitionMs: number;
  nluMs: number;
  hookMs: number;
  modelMs: number;
  speechMs: number;
  otherMs: number;
}

export interface SpeechTiming {
  characters: number;
  uncachedFirstByteMs: LatencyStats;
  uncachedTotalMs: LatencyStats;
  cachedFirstByteMs: LatencyStats;
  cachedTotalMs: LatencyStats;
}

/** A short answer and a long one (a curated article answer's length); a number makes each sample new. */
const ANSWERS: Record<'short' | 'long', (sample: number) => string> = {
  short: (sample) => `Your order ${10_000 + sample} has shipped.`,
  long: (sample) =>
    `You can return most items within 30 days of delivery for a full refund, in any of our stores or by mail. ` +
    `Bring the receipt or the order number ${10_000 + sample}; items bought on sale can be returned too. ` +
    `Refunds go back to the original payment method within 5 to 7 business days.`,
};
const SPEECH_SAMPLES = 5;

export async function measureVoiceCalls(
  progress: (line: string) => void,
  port: number,
): Promise<VoiceCallsResult | { benchmark: 'voice-calls'; skipped: string }> {
  const asr = asrAvailability();
  if (!asr.available) return { benchmark: 'voice-calls', skipped: asr.reason };
  // What the stack reports of the turn in flight (one at a time).
  const entries: TurnLogEntry[] = [];
  const reported: SpeechTimings[] = [];
  const stack = await startLocalStack({
    port,
    turnLog: (entry) => entries.push(entry),
    speechTimings: (timings) => reported.push(timings),
  });
  const lex = lexClient(stack);
  const polly = new PollyClient({ endpoint: stack.endpoint });
  const recorder = new SdkCallRecorder();
  const detach = [recorder.attach('bedrock', bedrockClient()), recorder.attach('lex', lex)];
  const splits: SpokenTurnSplit[] = [];
  const recognitionPerSecond: number[] = [];
  const cacheBefore = stack.pollyCacheStats();
  const uncached: number[] = [];
  const cached: number[] = [];
  const misses: VoiceCallsResult['misses'] = [];
  let exact = 0;
  let intents = 0;
  let speech: VoiceCallsResult['speech'];
  let pollyCache: VoiceCallsResult['pollyCache'];
  try {
    for (const [voiceIndex, voice] of CALLER_VOICES.entries()) {
      for (const [index, phrase] of PHRASES.entries()) {
        const synthesize = async () => {
          const started = performance.now();
          const output = await polly.send(
            new SynthesizeSpeechCommand({
              Text: phrase.text,
              VoiceId: voice,
              Engine: 'neural',
              OutputFormat: 'pcm',
              SampleRate: '16000',
            }),
          );
          const bytes = await output.AudioStream!.transformToByteArray();
          return { ms: performance.now() - started, pcm: fromLittleEndianBytes(bytes, 16_000) };
        };
        const first = await synthesize();
        uncached.push(first.ms);
        cached.push((await synthesize()).ms);
        recorder.take();
        entries.length = 0;
        reported.length = 0;
        const [turn] = await placeCall([{ kind: 'say', text: phrase.text }], {
          lex,
          polly,
          callerVoice: voice,
          botId: 'RetailSupportBot',
          botAliasId: 'TSTALIASID',
          localeId: 'en_US',
          sessionId: `bench-voice-${voiceIndex}-${index}`,
        });
        const timings = reported.at(-1);
        splits.push(splitOf(recorder.take(), entries.at(-1), timings));
        if (timings?.recognitionMs !== undefined && timings.audioSeconds) {
          recognitionPerSecond.push(timings.recognitionMs / timings.audioSeconds);
        }
        const heard = turn?.transcript ?? '';
        const exactMatch = heard.replace(/'/g, '') === phrase.text.replace(/'/g, '');
        const intentMatch = turn?.intent === phrase.intent;
        if (exactMatch) exact += 1;
        if (intentMatch) intents += 1;
        if (!exactMatch || !intentMatch) {
          misses.push({ voice, said: phrase.text, heard, ...(turn?.intent ? { intent: turn.intent } : {}) });
        }
        progress(
          `voice calls: ${voiceIndex * PHRASES.length + index + 1}/${PHRASES.length * CALLER_VOICES.length}`,
        );
      }
    }
    progress('voice calls: speaking short and long answers');
    speech = {
      short: await speechTiming(polly, ANSWERS.short),
      long: await speechTiming(polly, ANSWERS.long),
    };
    const cacheAfter = stack.pollyCacheStats();
    pollyCache = { hits: cacheAfter.hits - cacheBefore.hits, misses: cacheAfter.misses - cacheBefore.misses };
  } finally {
    for (const remove of detach) remove();
    lex.destroy();
    polly.destroy();
    await stack.close();
  }
  const utterances = PHRASES.length * CALLER_VOICES.length;
  return {
    benchmark: 'voice-calls',
    timestamp: new Date().toISOString(),
    node: process.version,
    asr: 'pocketsphinx_batch + JSGF from the bot definition (en_US)',
    utterances,
    transcriptExact: Math.round((exact / utterances) * 1000) / 10,
    intentCorrect: Math.round((intents / utterances) * 1000) / 10,
    spokenTurnMs: stats(splits.map((split) => split.totalMs)),
    pollyUncachedMs: stats(uncached),
    pollyCachedMs: stats(cached),
    split: medianSplit(splits),
    recognitionMsPerAudioSecond: round(percentile(recognitionPerSecond, 0.5)),
    pollyCache,
    speech,
    misses,
  };
}

/** A turn's steps from what the stack and the recorder saw of it (see SpokenTurnSplit). */
export function splitOf(
  calls: readonly SdkCall[],
  entry: TurnLogEntry | undefined,
  timings: SpeechTimings | undefined,
): SpokenTurnSplit {
  const roundTrip = calls.find((call) => call.client === 'lex');
  const totalMs = roundTrip ? roundTrip.endMs - roundTrip.startMs : 0;
  const model = calls.filter((call) => call.client === 'bedrock').flatMap((call) => call.wire);
  const modelMs = roundTrip ? coveredMs(model, roundTrip) : 0;
  const codeHookMs = entry?.codeHookMs ?? 0;
  const recognitionMs = timings?.recognitionMs ?? 0;
  const speechMs = timings?.speechMs ?? 0;
  const nluMs = Math.max(0, (entry?.totalMs ?? 0) - codeHookMs);
  const hookMs = Math.max(0, codeHookMs - modelMs);
  return {
    totalMs,
    recognitionMs,
    nluMs,
    hookMs,
    modelMs,
    speechMs,
    otherMs: Math.max(0, totalMs - recognitionMs - nluMs - hookMs - modelMs - speechMs),
  };
}

function medianSplit(splits: readonly SpokenTurnSplit[]): SpokenTurnSplit {
  const median = (step: keyof SpokenTurnSplit) =>
    round(
      percentile(
        splits.map((split) => split[step]),
        0.5,
      ),
    );
  return {
    totalMs: median('totalMs'),
    recognitionMs: median('recognitionMs'),
    nluMs: median('nluMs'),
    hookMs: median('hookMs'),
    modelMs: median('modelMs'),
    speechMs: median('speechMs'),
    otherMs: median('otherMs'),
  };
}

/**
 * SynthesizeSpeech of an answer as pcm, timed to its first audio byte and its last: new texts (cache misses),
 * then the last of them again (hits).
 */
async function speechTiming(polly: PollyClient, answer: (sample: number) => string): Promise<SpeechTiming> {
  const speak = async (text: string) => {
    const started = performance.now();
    const output = await polly.send(
      new SynthesizeSpeechCommand({
        Text: text,
        VoiceId: 'Joanna',
        Engine: 'neural',
        OutputFormat: 'pcm',
        SampleRate: '16000',
      }),
    );
    let firstByteMs: number | undefined;
    for await (const chunk of output.AudioStream as AsyncIterable<Uint8Array>) {
      if (chunk.byteLength > 0) firstByteMs ??= performance.now() - started;
    }
    return { firstByteMs: firstByteMs ?? Number.NaN, totalMs: performance.now() - started };
  };
  const runId = Date.now() % 100_000;
  const uncached = [];
  for (let sample = 0; sample < SPEECH_SAMPLES; sample += 1)
    uncached.push(await speak(answer(runId + sample)));
  const cached = [];
  for (let sample = 0; sample < SPEECH_SAMPLES; sample += 1) cached.push(await speak(answer(runId)));
  return {
    characters: answer(runId).length,
    uncachedFirstByteMs: stats(uncached.map((time) => time.firstByteMs)),
    uncachedTotalMs: stats(uncached.map((time) => time.totalMs)),
    cachedFirstByteMs: stats(cached.map((time) => time.firstByteMs)),
    cachedTotalMs: stats(cached.map((time) => time.totalMs)),
  };
}
