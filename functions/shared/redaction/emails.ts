import { ADDRESS_LEAD_INS, foldWord, numberWord, SPOKEN_ADDRESS_SIGNS } from './spoken-words';

const EMAIL_LABEL = '[email]';

/**
 * Email addresses as written ("jane.doe+orders@example.co.uk"), as said and transcribed ("jorge dot
 * ramirez at gmail dot com", "ana punto perez arroba correo punto mx", "jorge underscore r at ...", letters
 * and digits spelled one by one) and half and half ("jorge dot ramirez@gmail.com"), each become `[email]`.
 * A said address needs its domain to end in a dot and two letters ("at the store" is no address); its start
 * is found by walking back from "at" over the words joined by dots, underscores or dashes, spelled letters
 * and digits and at most two other words, stopping at words like "is" or "mi correo es".
 */
export function redactEmails(text: string): string {
  const written = text.replace(WRITTEN_EMAIL, EMAIL_LABEL);
  const tokens = addressTokens(written);
  let redacted = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < tokens.length) {
    const found = addressAround(tokens, index);
    if (!found) {
      index += 1;
      continue;
    }
    redacted += written.slice(copiedUpTo, tokens[found.first]?.start) + EMAIL_LABEL;
    copiedUpTo = found.end;
    index = found.last + 1;
  }
  return redacted + written.slice(copiedUpTo);
}

// The characters RFC 5322 allows in the local part without quoting (\u0060 is the backquote).
const EMAIL_LOCAL_CHARACTER = String.raw`\p{L}\p{N}.!#$%&'*+/=?^_\u0060{|}~\-`;
/** Starts at the beginning of a word, so a long non-address cannot make the search quadratic. */
const WRITTEN_EMAIL = new RegExp(
  String.raw`(?<![${EMAIL_LOCAL_CHARACTER}])[${EMAIL_LOCAL_CHARACTER}]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`,
  'gu',
);

type TokenKind =
  /** "at", "arroba", "@". */
  | 'at'
  /** "dot", "punto". */
  | 'dot'
  /** "underscore", "guion bajo", "dash", "plus": joins two parts of an address. */
  | 'join'
  /** An address already replaced by `[email]`, which a said start may come before. */
  | 'email'
  | 'word'
  /** Punctuation that ends a phrase: no address runs across it. */
  | 'break';

interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  text: string;
  folded: string;
}

const TOKEN = /\[email\]|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}._+'’-]*[\p{L}\p{M}\p{N}])?|@|[^\s\p{L}\p{N}@]/gu;
const TWO_WORD_SIGNS = new Set(Object.keys(SPOKEN_ADDRESS_SIGNS).filter((sign) => sign.includes(' ')));

function addressTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const folded = foldWord(match[0]);
    const start = match.index;
    const end = start + match[0].length;
    const previous = tokens[tokens.length - 1];
    const sign = previous && `${previous.folded} ${folded}`;
    if (sign && TWO_WORD_SIGNS.has(sign) && /^\s+$/.test(text.slice(previous.end, start))) {
      tokens[tokens.length - 1] = { ...previous, end, kind: 'join', folded: sign };
      continue;
    }
    tokens.push({ start, end, kind: tokenKind(match[0], folded), text: match[0], folded });
  }
  return tokens;
}

function tokenKind(raw: string, folded: string): TokenKind {
  if (raw === EMAIL_LABEL) return 'email';
  const sign = raw === '@' ? '@' : SPOKEN_ADDRESS_SIGNS[folded];
  if (sign === '@') return 'at';
  if (sign === '.') return 'dot';
  if (sign) return 'join';
  return /[\p{L}\p{N}]/u.test(raw) ? 'word' : 'break';
}

interface AddressEnd {
  /** The index of the address's last token. */
  last: number;
  /** Where the address ends in the text: inside its last token when digits are stuck to it ("dot com0000"). */
  end: number;
}

/** The address whose "at" (or already replaced address) is `tokens[at]`, if it is one. */
function addressAround(tokens: readonly Token[], at: number): ({ first: number } & AddressEnd) | undefined {
  const token = tokens[at];
  if (token?.kind === 'email') {
    const joined = tokens[at - 1]?.kind === 'dot' || tokens[at - 1]?.kind === 'join';
    const first = joined ? localPartStart(tokens, at - 1) : undefined;
    return first === undefined ? undefined : { first, last: at, end: token.end };
  }
  if (token?.kind !== 'at') return undefined;
  const domain = domainEnd(tokens, at + 1);
  const first = localPartStart(tokens, at);
  return domain === undefined || first === undefined ? undefined : { first, ...domain };
}

/** Words a domain may have before its first dot: "hot mail dot com". */
const MAX_DOMAIN_WORDS_BEFORE_DOT = 3;
/** Words of the local part that are neither joined by a sign nor spelled: "jorge ramirez at ...". */
const MAX_PLAIN_LOCAL_WORDS = 2;

/** The end of a domain starting at `tokens[first]`, if it ends in a dot and a top-level domain. */
function domainEnd(tokens: readonly Token[], first: number): AddressEnd | undefined {
  if (tokens[first]?.kind !== 'word') return undefined;
  let position = first;
  let sawDot = false;
  let wordsBeforeDot = 1;
  let found = writtenTopLevelDomainEnd(tokens, first);
  for (;;) {
    const sign = tokens[position + 1];
    if ((sign?.kind === 'dot' || sign?.kind === 'join') && tokens[position + 2]?.kind === 'word') {
      position += 2;
      sawDot ||= sign.kind === 'dot';
      const said = sign.kind === 'dot' ? saidTopLevelDomainEnd(tokens, position) : undefined;
      found = writtenTopLevelDomainEnd(tokens, position) ?? said ?? found;
      continue;
    }
    if (!sawDot && sign?.kind === 'word' && wordsBeforeDot < MAX_DOMAIN_WORDS_BEFORE_DOT) {
      position += 1;
      wordsBeforeDot += 1;
      found = writtenTopLevelDomainEnd(tokens, position) ?? found;
      continue;
    }
    return found;
  }
}

/**
 * After a said dot, a word that starts with two letters and says no number ("leave at five dot thirty" is a
 * time): the address ends after those letters, as a written one would.
 */
function saidTopLevelDomainEnd(tokens: readonly Token[], index: number): AddressEnd | undefined {
  const token = tokens[index];
  const letters = token && /^[\p{L}\p{M}]{2,}/u.exec(token.text);
  if (!token || !letters || numberWord(foldWord(letters[0])) !== undefined) return undefined;
  return { last: index, end: token.start + letters[0].length };
}

/** A word with a written dot and two letters after it ("gmail.com"): the address ends after those letters. */
function writtenTopLevelDomainEnd(tokens: readonly Token[], index: number): AddressEnd | undefined {
  const token = tokens[index];
  const dots = token ? [...token.text.matchAll(/\.[\p{L}\p{M}]{2,}/gu)] : [];
  const lastDot = dots[dots.length - 1];
  return token && lastDot ? { last: index, end: token.start + lastDot.index + lastDot[0].length } : undefined;
}

/** The index of the first token of the local part that ends just before `tokens[before]`. */
function localPartStart(tokens: readonly Token[], before: number): number | undefined {
  let first = before - 1;
  if (!isLocalWord(tokens[first])) return undefined;
  let plainWords = isSpelled(tokens[first]) ? 0 : 1;
  for (;;) {
    const previous = tokens[first - 1];
    if ((previous?.kind === 'dot' || previous?.kind === 'join') && isLocalWord(tokens[first - 2])) {
      first -= 2;
      continue;
    }
    if (!previous || !isLocalWord(previous)) return first;
    const spelled = isSpelled(previous);
    if (isLetterWord(previous) && !isSpelled(tokens[first])) return first;
    if (!spelled && !isSpelled(tokens[first]) && plainWords >= MAX_PLAIN_LOCAL_WORDS) return first;
    first -= 1;
    if (!spelled) plainWords += 1;
  }
}

function isLocalWord(token: Token | undefined): boolean {
  return token?.kind === 'word' && (isSpelled(token) || !ADDRESS_LEAD_INS.has(token.folded));
}

/**
 * A letter that is also a word ("escríbeme a", "y", "I"): part of the address only next to other spelled
 * letters.
 */
function isLetterWord(token: Token): boolean {
  return /^[aeiouy]$/.test(token.folded);
}

/** One letter or digit, or a number said as a word: how an address is spelled out. */
function isSpelled(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (token.folded.length === 1 || /^\d+$/.test(token.folded) || numberWord(token.folded) !== undefined)
  );
}
