import { PollyServiceError } from './errors';
import type { SsmlDocument } from './ssml-document';

/** SynthesizeSpeech limits (Polly quotas): the whole Text, and the characters that are billed. */
export const MAX_TOTAL_CHARACTERS = 6000;
export const MAX_BILLED_CHARACTERS = 3000;

/** Characters as Polly counts them: code points, so an emoji is one character, not two UTF-16 units. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/**
 * What Polly bills (x-amzn-RequestCharacters): every character of plain text; for SSML only the characters
 * outside tags, counted as written, so an entity such as &amp; counts in full. That is the rule the SSML
 * renderer budgets with (functions/voice/speak-documents.ts), so what it writes is never refused here.
 */
export function billedCharacters(text: string, document?: SsmlDocument): number {
  if (!document) return characterCount(text);
  return document.tokens.reduce(
    (count, token) =>
      token.kind === 'text'
        ? count + characterCount(text.slice(token.sourceOffsets[0], token.sourceOffsets.at(-1)))
        : count,
    0,
  );
}

export function checkTotalLength(text: string): void {
  const total = characterCount(text);
  if (total > MAX_TOTAL_CHARACTERS) {
    throw new PollyServiceError(
      'TextLengthExceededException',
      `Maximum text length has been exceeded: Text has ${total} characters, at most ${MAX_TOTAL_CHARACTERS} are allowed`,
    );
  }
}

export function checkBilledLength(billed: number): void {
  if (billed > MAX_BILLED_CHARACTERS) {
    throw new PollyServiceError(
      'TextLengthExceededException',
      `Maximum text length has been exceeded: ${billed} billed characters (SSML tags excluded), ` +
        `at most ${MAX_BILLED_CHARACTERS} are allowed`,
    );
  }
}
