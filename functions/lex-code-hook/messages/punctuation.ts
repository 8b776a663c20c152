/** Ends a sentence with one full stop, also when its last word is an abbreviation ("9 p.m.", "Main St."). */
export function fullStop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
