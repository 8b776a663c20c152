import { createHash } from 'node:crypto';

/** Crockford's alphabet: no I, L, O or U, so a reference read aloud or typed back cannot be misheard as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

/**
 * The callback's id and the reference the customer hears, e.g. `CB-7K3Q9X2M`. Derived from the Lex request
 * that booked it, so a retried invocation of that request lands on the same item instead of a second one.
 */
export function callbackReference(sessionId: string, requestId: string): string {
  const digest = createHash('sha256').update(`${sessionId}\u0000${requestId}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let reference = '';
  for (let i = LENGTH - 1; i >= 0; i -= 1) reference += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `CB-${reference}`;
}
