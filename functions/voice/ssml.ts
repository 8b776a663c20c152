import * as z from 'zod/mini';
import { POLLY_ENGINES } from './engine-support';
import { speechSegments } from './say-as';
import { speakDocuments } from './speak-documents';
import { spokenSentences } from './spoken-sentences';
import { unescapeXml } from './xml-text';

/** Polly bills at most 3,000 characters per request; the floor keeps every say-as number whole. */
const renderOptionsSchema = z.object({
  engine: z.enum(POLLY_ENGINES),
  localeId: z.string().check(z.regex(/^[a-z]{2,3}_(?:[A-Z]{2}|\d{3})$/, 'a Lex locale id such as en_US')),
  maxBilledChars: z._default(z.int().check(z.gte(40), z.lte(3000)), 1500),
});

export type RenderSsmlOptions = z.input<typeof renderOptionsSchema>;

/**
 * Any answer as one or more `<speak>` documents Polly accepts for `engine`. Text is escaped, never parsed as
 * SSML, so model output cannot inject tags. Only `speak`, `s`, `break` and `say-as` (digits, telephone,
 * date) are emitted: the subset every engine supports, so no sentence falls back to another voice. An answer
 * with nothing to say gives no documents.
 */
export function renderSsml(text: string, options: RenderSsmlOptions): string[] {
  const parsed = renderOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`renderSsml options are invalid: ${z.prettifyError(parsed.error)}`);
  const { localeId, maxBilledChars } = parsed.data;
  const sentences = spokenSentences(text, localeId).map((sentence) => speechSegments(sentence, localeId));
  return speakDocuments(sentences, maxBilledChars);
}

/** What a rendered document says, without markup: for tests, logs and text fallbacks. */
export function toPlainSpeechText(ssml: string): string {
  return unescapeXml(ssml.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}
