import type { TurnExpectation } from './eval-sets';

/** What one turn of the bot came to, as a person (and a channel) would see it. */
export interface ObservedTurn {
  intent: string | undefined;
  dialogAction: string | undefined;
  slotToElicit: string | undefined;
  text: string;
  /** Article ids the answer cited (from the hook's answer description). */
  articles: string[];
  handoff: boolean;
  ended: boolean;
}

/** Every expectation the turn broke, in words; empty when it met them all. */
export function judgeTurn(expect: TurnExpectation, seen: ObservedTurn): string[] {
  const problems: string[] = [];
  const text = normalise(seen.text);
  const words = seen.text.split(/\s+/).filter(Boolean).length;
  if (expect.intent !== undefined && seen.intent !== expect.intent)
    problems.push(`intent ${seen.intent ?? '(none)'}, expected ${expect.intent}`);
  if (expect.notIntent?.includes(seen.intent ?? ''))
    problems.push(`intent ${seen.intent} is one it must not be`);
  if (expect.articles && !expect.articles.some((article) => seen.articles.includes(article)))
    problems.push(`cited [${seen.articles.join(', ')}], expected one of [${expect.articles.join(', ')}]`);
  for (const phrase of expect.mentions ?? []) {
    if (!text.includes(normalise(phrase))) problems.push(`does not mention "${phrase}"`);
  }
  if (expect.mentionsAny && !expect.mentionsAny.some((phrase) => text.includes(normalise(phrase))))
    problems.push(`mentions none of ${expect.mentionsAny.map((p) => `"${p}"`).join(', ')}`);
  for (const phrase of expect.avoids ?? []) {
    if (text.includes(normalise(phrase))) problems.push(`says "${phrase}"`);
  }
  if (
    expect.asksFor !== undefined &&
    !(seen.dialogAction === 'ElicitSlot' && seen.slotToElicit === expect.asksFor)
  )
    problems.push(`asks for ${seen.slotToElicit ?? '(nothing)'}, expected ${expect.asksFor}`);
  if (expect.handoff !== undefined && seen.handoff !== expect.handoff)
    problems.push(expect.handoff ? 'does not hand off' : 'hands off');
  if (expect.endsConversation !== undefined && seen.ended !== expect.endsConversation)
    problems.push(expect.endsConversation ? 'does not end the conversation' : 'ends the conversation');
  if (expect.maxWords !== undefined && words > expect.maxWords)
    problems.push(`${words} words, at most ${expect.maxWords}`);
  return problems;
}

/** Case, accents and curly quotes do not decide whether a reply mentions something. */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}
