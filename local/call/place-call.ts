import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  LexRuntimeV2Client,
  RecognizeUtteranceCommand,
  type RecognizeUtteranceCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { PollyClient, SynthesizeSpeechCommand, type VoiceId } from '@aws-sdk/client-polly';
import { decodeWav, fromLittleEndianBytes, resample, toLittleEndianBytes, type Pcm16 } from '../audio/pcm';
import { DTMF_INPUT_ATTRIBUTE } from '../lex/voice/dtmf';
import type { CallStep } from './steps';

/** What Lex takes from Connect: 16 kHz, 16-bit, mono, little-endian. */
export const LEX_AUDIO = 'audio/l16; rate=16000; channels=1';
const SAMPLE_RATE = 16_000;

/** Request attributes Amazon Connect sends with every turn (seen in captured events). */
export const CONNECT_REQUEST_ATTRIBUTES = {
  'x-amz-lex:accept-content-types': 'PlainText,SSML',
  'x-amz-lex:channels:platform': 'Connect',
};

/** A different voice from the bot's, so a listener can tell caller from bot in a recording. */
const CALLER_VOICES: Readonly<Record<string, VoiceId>> = { en_US: 'Matthew', es_US: 'Pedro' };

export interface CallOptions {
  lex: LexRuntimeV2Client;
  /** Speaks `say:` steps; the same Polly the bot's answers come from. */
  polly: PollyClient;
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
  /** The caller id the contact flow would put in the session (`customerPhoneNumber`). */
  callerNumber?: string;
  /** The Polly voice that speaks `say:` steps; a voice other than the bot's by default. */
  callerVoice?: VoiceId;
}

export interface CallTurn {
  step: CallStep;
  /** What Lex heard: the ASR transcript, or the digits. */
  transcript: string;
  inputMode: string;
  botText: string[];
  /** The bot's answer as spoken, 16 kHz mono. */
  botAudio: Pcm16;
  intent?: string;
  intentState?: string;
  slots: Record<string, string>;
  sessionAttributes: Record<string, string>;
  /** Why the call would leave the bot here: the caller was transferred or the bot hung up. */
  ended?: 'transferred to an agent' | 'ended by the bot';
}

/**
 * Plays a caller's steps into Lex V2 with RecognizeUtterance, one turn each, as Connect does for a call:
 * audio as 16 kHz l16 with audio/pcm answers, keys as DTMF. Stops early when the bot hands the call to an
 * agent or ends it, because the contact flow would.
 */
export async function placeCall(steps: readonly CallStep[], options: CallOptions): Promise<CallTurn[]> {
  const turns: CallTurn[] = [];
  for (const [index, step] of steps.entries()) {
    const firstTurn = index === 0;
    const output = await options.lex.send(
      new RecognizeUtteranceCommand({
        botId: options.botId,
        botAliasId: options.botAliasId,
        localeId: options.localeId,
        sessionId: options.sessionId,
        responseContentType: 'audio/pcm',
        ...(firstTurn && options.callerNumber
          ? { sessionState: gzipJson({ sessionAttributes: { customerPhoneNumber: options.callerNumber } }) }
          : {}),
        ...(await stepInput(step, options)),
      }),
    );
    const turn = await describeTurn(step, output);
    turns.push(turn);
    if (turn.ended) break;
  }
  return turns;
}

/**
 * A caller's step as RecognizeUtterance input, as Connect sends it: keys as DTMF text, anything else as 16 kHz
 * l16 audio (a `say:` step spoken by `polly` first).
 */
export async function stepInput(
  step: CallStep,
  options: Pick<CallOptions, 'polly' | 'localeId' | 'callerVoice'>,
): Promise<{ requestContentType: string; inputStream: Buffer; requestAttributes: string }> {
  const attributes = (extra: Record<string, string> = {}) =>
    gzipJson({ ...CONNECT_REQUEST_ATTRIBUTES, ...extra });
  if (step.kind === 'dtmf') {
    return {
      requestContentType: 'text/plain; charset=utf-8',
      inputStream: Buffer.from(step.keys),
      requestAttributes: attributes({ [DTMF_INPUT_ATTRIBUTE]: 'DTMF' }),
    };
  }
  const audio = await callerAudio(step, options);
  return {
    requestContentType: LEX_AUDIO,
    inputStream: toLittleEndianBytes(resample(audio, SAMPLE_RATE)),
    requestAttributes: attributes(),
  };
}

async function callerAudio(
  step: Exclude<CallStep, { kind: 'dtmf' }>,
  options: Pick<CallOptions, 'polly' | 'localeId' | 'callerVoice'>,
): Promise<Pcm16> {
  switch (step.kind) {
    case 'wav':
      return decodeWav(await readFile(step.path));
    case 'silence':
      return { samples: new Int16Array(Math.round((step.ms / 1000) * SAMPLE_RATE)), sampleRate: SAMPLE_RATE };
    case 'say': {
      const speech = await options.polly.send(
        new SynthesizeSpeechCommand({
          Text: step.text,
          VoiceId: options.callerVoice ?? CALLER_VOICES[options.localeId] ?? 'Matthew',
          Engine: 'neural',
          OutputFormat: 'pcm',
          SampleRate: String(SAMPLE_RATE),
        }),
      );
      return fromLittleEndianBytes(await speech.AudioStream!.transformToByteArray(), SAMPLE_RATE);
    }
  }
}

async function describeTurn(step: CallStep, output: RecognizeUtteranceCommandOutput): Promise<CallTurn> {
  const state = ungzipJson(output.sessionState) as {
    intent?: {
      name?: string;
      state?: string;
      slots?: Record<string, { value?: { interpretedValue?: string } } | null>;
    };
    sessionAttributes?: Record<string, string>;
  };
  const messages = (ungzipJson(output.messages) ?? []) as { content?: string }[];
  const audio = output.audioStream ? await output.audioStream.transformToByteArray() : new Uint8Array();
  const sessionAttributes = state.sessionAttributes ?? {};
  const slots = Object.fromEntries(
    Object.entries(state.intent?.slots ?? {}).flatMap(([name, slot]) =>
      slot?.value?.interpretedValue ? [[name, slot.value.interpretedValue]] : [],
    ),
  );
  return {
    step,
    transcript: (ungzipJson(output.inputTranscript) as string | undefined) ?? '',
    inputMode: output.inputMode ?? '',
    botText: messages.map((message) => message.content ?? ''),
    botAudio: fromLittleEndianBytes(audio, SAMPLE_RATE),
    ...(state.intent?.name ? { intent: state.intent.name } : {}),
    ...(state.intent?.state ? { intentState: state.intent.state } : {}),
    slots,
    sessionAttributes,
    ...endOfCall(sessionAttributes),
  };
}

function endOfCall(attributes: Record<string, string>): Pick<CallTurn, 'ended'> {
  if (attributes['parley:handoff'] === 'agent') return { ended: 'transferred to an agent' };
  if (attributes['parley:endCall'] === 'true') return { ended: 'ended by the bot' };
  return {};
}

/** A RecognizeUtterance header: JSON, gzipped, base64. */
export function gzipJson(value: unknown): string {
  return gzipSync(JSON.stringify(value)).toString('base64');
}

/** A RecognizeUtterance header: base64 of gzipped JSON. */
export function ungzipJson(value: string | undefined): unknown {
  return value ? JSON.parse(gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) : undefined;
}
