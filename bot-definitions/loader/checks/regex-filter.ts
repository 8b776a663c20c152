/**
 * Why a RegexFilter pattern would be rejected: Lex refuses the wildcard `.` and unbounded repeats (`*`, `+`,
 * `{n,}`), and the emulator must be able to compile it as a JavaScript RegExp. Escaped characters and
 * characters inside a class (`\.`, `[.+]`) are literals, not operators, and are fine.
 */
export function regexFilterProblems(pattern: string): string[] {
  const problems = new Set<string>();
  try {
    new RegExp(pattern);
  } catch (error) {
    problems.add(`does not compile as a regular expression: ${(error as Error).message}`);
  }
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '.') {
      problems.add(
        'Lex does not support the wildcard "."; list the allowed characters in a class such as [A-Z0-9]',
      );
    } else if (char === '*' || char === '+') {
      problems.add(`Lex does not support the unbounded repeat "${char}"; use a bounded one such as {1,10}`);
    } else if (char === '{') {
      const repeat = /^\{\d+,\}/.exec(pattern.slice(i));
      if (repeat !== null) {
        problems.add(
          `Lex does not support the unbounded repeat "${repeat[0]}"; give it an upper bound such as {1,10}`,
        );
      }
    }
  }
  return [...problems];
}
