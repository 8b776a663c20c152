/**
 * A stored phone number (digits, an optional leading "+") as E.164, which SMS services require: the bot
 * serves the US (en_US and es_US), so a 10-digit number is a US one, as is 11 digits starting with 1.
 * Undefined when it cannot be one: no guessing a country.
 */
export function toE164(stored: string): string | undefined {
  if (/^\+[1-9]\d{7,14}$/.test(stored)) return stored;
  if (/^\d{10}$/.test(stored)) return `+1${stored}`;
  if (/^1\d{10}$/.test(stored)) return `+${stored}`;
  return undefined;
}
