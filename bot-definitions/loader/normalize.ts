/**
 * The form in which two utterances (or two slot values) count as the same: case, spacing, diacritics and the
 * punctuation ?!.,¿¡ ignored. "¿Dónde está mi pedido?" and "donde esta  mi pedido" are equal.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[?!.,¿¡]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
