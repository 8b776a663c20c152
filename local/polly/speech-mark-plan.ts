import { escapeXml } from '../../functions/voice/xml-text';
import { sentenceSpans } from './sentences';
import type { SsmlDocument, SsmlElementToken, SsmlTextToken, SsmlToken } from './ssml-document';

/** Something for espeak-ng to read: plain text, or a complete `<speak>` document. */
export interface SpeechText {
  text: string;
  ssml: boolean;
  /** False when it holds neither words nor a break: it would be silence, so it need not be synthesized. */
  speaks: boolean;
}

/**
 * A speech mark before the speech of `tails[tail]` (the input from the mark to its end), so its time is where
 * that speech starts in the whole input's audio; -1 for a mark at the very start, whose time is 0. Start and
 * end index the input (UTF-16).
 */
export interface PlannedMark {
  type: 'sentence' | 'ssml';
  tail: number;
  start: number;
  end: number;
  value: string;
}

/** What to synthesize to time the marks: the whole input, and its tails from each point where a mark falls. */
export interface MarkTimingPlan {
  whole: SpeechText;
  tails: SpeechText[];
  marks: PlannedMark[];
}

/** Plain text with a sentence mark at each sentence; the first sentence starts the audio. */
export function planPlainTextMarks(text: string, languageCode: string): MarkTimingPlan {
  const spans = sentenceSpans(text, languageCode);
  const tails = spans.slice(1).map((span) => ({ text: text.slice(span.start), ssml: false, speaks: true }));
  return {
    whole: { text, ssml: false, speaks: true },
    tails,
    marks: spans.map((span, index) => ({
      type: 'sentence',
      tail: index - 1,
      start: span.start,
      end: span.end,
      value: text.slice(span.start, span.end),
    })),
  };
}

/** The whole document as espeak-ng reads it: comments and processing instructions dropped, text re-escaped. */
export function espeakSsml(document: SsmlDocument): string {
  return new SsmlSlicer(document).slice(START, { token: document.tokens.length, offset: 0 }).text;
}

/** Before character `offset` of text token `token`; for any other token, before the token (offset 0). */
interface Position {
  token: number;
  offset: number;
}

const START: Position = { token: 0, offset: 0 };
const compare = (a: Position, b: Position): number => a.token - b.token || a.offset - b.offset;

/** Elements that end a sentence: Polly reads `<s>` and `<p>` as sentence and paragraph boundaries. */
const BLOCK_ELEMENTS = new Set(['speak', 'p', 's']);

interface SplitPoint {
  position: Position;
  mark: Omit<PlannedMark, 'tail'>;
}

/**
 * An SSML document's marks (each sentence start, each `<mark>`) with the tail of the document from each of
 * them. A tail is a complete `<speak>` document that re-opens the elements around its start, so a
 * `<prosody rate>` keeps its rate; its start moves back over the start tags just before it, so that a
 * sentence's `<s>` (which espeak-ng pauses for) is part of its tail. A mark at the very start has no tail.
 */
export function planSsmlMarks(
  document: SsmlDocument,
  languageCode: string,
  wanted: { sentences: boolean; marks: boolean },
): MarkTimingPlan {
  const points: SplitPoint[] = [
    ...(wanted.sentences ? sentencePoints(document, languageCode) : []),
    ...(wanted.marks ? markPoints(document) : []),
  ].map((point) => ({ ...point, position: cutBefore(document.tokens, point.position) }));

  const starts = points
    .map((point) => point.position)
    .filter((position) => compare(position, START) !== 0)
    .sort(compare)
    .filter((position, index, sorted) => index === 0 || compare(sorted[index - 1] ?? START, position) !== 0);
  const slicer = new SsmlSlicer(document);
  const end: Position = { token: document.tokens.length, offset: 0 };
  const marks = points.map(({ position, mark }) => ({
    ...mark,
    tail: starts.findIndex((start) => compare(start, position) === 0),
  }));
  return { whole: slicer.slice(START, end), tails: starts.map((start) => slicer.slice(start, end)), marks };
}

function sentencePoints(document: SsmlDocument, languageCode: string): SplitPoint[] {
  const { tokens, source } = document;
  return textRuns(tokens).flatMap((run) => {
    const visible = run.map((index) => textToken(tokens, index).text).join('');
    const locate = (character: number): { token: SsmlTextToken; position: Position } => {
      let before = 0;
      for (const index of run) {
        const token = textToken(tokens, index);
        if (character < before + token.text.length) {
          return { token, position: { token: index, offset: character - before } };
        }
        before += token.text.length;
      }
      throw new Error(`character ${character} is outside its run`);
    };
    return sentenceSpans(visible, languageCode).map((span) => {
      const first = locate(span.start);
      const last = locate(span.end - 1);
      const start = first.token.sourceOffsets[first.position.offset] ?? first.token.start;
      const end = last.token.sourceOffsets[last.position.offset + 1] ?? last.token.end;
      return {
        position: first.position,
        mark: { type: 'sentence' as const, start, end, value: source.slice(start, end) },
      };
    });
  });
}

function markPoints(document: SsmlDocument): SplitPoint[] {
  return document.tokens.flatMap((token, index) =>
    token.kind === 'empty' && token.name === 'mark'
      ? [
          {
            position: { token: index, offset: 0 },
            mark: {
              type: 'ssml' as const,
              start: token.start,
              end: token.end,
              value: token.attributes.name ?? '',
            },
          },
        ]
      : [],
  );
}

/** Indices of the text tokens that run together between sentence-ending elements. */
function textRuns(tokens: readonly SsmlToken[]): number[][] {
  const runs: number[][] = [[]];
  tokens.forEach((token, index) => {
    if (token.kind === 'text') runs.at(-1)?.push(index);
    else if (BLOCK_ELEMENTS.has(token.name)) runs.push([]);
  });
  return runs.filter((run) => run.length > 0);
}

function textToken(tokens: readonly SsmlToken[], index: number): SsmlTextToken {
  const token = tokens[index];
  if (token?.kind !== 'text') throw new Error(`token ${index} is not text`);
  return token;
}

/** Moves a cut back over whitespace and the start tags just before it, stopping at anything that is spoken. */
function cutBefore(tokens: readonly SsmlToken[], position: Position): Position {
  const at = tokens[position.token];
  if (at?.kind === 'text' && at.text.slice(0, position.offset).trim() !== '') return position;
  let index = position.token;
  for (let previous = tokens[index - 1]; previous; previous = tokens[index - 1]) {
    if (previous.kind === 'open' || (previous.kind === 'text' && previous.text.trim() === '')) index -= 1;
    else break;
  }
  return { token: index, offset: 0 };
}

/** Writes any stretch of the token stream as a well-formed document. */
class SsmlSlicer {
  /** The elements open before each token, outermost first; one more entry for the end of the document. */
  private readonly openBefore: SsmlElementToken[][] = [];

  constructor(private readonly document: SsmlDocument) {
    const open: SsmlElementToken[] = [];
    for (const token of document.tokens) {
      this.openBefore.push([...open]);
      if (token.kind === 'open') open.push(token);
      else if (token.kind === 'close') open.pop();
    }
    this.openBefore.push([...open]);
  }

  slice(from: Position, to: Position): SpeechText {
    const { source, tokens } = this.document;
    const parts = (this.openBefore[from.token] ?? []).map((element) =>
      source.slice(element.start, element.end),
    );
    let speaks = false;
    for (let index = from.token; index <= to.token && index < tokens.length; index += 1) {
      const token = tokens[index];
      if (!token) break;
      const startOffset = index === from.token ? from.offset : 0;
      if (token.kind === 'text') {
        const text = token.text.slice(startOffset, index === to.token ? to.offset : undefined);
        speaks ||= text.trim() !== '';
        parts.push(escapeXml(text));
      } else if (index < to.token) {
        speaks ||= token.name === 'break';
        parts.push(token.kind === 'close' ? `</${token.name}>` : source.slice(token.start, token.end));
      }
    }
    const closing = (this.openBefore[to.token] ?? []).map((element) => `</${element.name}>`).reverse();
    return { text: [...parts, ...closing].join(''), ssml: true, speaks };
  }
}
