import { fromLittleEndianBytes, type Pcm16 } from '../../audio/pcm';
import { LexServiceError } from '../runtime/types';

/**
 * Caller audio as Lex V2 accepts it: 16-bit little-endian mono PCM named `audio/l16; rate=16000; channels=1`,
 * `audio/x-l16; sample-rate=16000; channel-count=1` or `audio/lpcm; sample-rate=8000; ...`. Opus is accepted by
 * Lex but there is no Opus decoder here, so it is refused with what to send instead.
 */
export function decodeAudioInput(contentType: string, body: Buffer): Pcm16 {
  const [mediaType = '', ...rawParameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType === 'audio/x-cbr-opus-with-preamble') {
    throw new LexServiceError(
      'DependencyFailedException',
      'The local emulator cannot decode Opus audio; send audio/l16; rate=16000; channels=1 (16-bit little-endian PCM)',
    );
  }
  const parameters = new Map(
    rawParameters.map((parameter) => {
      const [name = '', value = ''] = parameter.split('=').map((part) => part.trim());
      return [name, value];
    }),
  );
  const channels = parameters.get('channels') ?? parameters.get('channel-count') ?? '1';
  if (channels !== '1')
    throw invalid(`audio must be mono (channels=1), not channels=${channels.slice(0, 10)}`);
  if ((parameters.get('is-big-endian') ?? 'false') !== 'false')
    throw invalid('audio must be little-endian PCM (is-big-endian=false)');
  const bits = parameters.get('sample-size-bits') ?? '16';
  if (bits !== '16') throw invalid(`audio must be 16-bit PCM, not sample-size-bits=${bits.slice(0, 10)}`);
  const rateText = parameters.get('rate') ?? parameters.get('sample-rate') ?? '16000';
  const sampleRate = Number(rateText);
  if (sampleRate !== 8000 && sampleRate !== 16000)
    throw invalid(`audio sample rate must be 8000 or 16000, not ${rateText.slice(0, 10)}`);
  if (body.length % 2 !== 0) throw invalid('16-bit PCM audio needs an even number of bytes');
  return fromLittleEndianBytes(body, sampleRate);
}

function invalid(reason: string): LexServiceError {
  return new LexServiceError('ValidationException', `Invalid Content-Type for inputStream: ${reason}`);
}
