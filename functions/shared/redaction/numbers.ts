import { foldWord, numberWord, type NumberWord } from './spoken-words';

/**
 * Phone and card numbers as people write and say them: digit groups joined by spaces, dots, dashes or
 * parentheses ("+1 (509) 555-1212", "4111-1111-1111-1111"), digits said one by one, in pairs or doubled
 * ("five five five, one two three four", "cincuenta y cinco, doce, treinta y cuatro", "double five"), or
 * both mixed. A number of 7 to 15 digits is a phone, 13 to 19 a card: `[card]` when the digits pass the
 * card check digit or are too many for a phone, else `[phone]`, and `[number]` for one unbroken group of
 * more than 19. Whatever the label, no digit of the number stays: a mistyped card number is still a card.
 * Calendar dates written with one separator ("2026-03-12", "12.03.2026") are not numbers to hide.
 */
export function redactNumbers(text: string, options: { keepCodes: boolean }): string {
  const pieces = numberPieces(text, options.keepCodes);
  let redacted = '';
  let copiedUpTo = 0;
  for (const run of runs(text, pieces)) {
    for (const found of sensitiveStretches(text, run)) {
      redacted += text.slice(copiedUpTo, found.start) + found.label;
      copiedUpTo = found.end;
    }
  }
  return redacted + text.slice(copiedUpTo);
}

/** One written digit group, or one number said in words. */
interface Piece {
  start: number;
  end: number;
  digits: string;
  written: boolean;
}

/** `undefined` stands for a word that is not a number: it ends the number before it. */
type PieceOrWord = Piece | undefined;

/** Written digit groups, and words; a leading "+" and a first group in parentheses belong to the group. */
/** Digits of any script (a phone typed with full-width "５５５" is one too); `\d` knows only ASCII. */
const DIGIT_GROUP_OR_WORD = /\+?(?:\(\p{Nd}+\)\p{Nd}*|\p{Nd}+)|\p{L}+(?:['’]\p{L}+)*/gu;
const LETTER = /\p{L}/u;
const DIGIT_OR_LABEL_EDGE = /[\p{Nd}[\]]/u;

function numberPieces(text: string, keepCodes: boolean): PieceOrWord[] {
  const matches = [...text.matchAll(DIGIT_GROUP_OR_WORD)].map((match): WordMatch => {
    const folded = foldWord(match[0]);
    const end = match.index + match[0].length;
    // "five0000000my" is a code, not the word five; so is "five[phone]my" once its digits are redacted.
    const stuckToDigits =
      DIGIT_OR_LABEL_EDGE.test(text[match.index - 1] ?? '') || DIGIT_OR_LABEL_EDGE.test(text[end] ?? '');
    return {
      start: match.index,
      end,
      text: match[0],
      folded,
      meaning: stuckToDigits ? undefined : numberWord(folded),
    };
  });
  const pieces: PieceOrWord[] = [];
  for (let index = 0; index < matches.length; index += 1) {
    const match = matches[index];
    if (!match) break;
    if (!LETTER.test(match.text)) {
      const inCode = keepCodes && isInCode(text, match.start, match.end);
      pieces.push(
        inCode
          ? undefined
          : { start: match.start, end: match.end, digits: match.text.replace(/\P{Nd}/gu, ''), written: true },
      );
      continue;
    }
    const said = spokenNumber(text, matches, index);
    pieces.push(said?.piece);
    if (said) index = said.last;
  }
  return pieces;
}

interface WordMatch {
  start: number;
  end: number;
  text: string;
  folded: string;
  /** What the word says as a number, if it says one. */
  meaning: NumberWord | undefined;
}

/** The number said by the words from `matches[first]` on, and the index of its last word. */
function spokenNumber(
  text: string,
  matches: readonly WordMatch[],
  first: number,
): { piece: Piece; last: number } | undefined {
  const word = matches[first];
  const meaning = word?.meaning;
  if (!word || !meaning || meaning.kind === 'hundred') return undefined;
  /** The word `offset` after the first, if only spaces or a hyphen come between it and the one before. */
  const next = (offset: number) => {
    const match = matches[first + offset];
    const before = matches[first + offset - 1];
    return match && before && /^[\s-]+$/.test(text.slice(before.end, match.start)) ? match : undefined;
  };
  const piece = (digits: string, last: number): { piece: Piece; last: number } => ({
    piece: { start: word.start, end: matches[last]?.end ?? word.end, digits, written: false },
    last,
  });
  const following = next(1);
  if (meaning.kind === 'repeat') {
    return following?.meaning?.kind === 'digit'
      ? piece(following.meaning.digits.repeat(meaning.times), first + 1)
      : undefined;
  }
  if (meaning.kind === 'tens') {
    const joined = meaning.joiner === undefined ? 1 : following?.folded === meaning.joiner ? 2 : undefined;
    const unit = joined === undefined ? undefined : next(joined)?.meaning;
    // "twenty zero" is no way to say 20: the zero is a digit of its own.
    if (unit?.kind === 'digit' && unit.digits !== '0')
      return piece(`${meaning.digits.slice(0, -1)}${unit.digits}`, first + (joined ?? 1));
  }
  if (meaning.kind === 'digit' && following?.meaning?.kind === 'hundred')
    return piece(`${meaning.digits}00`, first + 1);
  return piece(meaning.digits, first);
}

/**
 * Whether the digits at start..end sit in a code that mixes letters and digits more than once, like the
 * tracking number "1Z999AA10123456784", rather than after a word they are stuck to ("phone5095551212").
 */
function isInCode(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1] ?? '')) from -= 1;
  let to = end;
  while (to < text.length && /[\p{L}\p{N}]/u.test(text[to] ?? '')) to += 1;
  const token = text.slice(from, to);
  return (token.match(/\p{L}+|\p{N}+/gu) ?? []).length > 2;
}

/**
 * Pieces close enough to be one number: written groups joined by up to three spaces, dots or dashes; a
 * said number also by a comma, as speech recognition writes pauses.
 */
function runs(text: string, pieces: readonly PieceOrWord[]): Piece[][] {
  const found: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of pieces) {
    const previous = current[current.length - 1];
    if (
      piece &&
      previous &&
      joins(text.slice(previous.end, piece.start), previous.written && piece.written)
    ) {
      current.push(piece);
      continue;
    }
    if (current.length > 0) found.push(current);
    current = piece ? [piece] : [];
  }
  if (current.length > 0) found.push(current);
  return found;
}

function joins(gap: string, bothWritten: boolean): boolean {
  return bothWritten ? /^[ \t.-]{1,3}$/.test(gap) : /^[\s,.-]{1,3}$/.test(gap);
}

const CARD_DIGITS = { min: 13, max: 19 };
/** The shortest local numbers have 7 digits; E.164 allows at most 15. */
const PHONE_DIGITS = { min: 7, max: 15 };
const CALENDAR_DATE =
  /^(?:(?<year>\d{4})([./-])(?<month>\d{1,2})\2(?<day>\d{1,2})|(?<a>\d{1,2})([./-])(?<b>\d{1,2})\6(?<y>\d{4}))$/;

/** "2026-03-12", "12.03.2026", "03/12/2026": a year of this or the last century, a month and a day. */
function isCalendarDate(text: string): boolean {
  const parts = CALENDAR_DATE.exec(text)?.groups;
  if (!parts) return false;
  const [year, first, second] = [parts.year ?? parts.y, parts.month ?? parts.a, parts.day ?? parts.b].map(
    Number,
  );
  const isDay = (value = 0) => value >= 1 && value <= 31;
  const isMonth = (value = 0) => value >= 1 && value <= 12;
  const dayAndMonth = parts.year
    ? isMonth(first) && isDay(second)
    : (isDay(first) && isMonth(second)) || (isMonth(first) && isDay(second));
  return (year ?? 0) >= 1900 && (year ?? 0) <= 2099 && dayAndMonth;
}

/**
 * A run can hold several numbers ("card 4111 1111 1111 1111 5095551212" is one run), so from each piece on,
 * the longest stretch of pieces that can be one number (at most 19 digits) is taken when it has 7 digits.
 */
function sensitiveStretches(
  text: string,
  run: readonly Piece[],
): { start: number; end: number; label: string }[] {
  const found: { start: number; end: number; label: string }[] = [];
  let first = 0;
  while (first < run.length) {
    const stretch = longestSensitiveStretch(text, run, first);
    if (stretch) {
      found.push(stretch);
      first = stretch.last + 1;
    } else first += 1;
  }
  return found;
}

function longestSensitiveStretch(
  text: string,
  run: readonly Piece[],
  first: number,
): { start: number; end: number; label: string; last: number } | undefined {
  const start = run[first]?.start ?? 0;
  if ((run[first]?.digits.length ?? 0) > CARD_DIGITS.max)
    return { start, end: run[first]?.end ?? start, label: '[number]', last: first };
  let digits = '';
  let last = first;
  for (let next = first; next < run.length; next += 1) {
    const more = run[next]?.digits ?? '';
    if (digits.length + more.length > CARD_DIGITS.max) break;
    digits += more;
    last = next;
  }
  const end = run[last]?.end ?? start;
  const written = run.slice(first, last + 1).every((piece) => piece.written);
  if (digits.length < PHONE_DIGITS.min || (written && isCalendarDate(text.slice(start, end))))
    return undefined;
  return { start, end, label: label(digits, text[start] === '+'), last };
}

function label(digits: string, international: boolean): string {
  if (digits.length < CARD_DIGITS.min) return '[phone]';
  if (digits.length > PHONE_DIGITS.max) return '[card]';
  return !international && isLuhnValid(digits) ? '[card]' : '[phone]';
}

/** The check digit every payment card number carries. */
function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}
