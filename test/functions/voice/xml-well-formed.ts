/** A strict checker for the XML subset SSML uses (elements, attributes, text, the five entities). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

const NAME = String.raw`[A-Za-z_:][A-Za-z0-9_:.-]*`;
const ATTRIBUTE = new RegExp(String.raw`\s+(${NAME})\s*=\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const OPEN_TAG_START = new RegExp(`<(${NAME})`, 'y');
const CLOSE_TAG = new RegExp(String.raw`</(${NAME})\s*>`, 'y');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/y;
// XML 1.0 Char production; a lone surrogate or U+FFFE in a document is a fatal error.
const ILLEGAL_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Every element of `xml` in document order; throws naming the first thing that is not well-formed. */
export function parseWellFormedXml(xml: string): XmlElement[] {
  if (ILLEGAL_CHARACTER.test(xml)) throw new Error('illegal XML character');
  const elements: XmlElement[] = [];
  const open: string[] = [];
  let rootClosed = false;
  let position = 0;
  const fail = (what: string) => {
    throw new Error(`${what} at ${position}: ${JSON.stringify(xml.slice(position, position + 30))}`);
  };
  while (position < xml.length) {
    const character = xml[position];
    if (character === '<') {
      CLOSE_TAG.lastIndex = position;
      const close = CLOSE_TAG.exec(xml);
      if (close) {
        if (open.pop() !== close[1]) fail(`mismatched </${close[1]}>`);
        if (open.length === 0) rootClosed = true;
        position = CLOSE_TAG.lastIndex;
        continue;
      }
      OPEN_TAG_START.lastIndex = position;
      const start = OPEN_TAG_START.exec(xml);
      if (!start || !start[1]) return fail('bad markup');
      if (rootClosed || (open.length === 0 && elements.length > 0)) fail('second root element');
      position = OPEN_TAG_START.lastIndex;
      const attributes: Record<string, string> = {};
      for (;;) {
        ATTRIBUTE.lastIndex = position;
        const attribute = ATTRIBUTE.exec(xml);
        if (!attribute || !attribute[1]) break;
        if (attribute[1] in attributes) fail(`duplicate attribute ${attribute[1]}`);
        const value = attribute[2] ?? attribute[3] ?? '';
        if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(value)) fail('bare & in attribute');
        attributes[attribute[1]] = value;
        position = ATTRIBUTE.lastIndex;
      }
      const end = /\s*(\/?)>/y;
      end.lastIndex = position;
      const tagEnd = end.exec(xml);
      if (!tagEnd) return fail('unterminated tag');
      position = end.lastIndex;
      elements.push({ name: start[1], attributes });
      if (tagEnd[1] === '/') {
        if (open.length === 0) rootClosed = true;
      } else {
        open.push(start[1]);
      }
    } else if (character === '&') {
      ENTITY.lastIndex = position;
      if (!ENTITY.exec(xml)) fail('bare &');
      position = ENTITY.lastIndex;
    } else if (character === '>') {
      fail('unescaped >');
    } else {
      if (open.length === 0 && !/\s/.test(character ?? '')) fail('text outside the root element');
      position += 1;
    }
  }
  if (open.length > 0 || !rootClosed) fail('unclosed element');
  return elements;
}
