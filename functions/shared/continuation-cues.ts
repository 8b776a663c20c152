import { plainWords } from './plain-words';

/**
 * Openings that carry a question on from the one before ("and how long does it take?", "¿y cuánto se tarda?",
 * "what about returns?"), lowercase without accents, by locale.
 */
export const CONTINUATION_CUES: Readonly<Record<string, readonly string[]>> = {
  // Longest first: the cue a question opens with is the longest that fits ("and what about", not "and").
  en_US: ['and what about', 'and how about', 'what about', 'how about', 'what if', 'also', 'and'],
  es_US: ['y que tal', 'que tal', 'y si', 'y en', 'y con', 'y para', 'tambien', 'y'],
};

/** Whether a question opens by carrying on from the one before it. */
export function opensAsContinuation(question: string, localeId: string): boolean {
  const words = `${plainWords(question)} `;
  return (CONTINUATION_CUES[localeId] ?? []).some((cue) => words.startsWith(`${cue} `));
}
