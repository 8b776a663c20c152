/**
 * Built-in slot types the local emulator can resolve. Lex has more, but a definition that uses one of those
 * would deploy fine and then behave differently offline, so the loader rejects it up front.
 */
export const SUPPORTED_BUILT_IN_SLOT_TYPES: ReadonlySet<string> = new Set([
  'AMAZON.Number',
  'AMAZON.Date',
  'AMAZON.Time',
  'AMAZON.AlphaNumeric',
  'AMAZON.EmailAddress',
  'AMAZON.PhoneNumber',
  'AMAZON.Confirmation',
  'AMAZON.FreeFormInput',
  'AMAZON.FirstName',
  'AMAZON.LastName',
  'AMAZON.City',
  'AMAZON.Country',
  'AMAZON.State',
  'AMAZON.StreetName',
  'AMAZON.PostalCode',
  'AMAZON.Percentage',
  'AMAZON.Duration',
  'AMAZON.UKPostalCode',
]);

export const FALLBACK_INTENT_SIGNATURE = 'AMAZON.FallbackIntent';
export const FREE_FORM_INPUT_SLOT_TYPE = 'AMAZON.FreeFormInput';
/** The only parent Lex accepts for a custom slot type, and the only one that may carry a RegexFilter. */
export const ALPHANUMERIC_SLOT_TYPE = 'AMAZON.AlphaNumeric';
