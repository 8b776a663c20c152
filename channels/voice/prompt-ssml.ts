import { escapeXml } from '../../functions/voice/xml-text';

/** Outside XML 1.0's `Char` production: no escaping can carry it, and Polly rejects the document. */
export const ILLEGAL_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * A prompt as SSML: one `<s>` per sentence inside `<speak>`, the text escaped so any wording is safe. `speak`
 * and `s` are in every Polly engine's vocabulary, so the prompt never falls back to another voice.
 */
export function sentencesToSsml(sentences: readonly string[]): string {
  return `<speak>${sentences.map((sentence) => `<s>${escapeXml(sentence)}</s>`).join('')}</speak>`;
}
