import { escapeRegExp } from '../../../functions/shared/regexp';

/**
 * People correct themselves mid-sentence ("it's 10021, no wait, 10002"; "el 10031... no, perdón, el 10001";
 * "that's my old one, I meant 10003"). Where an utterance holds several values a slot could take, the one
 * said after the last correction cue is the one meant; without a cue, the first still wins.
 */

interface Span {
  start: number;
  end: number;
}

/** Where correction cues stand in `text`, compared without case or accents (positions stay the text's own). */
export function correctionCueSpans(text: string, cues: readonly string[]): Span[] {
  const folded = foldInPlace(text);
  const spans: Span[] = [];
  for (const cue of cues) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(foldInPlace(cue))}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (const match of folded.matchAll(pattern)) {
      const start = match.index ?? 0;
      spans.push({ start, end: start + match[0].length });
    }
  }
  return spans.sort((a, b) => a.end - b.end);
}

/** Whether `text` opens by taking back what was said before it ("I meant...", "perdón, ..."). */
export function opensWithCorrection(text: string, cues: readonly string[]): boolean {
  const opening = text.length - text.trimStart().length;
  return correctionCueSpans(text, cues).some((span) => span.start === opening);
}

/** The value meant among several found in `text`: the last one said after a cue that follows the first. */
export function meantValue<T extends { start: number }>(
  values: readonly T[],
  text: string,
  cues: readonly string[],
): T | undefined {
  const [first] = values;
  if (values.length < 2 || first === undefined) return first;
  const cueEnds = correctionCueSpans(text, cues)
    .map((span) => span.end)
    .filter((end) => end > first.start);
  return values.filter((value) => cueEnds.some((end) => end <= value.start)).at(-1) ?? first;
}

/** Lowercase without diacritics, one character for one, so positions in the result are positions in `text`. */
function foldInPlace(text: string): string {
  return Array.from(text, (char) => {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return base.length === char.length ? base : char.toLowerCase();
  }).join('');
}
