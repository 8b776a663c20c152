function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name that `name` most plausibly misspells: a small edit distance (ignoring case), or a prefix
 * relation such as `FulfillmentCodeHookSetting` for `FulfillmentCodeHook`.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const prefixRelated =
      Math.min(wanted.length, lower.length) >= 4 && (wanted.startsWith(lower) || lower.startsWith(wanted));
    const plausible = distance <= Math.max(2, Math.floor(wanted.length / 3)) || prefixRelated;
    if (plausible && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** `; did you mean "X"?` when a close name exists, else an empty string, for appending to a message. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const suggestion = closestName(name, known);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
