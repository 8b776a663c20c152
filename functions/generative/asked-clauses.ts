/**
 * The clauses of a message that end in a question mark, when there is more to the message than them ("Before
 * that, may I ask whether you accept PayPal? My grandson says it is safer."): looked up on their own too, so
 * the story around a question does not hide it.
 */
export function askedClauses(message: string): string[] {
  const clauses = message
    .split(/(?<=\?)/u)
    .map((part) => part.replace(/^.*[.!;]\s+/su, '').trim())
    .filter((part) => part.endsWith('?'));
  return clauses.length === 1 && clauses[0] === message.trim() ? [] : clauses;
}
