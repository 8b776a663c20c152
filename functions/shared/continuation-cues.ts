import { plainWords } from './plain-words';

/**
 * Openings that carry a question on from the one before ("and how long does it take?", "¿y cuánto se tarda?",
 * "what about returns?"), lowercase without accents, by locale.
 */
export const CONTINUATION_CUES: Readonly<Record<string, readonly string[]>> = {
  en_US: ['and', 'what about', 'how about', 'also', 'what if'],
  es_US: ['y', 'que tal', 'tambien'],
};

/** Whether a question opens by carrying on from the one before it. */
export function opensAsContinuation(question: string, localeId: string): boolean {
  const words = `${plainWords(question)} `;
  return (CONTINUATION_CUES[localeId] ?? []).some((cue) => words.startsWith(`${cue} `));
}
