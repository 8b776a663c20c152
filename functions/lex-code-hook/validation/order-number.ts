export const ORDER_NUMBER_DIGITS = 5;
const ORDER_NUMBER = new RegExp(`^\\d{${ORDER_NUMBER_DIGITS}}$`);

/** Order numbers are exactly five digits ("10001"); anything else, including "1000.1" or "-1234", is not one. */
export function parseOrderNumber(value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && ORDER_NUMBER.test(value) ? value : undefined;
}
