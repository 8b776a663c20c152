import { findBasedResolver } from './find-based';
import type { LanguageTables } from './lang/types';
import { longestNonOverlapping, slotMatch } from './matches';
import { PhraseIndex } from './phrases';
import { gapBefore, tokenize, type Token } from './text';
import type { SlotMatch, SlotTypeResolver } from './types';

type Connector = '.' | '_' | '-' | '+';

/** The address shape the spec allows: `_ - . +` in the user part, dot-separated labels, a letters-only TLD. */
const EMAIL =
  /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** "@" as written, with symbols that end the user part glued to it ("a-@b.com") and optional spaces. */
const WRITTEN_AT = /^([_+-]*)\s*@\s*$/u;
const isAsciiWord = (token: Token | undefined): token is Token =>
  token !== undefined && /^[A-Za-z0-9]+$/.test(token.text);
const isSpace = (gap: string) => /^\s+$/u.test(gap);
/** Punctuation written inside an address ("john.smith", "ex-ample"), or nothing at all ("john2"). */
const isWrittenJoin = (gap: string) => /^[._+-]*$/.test(gap);

interface Part {
  value: string;
  start: number;
  end: number;
}

/**
 * Finds addresses written ("a@b.com") and spoken ("john dot smith at example dot com", "juan arroba correo
 * punto com"), including mixes of both. The anchor is "@" or a spoken "at"; the user part grows leftwards and
 * the domain rightwards for as long as the pieces are joined by address punctuation or a spoken connector.
 */
class EmailFinder {
  private readonly at: PhraseIndex<true>;
  private readonly connectors: PhraseIndex<Connector>;

  constructor(tables: LanguageTables) {
    const { email } = tables;
    this.at = new PhraseIndex(email.at.map((p) => [p, true] as const));
    const tagged = (phrases: string[], connector: Connector) => phrases.map((p) => [p, connector] as const);
    this.connectors = new PhraseIndex<Connector>([
      ...tagged(email.dot, '.'),
      ...tagged(email.underscore, '_'),
      ...tagged(email.dash, '-'),
      ...tagged(email.plus, '+'),
    ]);
  }

  find(utterance: string): SlotMatch[] {
    const tokens = tokenize(utterance);
    const candidates: SlotMatch[] = [];
    for (let at = 0; at < tokens.length; at++) {
      const spoken = this.at.longestAt(tokens, at);
      const spokenAnchor =
        spoken &&
        isSpace(gapBefore(utterance, tokens, at)) &&
        isSpace(gapBefore(utterance, tokens, at + spoken.length));
      if (spokenAnchor) candidates.push(...this.addressAround(utterance, tokens, at, at + spoken.length));
      const written = at > 0 ? WRITTEN_AT.exec(gapBefore(utterance, tokens, at)) : null;
      if (written) candidates.push(...this.addressAround(utterance, tokens, at, at, written[1]));
    }
    return longestNonOverlapping(candidates);
  }

  private addressAround(
    text: string,
    tokens: readonly Token[],
    userEnd: number,
    domainStart: number,
    userSuffix = '',
  ): SlotMatch[] {
    const user = this.userBefore(text, tokens, userEnd, userSuffix);
    const domain = this.domainFrom(text, tokens, domainStart);
    if (!user || !domain) return [];
    const address = `${user.value}@${domain.value}`;
    if (!EMAIL.test(address)) return [];
    return [
      slotMatch(text, { start: user.start, end: domain.end }, `${user.value}@${domain.value.toLowerCase()}`),
    ];
  }

  /** `suffix`: symbols written between the last word and "@" ("a-@b.com"). */
  private userBefore(text: string, tokens: readonly Token[], end: number, suffix: string): Part | undefined {
    let index = end - 1;
    const last = tokens[index];
    if (!isAsciiWord(last)) return undefined;
    let value = last.text + suffix;
    let start = last.start;
    for (;;) {
      const gap = gapBefore(text, tokens, index);
      const previous = tokens[index - 1];
      if (isWrittenJoin(gap) && isAsciiWord(previous)) {
        value = previous.text + gap + value;
        start = previous.start;
        index--;
        continue;
      }
      const connector = isSpace(gap) ? this.connectors.longestEndingAt(tokens, index) : undefined;
      const beforeConnector = connector && tokens[index - connector.length - 1];
      if (
        connector &&
        isAsciiWord(beforeConnector) &&
        isSpace(gapBefore(text, tokens, index - connector.length))
      ) {
        value = beforeConnector.text + connector.values[0]! + value;
        start = beforeConnector.start;
        index -= connector.length + 1;
        continue;
      }
      const leadingSymbols = /(?:^|\s)([_+-]+)$/u.exec(gap)?.[1] ?? '';
      return { value: leadingSymbols + value, start: start - leadingSymbols.length, end: last.end };
    }
  }

  private domainFrom(text: string, tokens: readonly Token[], start: number): Part | undefined {
    const first = tokens[start];
    if (!isAsciiWord(first)) return undefined;
    let domain = first.text;
    let best: Part | undefined;
    for (
      let step = this.domainStep(text, tokens, start + 1);
      step;
      step = this.domainStep(text, tokens, step.next)
    ) {
      domain += step.joiner + step.piece.text;
      if (/\.[A-Za-z]{2,63}$/.test(domain)) best = { value: domain, start: first.start, end: step.piece.end };
    }
    return best;
  }

  /** The next piece of a domain: after ".", "-" or nothing when written, after "dot" or "dash" when spoken. */
  private domainStep(text: string, tokens: readonly Token[], index: number) {
    const gap = gapBefore(text, tokens, index);
    const written = tokens[index];
    if (isAsciiWord(written) && /^(?:|\.|-+)$/.test(gap))
      return { joiner: gap, piece: written, next: index + 1 };
    if (!isSpace(gap)) return undefined;
    const connector = this.connectors.longestAt(tokens, index);
    if (!connector) return undefined;
    const joiner = connector.values[0]!;
    const piece = tokens[index + connector.length];
    const spokenJoin =
      (joiner === '.' || joiner === '-') && isSpace(gapBefore(text, tokens, index + connector.length));
    return spokenJoin && isAsciiWord(piece)
      ? { joiner, piece, next: index + connector.length + 1 }
      : undefined;
  }
}

export function createEmailResolver(tables: LanguageTables): SlotTypeResolver {
  const finder = new EmailFinder(tables);
  return findBasedResolver('AMAZON.EmailAddress', tables.fillers, (utterance) => finder.find(utterance));
}
