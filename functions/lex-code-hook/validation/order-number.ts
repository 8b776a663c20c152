const ORDER_NUMBER = /^\d{5}$/;

/** Order numbers are exactly five digits ("10001"); anything else, including "1000.1" or "-1234", is not one. */
export function parseOrderNumber(value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && ORDER_NUMBER.test(value) ? value : undefined;
}
