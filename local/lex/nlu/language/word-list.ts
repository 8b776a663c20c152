/** "a, b c, d" gives ["a", "b c", "d"]: word tables stay readable and diff line by line. */
export function wordList(entries: string): string[] {
  return entries
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
