/**
 * The questions a message asks among other words, looked up on their own too so the story around a question
 * does not hide it: each clause that ends in a question mark ("Before that, may I ask whether you accept
 * PayPal? My grandson says it is safer."), and the part of it after its last comma. A message typed in a hurry
 * or dictated often has no question mark at all: its last sentence is then the one asked.
 */
export function askedClauses(message: string): string[] {
  const questions = message.includes('?')
    ? message
        .split(/(?<=\?)/u)
        .map(lastSentence)
        .filter((part) => part.endsWith('?'))
    : [lastSentence(message)];
  // "I bought sneakers online and they're too small, how long do I have to return them?": the clause after
  // the last comma is the question when what comes before it is the story.
  const lastClauses = questions
    .map((question) => question.slice(question.lastIndexOf(',') + 1).trim())
    .filter((clause) => clause.split(/\s+/u).length >= MIN_CLAUSE_WORDS);
  const clauses = [...new Set([...questions, ...lastClauses])];
  return clauses.filter((clause) => clause !== '' && clause !== message.trim());
}

const MIN_CLAUSE_WORDS = 3;

function lastSentence(text: string): string {
  return text.replace(/^.*[.!;]\s+/su, '').trim();
}
