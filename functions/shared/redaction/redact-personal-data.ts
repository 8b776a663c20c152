import { redactEmails } from './emails';
import { redactNumbers } from './numbers';

/**
 * Where redacted text goes; each place keeps what its readers need and nothing else:
 * - `memory`: conversation memory, read back to the model on later turns. Keeps codes that mix letters and
 *   digits more than once (the tracking number "1Z999AA10123456784" the bot just gave), so "when will that
 *   arrive?" can still be answered.
 * - `gaps`: knowledge gaps, read by the FAQ owners, who need the question, not who asked it.
 * - `log`: the local turn log and the console's recent turns, read by developers; logs outlive conversations.
 * - `handoff`: the thread summary a person gets with a hand-off; the thread itself is one link away.
 * Every place keeps what is not personal data: order numbers (5 digits), times, prices, calendar dates, and
 * numbers said in ordinary sentences ("two shirts", "a las tres en punto").
 */
export type RedactionPlace = 'memory' | 'gaps' | 'log' | 'handoff';

const KEEPS_CODES: Readonly<Record<RedactionPlace, boolean>> = {
  memory: true,
  gaps: false,
  log: false,
  handoff: false,
};

/**
 * `text` with email addresses, phone numbers and card numbers, written or said (English and Spanish),
 * replaced by `[email]`, `[phone]`, `[card]` (`[number]` for one group of more than 19 digits). Tuned to
 * over-redact rather than leak: two order numbers with only a space between them come out as `[phone]`. It
 * does not find names or street addresses.
 */
export function redactPersonalData(text: string, place: RedactionPlace): string {
  return redactNumbers(redactEmails(text), { keepCodes: KEEPS_CODES[place] });
}
