/** A sentence as a half-open range [start, end) of UTF-16 indices, without surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * The sentences of `text` by Unicode sentence boundaries (Intl.Segmenter) for the language, each trimmed;
 * whitespace between sentences belongs to none of them.
 */
export function sentenceSpans(text: string, languageCode: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of new Intl.Segmenter(languageCode, { granularity: 'sentence' }).segment(
    text,
  )) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed !== '') spans.push({ start: index + leading, end: index + leading + trimmed.length });
  }
  return spans;
}
