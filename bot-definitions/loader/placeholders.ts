export interface PlaceholderScan {
  /** Slot names in order of appearance, repeats included. */
  names: string[];
  /** Brace errors, worded for a message; empty when every `{` has its `}`. */
  errors: string[];
}

/** Finds `{Name}` slot references in an utterance or message; `[attr]` session references are not braces. */
export function scanPlaceholders(text: string): PlaceholderScan {
  const names: string[] = [];
  const errors: string[] = [];
  let openedAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      if (openedAt !== undefined)
        errors.push(`"{" at position ${i + 1} opens inside the placeholder opened at ${openedAt + 1}`);
      openedAt = i;
    } else if (char === '}') {
      if (openedAt === undefined) {
        errors.push(`"}" at position ${i + 1} has no matching "{"`);
      } else {
        const name = text.slice(openedAt + 1, i);
        if (name === '') errors.push(`empty placeholder "{}" at position ${openedAt + 1}`);
        else names.push(name);
        openedAt = undefined;
      }
    }
  }
  if (openedAt !== undefined) errors.push(`"{" at position ${openedAt + 1} is never closed`);
  return { names, errors };
}
