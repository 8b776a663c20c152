import { XMLValidator } from 'fast-xml-parser';
import { invalidSsml } from './errors';

/** An element's start tag (`open`) or a self-closing element (`empty`); offsets index the SSML string. */
export interface SsmlElementToken {
  kind: 'open' | 'empty';
  name: string;
  attributes: Readonly<Record<string, string>>;
  start: number;
  end: number;
}

export interface SsmlCloseToken {
  kind: 'close';
  name: string;
  start: number;
  end: number;
}

/**
 * Character data with entities decoded. `sourceOffsets[i]` is where text[i] starts in the SSML string and
 * `sourceOffsets[text.length]` where the token ends, so any slice of the text maps back to the input.
 */
export interface SsmlTextToken {
  kind: 'text';
  text: string;
  sourceOffsets: readonly number[];
  start: number;
  end: number;
}

export type SsmlToken = SsmlElementToken | SsmlCloseToken | SsmlTextToken;

export interface SsmlDocument {
  source: string;
  /** Elements and text in document order; comments, processing instructions and the XML declaration dropped. */
  tokens: readonly SsmlToken[];
  root: SsmlElementToken;
}

const NAME = String.raw`[^\s/>=<"']+`;
const START_TAG = new RegExp(String.raw`<(${NAME})((?:\s+${NAME}\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(String.raw`\s+(${NAME})\s*=\s*(?:"([^"]*)"|'([^']*)')`, 'g');
const END_TAG = new RegExp(String.raw`</(${NAME})\s*>`, 'y');
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/y;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Characters XML 1.0 forbids anywhere in a document (its Char production), lone surrogates included. */
const ILLEGAL_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Reads an SSML string as Polly's XML parser would: well-formed XML 1.0 with one root element, the five
 * predefined entities and character references, and no document type declaration. Anything else is an
 * InvalidSsmlException that says what is wrong and where (line and column).
 */
export function parseSsmlDocument(source: string): SsmlDocument {
  const verdict = XMLValidator.validate(source);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw invalidSsml(
      `Invalid SSML request: ${msg} (line ${line}${col === undefined ? '' : `, column ${col}`})`,
    );
  }
  return new SsmlReader(source).read();
}

/** Line and column (both from 1) of an offset into `source`, for error messages. */
export function lineAndColumn(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * A strict reader for what XMLValidator already accepted. The validator lets through undefined entities,
 * several root elements, '<' in attribute values, illegal characters and DTDs; XML parsers (Polly's among
 * them) refuse those, so this reader does too.
 */
class SsmlReader {
  private readonly tokens: SsmlToken[] = [];
  private readonly openNames: string[] = [];
  private root: SsmlElementToken | undefined;
  private position = 0;

  constructor(private readonly source: string) {}

  read(): SsmlDocument {
    const illegal = ILLEGAL_CHARACTER.exec(this.source);
    if (illegal) this.fail(`character U+${codePointHex(illegal[0])} is not allowed in XML`, illegal.index);
    while (this.position < this.source.length) {
      if (this.source.startsWith('<', this.position)) this.readMarkup();
      else this.readText();
    }
    if (!this.root || this.openNames.length > 0) this.fail('the document has no complete root element');
    return { source: this.source, tokens: this.tokens, root: this.root };
  }

  private readMarkup(): void {
    const at = this.position;
    if (this.source.startsWith('<!--', at)) {
      this.skipPast('-->', 'comment');
    } else if (this.source.startsWith('<![CDATA[', at)) {
      const contentStart = at + '<![CDATA['.length;
      const end = this.skipPast(']]>', 'CDATA section');
      this.addText(this.source.slice(contentStart, end - 3), contentStart, at, end);
    } else if (this.source.startsWith('<!', at)) {
      this.fail('document type declarations are not allowed in SSML', at);
    } else if (this.source.startsWith('<?', at)) {
      this.skipPast('?>', 'processing instruction');
    } else if (this.source.startsWith('</', at)) {
      this.readEndTag(at);
    } else {
      this.readStartTag(at);
    }
  }

  private readStartTag(at: number): void {
    START_TAG.lastIndex = at;
    const match = START_TAG.exec(this.source);
    if (!match) return this.fail('malformed start tag', at);
    const [, name = '', rawAttributes = '', selfClosing] = match;
    if (this.openNames.length === 0 && this.root) this.fail(`a second root element <${name}>`, at);
    const attributes: Record<string, string> = {};
    for (const attribute of rawAttributes.matchAll(ATTRIBUTE)) {
      const [, attributeName = '', doubleQuoted, singleQuoted] = attribute;
      const value = doubleQuoted ?? singleQuoted ?? '';
      const valueAt = at + 1 + name.length + (attribute.index ?? 0);
      if (value.includes('<')) this.fail(`'<' in the value of attribute ${attributeName}`, valueAt);
      attributes[attributeName] = this.decode(value, valueAt).text;
    }
    const token: SsmlElementToken = {
      kind: selfClosing ? 'empty' : 'open',
      name,
      attributes,
      start: at,
      end: START_TAG.lastIndex,
    };
    this.root ??= token;
    this.tokens.push(token);
    if (!selfClosing) this.openNames.push(name);
    this.position = token.end;
  }

  private readEndTag(at: number): void {
    END_TAG.lastIndex = at;
    const match = END_TAG.exec(this.source);
    const name = match?.[1];
    if (!match || name === undefined || this.openNames.pop() !== name) {
      return this.fail('malformed or mismatched end tag', at);
    }
    this.tokens.push({ kind: 'close', name, start: at, end: END_TAG.lastIndex });
    this.position = END_TAG.lastIndex;
  }

  private readText(): void {
    const at = this.position;
    const next = this.source.indexOf('<', at);
    const end = next === -1 ? this.source.length : next;
    const raw = this.source.slice(at, end);
    if (this.openNames.length === 0 && raw.trim() !== '') this.fail('text outside the root element', at);
    this.addText(raw, at, at, end, true);
  }

  /** `raw` starts at `rawStart`; the token spans [start, end), which for CDATA includes its delimiters. */
  private addText(raw: string, rawStart: number, start: number, end: number, decodeEntities = false): void {
    this.position = end;
    if (this.openNames.length === 0) return;
    const decoded = decodeEntities
      ? this.decode(raw, rawStart)
      : { text: raw, sourceOffsets: [...Array(raw.length + 1).keys()].map((index) => rawStart + index) };
    this.tokens.push({ kind: 'text', ...decoded, start, end });
  }

  private decode(raw: string, rawStart: number): { text: string; sourceOffsets: number[] } {
    let text = '';
    const sourceOffsets: number[] = [];
    for (let index = 0; index < raw.length;) {
      if (raw[index] !== '&') {
        text += raw[index];
        sourceOffsets.push(rawStart + index);
        index += 1;
        continue;
      }
      ENTITY.lastIndex = index;
      const entity = ENTITY.exec(raw);
      if (!entity) {
        const reference = /^&[^\s&<;]{0,16};?/.exec(raw.slice(index))?.[0] ?? '&';
        return this.fail(`undefined entity ${reference}`, rawStart + index);
      }
      const [, named, decimal, hex] = entity;
      const character = named
        ? (NAMED_ENTITIES[named] ?? '')
        : this.characterReference(decimal, hex, rawStart + index);
      for (let unit = 0; unit < character.length; unit += 1) sourceOffsets.push(rawStart + index);
      text += character;
      index = ENTITY.lastIndex;
    }
    sourceOffsets.push(rawStart + raw.length);
    return { text, sourceOffsets };
  }

  private characterReference(decimal: string | undefined, hex: string | undefined, at: number): string {
    const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    const character = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFF';
    if (ILLEGAL_CHARACTER.test(character)) this.fail('a character reference to a character XML forbids', at);
    return character;
  }

  private skipPast(terminator: string, what: string): number {
    const found = this.source.indexOf(terminator, this.position);
    if (found === -1) this.fail(`unterminated ${what}`, this.position);
    return (this.position = found + terminator.length);
  }

  private fail(reason: string, at: number = this.position): never {
    throw invalidSsml(`Invalid SSML request: ${reason} (${lineAndColumn(this.source, at)})`);
  }
}

function codePointHex(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
