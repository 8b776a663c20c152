import { sentenceSegments } from '../shared/sentences';

/**
 * Answer text (plain, or model output with Markdown and links) as the sentences a voice should say.
 * Markup is dropped rather than read out: headings and list items become sentences of their own, links
 * keep their text, bare URLs are reduced to their domain, and emoji and stray symbols go.
 */
export function spokenSentences(text: string, localeId: string): string[] {
  return spokenBlocks(text, localeId).flatMap((block) =>
    sentenceSegments(block, localeId)
      .map((sentence) => sentence.trim())
      .filter(hasSpeakableContent),
  );
}

const LIST_LEAD_INS: Readonly<Record<string, { first: string; next: string }>> = {
  en: { first: 'First, ', next: 'Next, ' },
  es: { first: 'Primero, ', next: 'Luego, ' },
};

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])[ \t]+(.*)$/;
const RULE_OR_FENCE = /^\s*(?:[-*_=]{3,}|`{3,}.*|~{3,}.*)\s*$/;
const BLOCK_QUOTE = /^\s*>[ \t]?/;

/** Paragraphs, headings and list items, each already cleaned to speakable text. */
function spokenBlocks(text: string, localeId: string): string[] {
  const leadIns = LIST_LEAD_INS[localeId.split('_')[0] ?? ''];
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let listItems: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(asSentence(paragraph.join(' ')));
    paragraph = [];
  };
  const endList = () => {
    const spokenAsSteps = leadIns !== undefined && listItems.length > 1;
    listItems.forEach((item, index) => {
      const leadIn = spokenAsSteps ? (index === 0 ? leadIns.first : leadIns.next) : '';
      blocks.push(asSentence(leadIn + item));
    });
    listItems = [];
  };
  for (const rawLine of withoutInlineMarkup(text).split(/\r\n|[\n\r\u2028\u2029]/)) {
    const line = rawLine.replace(BLOCK_QUOTE, '');
    const heading = HEADING.exec(line);
    const listItem = LIST_ITEM.exec(line);
    if (heading || listItem || RULE_OR_FENCE.test(line) || line.trim() === '') {
      endParagraph();
      if (!listItem) endList();
    }
    if (heading) blocks.push(asSentence(speakableCharacters(heading[1] ?? '')));
    else if (listItem) listItems.push(speakableCharacters(listItem[1] ?? ''));
    else if (!RULE_OR_FENCE.test(line) && line.trim() !== '') {
      endList();
      paragraph.push(speakableCharacters(line));
    }
  }
  endParagraph();
  endList();
  return blocks.filter(hasSpeakableContent);
}

/** Links become their text, URLs their domain, and HTML-like tags (model output, Slack tokens) disappear. */
function withoutInlineMarkup(text: string): string {
  return text
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/<((?:https?:\/\/|www\.)[^\s<>]+)>/gi, '$1')
    .replace(HTML_LIKE_TAG, ' ')
    .replace(URL_PATTERN, (url) => ` ${spokenDomain(url)} `);
}

export const HTML_LIKE_TAG = /<\/?[A-Za-z!@#][^<>\n]*>/g;
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>()[\]{}"']*[^\s<>()[\]{}"'.,;:!?]/gi;

/** `https://www.example.com/returns?x=1` is read as "example.com". */
function spokenDomain(url: string): string {
  const host = /^(?:https?:\/\/)?(?:[^@/\s]*@)?([^/:?#\s]+)/i.exec(url)?.[1] ?? '';
  return host.replace(/^www\./i, '');
}

/**
 * Letters, digits and the punctuation a voice uses for phrasing or reads aloud ($, %, &, @, ...). Everything
 * else (emoji, Markdown emphasis marks, box drawing, control and private-use characters, lone surrogates,
 * which are not even legal XML) becomes a space.
 */
function speakableCharacters(text: string): string {
  return text
    .replace(/[\p{Cf}]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Zs}\t.,;:!?¿¡'"’‘“”«»()\-–—/$€£¥%&+=<>@#]/gu, ' ')
    .replace(/[\p{Zs}\t]+/gu, ' ')
    .replace(/ (?=[.,;:!?](?: |$))/g, '')
    .trim();
}

/** A block that does not end like a sentence would run into the next one when spoken. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;]["'’”»)]*$/u.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}.`;
}

function hasSpeakableContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
