/**
 * The questions a message asks among other words, looked up on their own too so the story around a question
 * does not hide it: each clause that ends in a question mark ("Before that, may I ask whether you accept
 * PayPal? My grandson says it is safer."), and the part of it after its last comma. A message typed in a hurry
 * or dictated often has no question mark at all: its last sentence is then the one asked.
 */
export function askedClauses(message: string): string[] {
  const questions = message.includes('?') ? questionSentences(message) : [lastSentence(message)];
  // "I bought sneakers online and they're too small, how long do I have to return them?": the clause after
  // the last comma is the question when what comes before it is the story.
  const lastClauses = questions
    .map((question) => question.slice(question.lastIndexOf(',') + 1).trim())
    .filter((clause) => clause.split(/\s+/u).length >= MIN_CLAUSE_WORDS);
  const clauses = [...new Set([...questions, ...lastClauses])];
  return clauses.filter((clause) => clause !== '' && clause !== message.trim());
}

const MIN_CLAUSE_WORDS = 3;

/**
 * The one question a message asks among sentences that ask nothing ("espera, mi hija me pregunta algo. ¿envían a
 * México? ahí vive su amiga"); undefined when it asks none, more than one, or is nothing but the question.
 */
export function onlyQuestion(message: string): string | undefined {
  const questions = questionSentences(message);
  const [only] = questions;
  if (questions.length !== 1 || only === undefined || only === message.trim()) return undefined;
  // "¿aceptan PayPal? o bitcoin": what follows the question goes on asking it.
  const after = message.slice(message.lastIndexOf('?') + 1).trim();
  return after === '' || !CONTINUING.test(after) ? only : undefined;
}

/** Words that carry a question on after its question mark: "o bitcoin", "and to Canada". */
const CONTINUING = /^(?:o|u|y|e|ni|or|and|nor)\b/iu;

/** Each sentence that ends in a question mark, without the sentences before it. */
function questionSentences(message: string): string[] {
  return message
    .split(/(?<=\?)/u)
    .map(lastSentence)
    .filter((part) => part.endsWith('?'));
}

function lastSentence(text: string): string {
  return text.replace(/^.*[.!;]\s+/su, '').trim();
}
