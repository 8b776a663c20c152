import type { KnowledgeDocument } from './document';

/** A piece of a document small enough to put in a prompt, large enough to make sense alone. */
export interface Passage {
  /** `<docId>#<n>`, n from 1 in reading order. */
  id: string;
  docId: string;
  /** The headings of the sections it covers, for context and for search. */
  headings: string[];
  /** Markdown; a passage that starts inside a section repeats the section's heading line. */
  text: string;
}

export interface PassageSize {
  minWords: number;
  maxWords: number;
}

/**
 * ~40-120 words: a passage answers one part of the question without the rest of the document, and a handful of
 * them fit the model's prompt even on the phone, where every input token costs latency.
 */
export const PASSAGE_SIZE: PassageSize = { minWords: 40, maxWords: 120 };

interface Block {
  /** The heading line of the section the block is in, as written. */
  headingLine?: string;
  heading?: string;
  text: string;
  words: number;
  startsSection: boolean;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const SENTENCE_END = /(?<=[.!?])(\s+)/;

/**
 * Splits the body into passages: sections by heading, paragraphs and lists kept whole, grouped until the next one
 * would pass `maxWords`. A section boundary ends a passage that already has `minWords`; a smaller one carries on
 * into the next section. The last passage is balanced against the one before it (see balanceTail).
 */
export function splitIntoPassages(
  document: Pick<KnowledgeDocument, 'id' | 'body'>,
  size: PassageSize = PASSAGE_SIZE,
): Passage[] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let currentWords = 0;
  for (const block of blocksOf(document.body, size.maxWords)) {
    const full = currentWords + block.words > size.maxWords;
    const atBoundary = block.startsSection && currentWords >= size.minWords;
    if (current.length > 0 && (atBoundary || (full && currentWords >= size.minWords))) {
      groups.push(current);
      current = [];
      currentWords = 0;
    }
    current.push(block);
    currentWords += block.words;
  }
  if (current.length > 0) groups.push(...balanceTail(groups.pop(), current, size));
  return groups.map((group, index) => ({
    id: `${document.id}#${index + 1}`,
    docId: document.id,
    headings: [...new Set(group.flatMap((block) => (block.heading ? [block.heading] : [])))],
    text: renderGroup(group),
  }));
}

/**
 * A tail under `minWords` takes blocks from the end of the passage before it while that one keeps `minWords`,
 * and joins it when it still cannot stand alone.
 */
function balanceTail(previous: Block[] | undefined, tail: Block[], size: PassageSize): Block[][] {
  if (!previous) return [tail];
  let tailWords = wordsOf(tail);
  let previousWords = wordsOf(previous);
  while (tailWords < size.minWords && previous.length > 1) {
    const moved = previous[previous.length - 1] as Block;
    if (previousWords - moved.words < size.minWords || tailWords + moved.words > size.maxWords) break;
    previous.pop();
    tail.unshift(moved);
    tailWords += moved.words;
    previousWords -= moved.words;
  }
  return tailWords < size.minWords ? [[...previous, ...tail]] : [previous, tail];
}

function wordsOf(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.words, 0);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function renderGroup(group: readonly Block[]): string {
  const parts: string[] = [];
  let headingLine: string | undefined;
  for (const block of group) {
    if (block.headingLine !== undefined && block.headingLine !== headingLine) parts.push(block.headingLine);
    headingLine = block.headingLine;
    parts.push(block.text);
  }
  return parts.join('\n\n');
}

/** Paragraphs and lists (split on blank lines and headings), each tagged with its section's heading. */
function blocksOf(body: string, maxWords: number): Block[] {
  const blocks: Block[] = [];
  let section: Pick<Block, 'heading' | 'headingLine'> = {};
  let startsSection = false;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    lines = [];
    if (text.length === 0) return;
    for (const piece of splitLongText(text, maxWords)) {
      blocks.push({ ...section, text: piece, words: countWords(piece), startsSection });
      startsSection = false;
    }
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      section = { heading: heading[2] ?? '', headingLine: line.trim() };
      startsSection = true;
    } else if (line.trim().length === 0) {
      flush();
    } else {
      lines.push(line);
    }
  }
  flush();
  return blocks;
}

/** A paragraph or list longer than a passage is cut between sentences; a single longer sentence stays whole. */
function splitLongText(text: string, maxWords: number): string[] {
  if (countWords(text) <= maxWords) return [text];
  // Odd entries are the whitespace after each sentence, kept so a list keeps its line breaks.
  const parts = text.split(SENTENCE_END);
  const pieces: string[] = [];
  let piece = '';
  let pieceWords = 0;
  for (let index = 0; index < parts.length; index += 2) {
    const sentence = parts[index] ?? '';
    const words = countWords(sentence);
    if (piece && pieceWords + words > maxWords) {
      pieces.push(piece);
      piece = sentence;
      pieceWords = words;
    } else {
      piece = piece ? `${piece}${parts[index - 1] ?? ' '}${sentence}` : sentence;
      pieceWords += words;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}
