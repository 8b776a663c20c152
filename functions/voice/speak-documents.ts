import type { SpeechSegment } from './say-as';
import { escapeXml } from './xml-text';

/** Polly's limit on a whole SynthesizeSpeech text, tags included. */
export const POLLY_MAX_TOTAL_CHARS = 6000;

const SPEAK_OPEN = '<speak>';
const SPEAK_CLOSE = '</speak>';
const SENTENCE_PAUSE = '<break time="300ms"/>';

/** Characters Polly bills: everything outside tags (entities counted in full, which errs on the safe side). */
export function billedLength(ssml: string): number {
  return ssml.replace(/<[^>]*>/g, '').length;
}

interface RenderedSentence {
  ssml: string;
  billed: number;
}

/**
 * Sentences packed into as few `<speak>` documents as fit Polly's limits, split only between sentences;
 * a sentence too long for one document on its own is cut between words (or, for a single huge word,
 * between characters).
 */
export function speakDocuments(sentences: readonly SpeechSegment[][], maxBilledChars: number): string[] {
  const fitsAlone = (sentence: RenderedSentence) =>
    sentence.billed <= maxBilledChars &&
    SPEAK_OPEN.length + sentence.ssml.length + SPEAK_CLOSE.length <= POLLY_MAX_TOTAL_CHARS;
  const rendered = sentences.flatMap((segments) => fittingSentences(segments, fitsAlone, maxBilledChars));

  const documents: string[] = [];
  let current: RenderedSentence[] = [];
  let billed = 0;
  let total = 0;
  for (const sentence of rendered) {
    const pause = current.length > 0 ? SENTENCE_PAUSE.length : 0;
    const fits =
      billed + sentence.billed <= maxBilledChars &&
      SPEAK_OPEN.length + total + pause + sentence.ssml.length + SPEAK_CLOSE.length <= POLLY_MAX_TOTAL_CHARS;
    if (!fits && current.length > 0) {
      documents.push(speakDocument(current));
      current = [];
      billed = 0;
      total = 0;
    }
    total += (current.length > 0 ? SENTENCE_PAUSE.length : 0) + sentence.ssml.length;
    billed += sentence.billed;
    current.push(sentence);
  }
  if (current.length > 0) documents.push(speakDocument(current));
  return documents;
}

function speakDocument(sentences: readonly RenderedSentence[]): string {
  return SPEAK_OPEN + sentences.map((sentence) => sentence.ssml).join(SENTENCE_PAUSE) + SPEAK_CLOSE;
}

function renderSentence(segments: readonly SpeechSegment[]): RenderedSentence {
  const ssml = `<s>${segments.map(renderSegment).join('').trim()}</s>`;
  return { ssml, billed: billedLength(ssml) };
}

function renderSegment(segment: SpeechSegment): string {
  if (segment.kind === 'text') return escapeXml(segment.text);
  const format = segment.format ? ` format="${segment.format}"` : '';
  return `<say-as interpret-as="${segment.interpretAs}"${format}>${escapeXml(segment.text)}</say-as>`;
}

/** The sentence whole if it fits a document by itself, else consecutive parts of it that each do. */
function fittingSentences(
  segments: readonly SpeechSegment[],
  fitsAlone: (sentence: RenderedSentence) => boolean,
  maxBilledChars: number,
): RenderedSentence[] {
  const whole = renderSentence(segments);
  if (fitsAlone(whole)) return [whole];

  const parts: RenderedSentence[] = [];
  let current: SpeechSegment[] = [];
  for (const piece of segments.flatMap((segment) => smallPieces(segment, maxBilledChars))) {
    const extended = renderSentence([...current, piece]);
    if (fitsAlone(extended) || current.length === 0) {
      current.push(piece);
    } else {
      parts.push(renderSentence(current));
      current = [piece];
    }
  }
  if (current.length > 0) parts.push(renderSentence(current));
  return parts.filter((part) => part.billed > 0);
}

/** Text cut into words (keeping their trailing space), and words longer than a document cut to fit. */
function smallPieces(segment: SpeechSegment, maxBilledChars: number): SpeechSegment[] {
  if (segment.kind === 'say-as') return [segment];
  return (segment.text.match(/\S+\s*|\s+/g) ?? []).flatMap((word) =>
    chunksWithin(word, maxBilledChars).map((text) => ({ kind: 'text' as const, text })),
  );
}

/** `word` in consecutive chunks whose escaped length stays within `maxBilledChars`. */
function chunksWithin(word: string, maxBilledChars: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const character of word) {
    if (chunk !== '' && escapeXml(chunk + character).length > maxBilledChars) {
      chunks.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks;
}
