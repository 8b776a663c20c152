import {
  PollyClient,
  SynthesizeSpeechCommand,
  type Engine,
  type OutputFormat,
  type VoiceId,
} from '@aws-sdk/client-polly';
import { LexServiceError, type LocaleVoice, type Message } from '../runtime/types';

export interface MessageSpeaker {
  /** The messages spoken one after another, in the audio format Lex was asked for (Response-Content-Type). */
  speak(messages: readonly Message[], voice: LocaleVoice, responseContentType: string): Promise<Buffer>;
}

/** Lex's audio answers and the Polly format that makes each: `audio/*` means mpeg, and pcm is 16 kHz. */
const FORMATS: ReadonlyMap<string, { format: OutputFormat; sampleRate?: string }> = new Map([
  ['audio/pcm', { format: 'pcm', sampleRate: '16000' }],
  ['audio/mpeg', { format: 'mp3' }],
  ['audio/*', { format: 'mp3' }],
  ['audio/ogg', { format: 'ogg_vorbis' }],
]);

/**
 * Speaks Lex messages as Lex does: through Polly (the real SDK client, pointed at whatever AWS_ENDPOINT_URL_POLLY
 * names, the local stand-in when offline) with the locale's voice, SSML messages as SSML and the rest as text.
 * Each message is one SynthesizeSpeech call; pcm and mp3 streams concatenate into one valid stream.
 * Cards and custom payloads are not spoken.
 */
export function pollyMessageSpeaker(client: PollyClient = new PollyClient({})): MessageSpeaker {
  return {
    async speak(messages, voice, responseContentType) {
      const mediaType = (responseContentType.split(';')[0] ?? '').trim().toLowerCase();
      const output = FORMATS.get(mediaType);
      if (!output) throw new LexServiceError('ValidationException', `Cannot speak in ${mediaType}`);
      const parts: Buffer[] = [];
      for (const [index, message] of messages.entries()) {
        if (message.contentType !== 'PlainText' && message.contentType !== 'SSML') continue;
        if (!message.content?.trim()) continue;
        try {
          const response = await client.send(
            new SynthesizeSpeechCommand({
              Text: message.content,
              TextType: message.contentType === 'SSML' ? 'ssml' : 'text',
              VoiceId: voice.voiceId as VoiceId,
              ...(voice.engine ? { Engine: voice.engine as Engine } : {}),
              OutputFormat: output.format,
              ...(output.sampleRate ? { SampleRate: output.sampleRate } : {}),
            }),
          );
          parts.push(Buffer.from((await response.AudioStream?.transformToByteArray()) ?? []));
        } catch (error) {
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          throw new LexServiceError(
            'DependencyFailedException',
            `Polly could not speak message ${index + 1} (${message.contentType}) with voice ${voice.voiceId}: ${reason}`,
          );
        }
      }
      return Buffer.concat(parts);
    },
  };
}
