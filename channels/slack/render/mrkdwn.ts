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
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}
