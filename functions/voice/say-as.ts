import { supportsTelephone } from './engine-support';

export type SpeechSegment =
  | { kind: 'text'; text: string }
  | { kind: 'say-as'; interpretAs: 'digits' | 'telephone' | 'date'; format?: 'ymd'; text: string };

/*
 * Only readings Polly documents are marked up. Clock times ("15:00") and prices ("$12.99") stay plain text:
 * Polly's `time` is a minutes-and-seconds duration (1'21"), and it has no currency reading, while its
 * ordinary text normalisation already says both correctly.
 */
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}$€£¥.,:/-])`;
const NOT_BEFORE = String.raw`(?![\p{L}\p{N}]|[.,:/-]\p{N})`;
const ISO_DATE = String.raw`(?<date>\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))`;
const PHONE = String.raw`(?<phone>(?:\+1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4})`;
const ORDER_NUMBER = String.raw`(?<order>\d{5})`;
const MARKED_UP = new RegExp(`${NOT_AFTER}(?:${ISO_DATE}|${PHONE}|${ORDER_NUMBER})${NOT_BEFORE}`, 'gu');

/** One sentence split into plain text and the numbers Polly should read in a particular way. */
export function speechSegments(sentence: string, localeId: string): SpeechSegment[] {
  const segments: SpeechSegment[] = [];
  let textStart = 0;
  for (const match of sentence.matchAll(MARKED_UP)) {
    const start = match.index;
    if (start > textStart) segments.push({ kind: 'text', text: sentence.slice(textStart, start) });
    segments.push(markedUp(match[0], match.groups ?? {}, localeId));
    textStart = start + match[0].length;
  }
  if (textStart < sentence.length) segments.push({ kind: 'text', text: sentence.slice(textStart) });
  return withoutDotAfterFinalSayAs(segments);
}

function markedUp(text: string, groups: Record<string, string | undefined>, localeId: string): SpeechSegment {
  if (groups.date) return { kind: 'say-as', interpretAs: 'date', format: 'ymd', text };
  if (groups.phone) {
    return { kind: 'say-as', interpretAs: supportsTelephone(localeId) ? 'telephone' : 'digits', text };
  }
  return { kind: 'say-as', interpretAs: 'digits', text };
}

/**
 * espeak (the local synthesiser) reads a "." straight after a closing tag at the end as "dot"; the `<s>`
 * around every sentence already ends it, so that full stop carries nothing.
 */
function withoutDotAfterFinalSayAs(segments: SpeechSegment[]): SpeechSegment[] {
  const last = segments.at(-1);
  const beforeLast = segments.at(-2);
  if (last?.kind === 'text' && /^\s*\.\s*$/.test(last.text) && beforeLast?.kind === 'say-as') {
    return segments.slice(0, -1);
  }
  return segments;
}
