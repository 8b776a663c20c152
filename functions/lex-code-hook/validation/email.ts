const LOCAL_PART = /^[A-Za-z0-9._%+-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^[A-Za-z]{2,63}$/;

/** A deliverable-looking address: `local@label.tld`, no spaces, a real top-level domain. */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return false;
  const localPart = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  return (
    localPart.length <= 64 &&
    LOCAL_PART.test(localPart) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(topLevel)
  );
}

/**
 * `jane.doe@example.com` as `j***@e***.com`: enough for the customer to recognise their address, too little
 * to read it back from a transcript or a log.
 */
export function maskEmail(address: string): string {
  if (!isEmailAddress(address)) throw new RangeError('maskEmail needs a valid email address');
  const at = address.lastIndexOf('@');
  const labels = address.slice(at + 1).split('.');
  return `${address[0]}***@${labels[0]?.[0]}***.${labels[labels.length - 1]}`;
}
