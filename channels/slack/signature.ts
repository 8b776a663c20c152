import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a request signed more than five minutes from now, either way, is refused. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export interface SignedRequest {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp`. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`. */
  signature: string | undefined;
  /** The body exactly as received: the signature covers its bytes, not a re-serialised copy. */
  rawBody: string;
  /** Epoch seconds now. */
  nowSeconds: number;
}

export type SignatureVerdict = { valid: true } | { valid: false; reason: string };

/**
 * Slack's request signing (`v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`), compared in constant time.
 * Unlike Bolt's check, a timestamp from the future is refused too: a captured request must not become
 * replayable later by being stamped ahead.
 */
export function verifySlackSignature(request: SignedRequest): SignatureVerdict {
  const { signingSecret, timestamp, signature, rawBody, nowSeconds } = request;
  if (!timestamp || !signature) return { valid: false, reason: 'unsigned request' };
  if (!/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'malformed timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    return { valid: false, reason: 'timestamp outside the 5-minute window' };
  }
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { valid: false, reason: 'signature mismatch' };
  }
  return { valid: true };
}
