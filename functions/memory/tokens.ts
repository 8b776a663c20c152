/**
 * Roughly how many model tokens a text costs, without a tokenizer (none ships for Bedrock models). Subword
 * tokenizers spend about one token per 4 characters of a word, at least one per word, one per 3 digits
 * of a number and one per punctuation mark or symbol; counting per word keeps short-word and number-heavy
 * text from being underestimated the way a flat characters/4 would. Spaces are free, so the estimate of two
 * texts joined by a space is the sum of their estimates.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    if (/^\d/.test(piece)) tokens += Math.ceil(piece.length / 3);
    else if (/^[\p{L}\p{M}]/u.test(piece)) tokens += Math.max(1, Math.round(piece.length / 4));
    else tokens += 1;
  }
  return tokens;
}

/** A number, a word (letters with their accents), or any other single non-space character. */
const PIECE = /\d+|[\p{L}\p{M}]+|[^\s\d\p{L}\p{M}]/gu;
