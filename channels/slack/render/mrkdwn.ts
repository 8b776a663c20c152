/**
 * Text for Slack's mrkdwn: `&`, `<` and `>` are the only characters Slack asks to escape, and escaping them
 * also keeps text from the bot (or from a model) from forming links, mentions or `<!channel>` pings.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `text` in pieces of at most `maxLength` characters, cut at a paragraph, a line, a sentence or a word,
 * in that order of preference, never inside an escape like `&amp;` or a surrogate pair.
 */
export function splitText(text: string, maxLength: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > maxLength) {
    const cut = cutPoint(rest, maxLength);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, maxLength: number): number {
  const window = text.slice(0, maxLength);
  for (const boundary of ['\n\n', '\n', '. ', '? ', '! ', ' ']) {
    const at = window.lastIndexOf(boundary);
    // A boundary in the first half would leave a tiny piece; a hard cut reads better then.
    if (at >= maxLength / 2) return at + boundary.length;
  }
  return safeHardCut(text, maxLength);
}

function safeHardCut(text: string, maxLength: number): number {
  let cut = maxLength;
  const entityStart = text.lastIndexOf('&', cut - 1);
  if (entityStart >= 0 && entityStart > cut - 5 && /^&(amp|lt|gt);/.test(text.slice(entityStart))) {
    if (entityStart > 0) cut = entityStart;
  }
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  // A limit too small for the first character still moves on, by that whole character.
  return cut > 0 ? cut : Math.min(text.length, isHighSurrogate(text.charCodeAt(0)) ? 2 : 1);
}

/** At most `maxLength` UTF-16 units of `text`, never ending in half of a surrogate pair (an emoji). */
export function cutText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = isHighSurrogate(text.charCodeAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return text.slice(0, cut);
}

/** `text` within `maxLength`, marked with "…" when it was cut. */
export function shortened(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${cutText(text, maxLength - 1)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
