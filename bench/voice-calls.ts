import { PollyClient, SynthesizeSpeechCommand, type VoiceId } from '@aws-sdk/client-polly';
import { asrAvailability } from '../local/asr';
import { placeCall } from '../local/call/place-call';
import { fromLittleEndianBytes } from '../local/audio/pcm';
import { startLocalStack } from '../local/stack';
import { lexClient } from '../test/support/local-stack';
import { stats, type LatencyStats } from './latency-stats';

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
  misses: { voice: string; said: string; heard: string; intent?: string }[];
}

export async function measureVoiceCalls(
  progress: (line: string) => void,
  port: number,
): Promise<VoiceCallsResult | { benchmark: 'voice-calls'; skipped: string }> {
  const asr = asrAvailability();
  if (!asr.available) return { benchmark: 'voice-calls', skipped: asr.reason };
  const stack = await startLocalStack({ port });
  const lex = lexClient(stack);
  const polly = new PollyClient({ endpoint: stack.endpoint });
  const turnMs: number[] = [];
  const uncached: number[] = [];
  const cached: number[] = [];
  const misses: VoiceCallsResult['misses'] = [];
  let exact = 0;
  let intents = 0;
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
        const started = performance.now();
        const [turn] = await placeCall([{ kind: 'say', text: phrase.text }], {
          lex,
          polly,
          callerVoice: voice,
          botId: 'RetailSupportBot',
          botAliasId: 'TSTALIASID',
          localeId: 'en_US',
          sessionId: `bench-voice-${voiceIndex}-${index}`,
        });
        turnMs.push(performance.now() - started - first.ms);
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
  } finally {
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
    spokenTurnMs: stats(turnMs),
    pollyUncachedMs: stats(uncached),
    pollyCachedMs: stats(cached),
    misses,
  };
}
