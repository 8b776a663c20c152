import { sentenceSegments } from '../shared/sentences';

/**
 * Model text made safe to hand to any channel: the prompt asks for plain text, but the reply is untrusted,
 * so markup a channel would interpret (HTML or SSML tags, Slack's `<!channel>` and `<@U123>` tokens,
 * Markdown emphasis) is removed rather than escaped per channel after the fact.
 */
export function plainAnswerText(text: string): string {
  return text
    .replace(/<[^<>\s][^<>]*>/g, ' ')
    .replace(/^\s*(?:#{1,6}\s+|[-*•]\s+|>\s*)/gm, '')
    .replace(/\*\*|__|`+/g, '')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A curated Markdown answer as plain text that still reads well in a chat window: heading marks, emphasis
 * and code ticks go, links keep their address in brackets, lists and paragraphs keep their lines.
 */
export function markdownAsPlainText(markdown: string): string {
  return markdown
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '$1')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What a chat shows first of a curated article: its `voice` line, the short direct answer its owners wrote
 * (every public article has one); an article without one (staff procedures, read in full) is shown whole. The
 * whole article stays available as the answer's details.
 */
export function articleLead(markdown: string, voice: string | undefined): string {
  return voice?.trim() || markdownAsPlainText(markdown);
}

/**
 * The opening sentences of `text`, for a caller who should not sit through a whole article. Sentences are
 * added while the result stays within `maxChars`; the first one is always kept whole.
 */
export function firstSentences(text: string, localeId: string, maxSentences = 2, maxChars = 300): string {
  let result = '';
  let count = 0;
  for (const segment of sentenceSegments(text.replace(/\s+/g, ' ').trim(), localeId)) {
    const next = result + segment;
    if (count > 0 && (count >= maxSentences || next.trimEnd().length > maxChars)) break;
    result = next;
    count += 1;
  }
  return result.trim();
}
