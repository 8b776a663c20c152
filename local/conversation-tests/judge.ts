import { parseSsmlDocument } from '../polly/ssml-document';
import { toPlainSpeechText } from '../../functions/voice/ssml';
import type { Expectation } from './format';
import type { ObservedTurn } from './turn';

/** One unmet expectation: what was asked for and what the bot did. */
export interface Mismatch {
  check: string;
  expected: string;
  seen: string;
}

/** The reply's words as a person gets them: SSML read as speech, plain text as it is. */
export function wordsOf(turn: ObservedTurn): string {
  return turn.messages
    .map((message) => (message.contentType === 'SSML' ? toPlainSpeechText(message.content) : message.content))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every expectation the reply does not meet; none when it passes. */
export function judgeTurn(expect: Expectation, seen: ObservedTurn): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const check = (name: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && expected !== actual)
      mismatches.push({ check: name, expected: show(expected), seen: show(actual) });
  };
  check('intent', expect.intent, seen.intent);
  check('state', expect.state, seen.state);
  check('dialogAction', expect.dialogAction, seen.dialogAction);
  check('slotToElicit', expect.slotToElicit, seen.slotToElicit);
  check('source', expect.source, seen.source);
  check('handoff', expect.handoff, seen.handoff);
  for (const [name, value] of Object.entries(expect.slots ?? {}))
    check(`slots.${name}`, value, seen.slots[name] ?? null);
  for (const [name, value] of Object.entries(expect.sessionAttributes ?? {}))
    check(`sessionAttributes.${name}`, value, seen.sessionAttributes[name]);
  const missing = (expect.articles ?? []).filter((article) => !seen.articles.includes(article));
  if (missing.length > 0)
    mismatches.push({
      check: 'articles',
      expected: `cites ${missing.join(', ')}`,
      seen: show(seen.articles),
    });
  const words = wordsOf(seen);
  if (expect.message !== undefined && !new RegExp(expect.message, 'iu').test(words))
    mismatches.push({ check: 'message', expected: `matches /${expect.message}/i`, seen: show(words) });
  if (expect.notMessage !== undefined && new RegExp(expect.notMessage, 'iu').test(words))
    mismatches.push({
      check: 'notMessage',
      expected: `does not match /${expect.notMessage}/i`,
      seen: show(words),
    });
  const wordCount = words === '' ? 0 : words.split(' ').length;
  if (expect.maxWords !== undefined && wordCount > expect.maxWords)
    mismatches.push({
      check: 'maxWords',
      expected: `at most ${expect.maxWords} words`,
      seen: `${wordCount} words`,
    });
  if (expect.heard !== undefined && !new RegExp(expect.heard, 'iu').test(seen.heard))
    mismatches.push({ check: 'heard', expected: `matches /${expect.heard}/i`, seen: show(seen.heard) });
  if (expect.ssml === 'valid') mismatches.push(...ssmlProblems(seen));
  return mismatches;
}

/**
 * Every SSML message must be SSML a Polly voice accepts (parsed as Polly's parser reads it). Plain text is
 * fine on a call too: a prompt of the bot definition is plain text, which Lex speaks as it is.
 */
function ssmlProblems(seen: ObservedTurn): Mismatch[] {
  if (seen.messages.length === 0)
    return [{ check: 'ssml', expected: 'a message to speak', seen: 'no message' }];
  return seen.messages.flatMap((message): Mismatch[] => {
    if (message.contentType !== 'SSML') return [];
    try {
      parseSsmlDocument(message.content);
      return [];
    } catch (error) {
      return [
        {
          check: 'ssml',
          expected: 'valid SSML',
          seen: error instanceof Error ? error.message : String(error),
        },
      ];
    }
  });
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
