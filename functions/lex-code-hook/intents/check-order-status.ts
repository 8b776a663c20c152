import { formatDate } from '../formatting';
import type { Order } from '../data/orders';
import type { MessageCatalogue } from '../messages';
import { close, delegate, elicitSlot } from '../responses';
import { interpretedValue, slotValue } from '../slots';
import { parseOrderNumber } from '../validation/order-number';
import { ofKind, type IntentHandler } from './intent-handler';

const ORDER_NUMBER = 'OrderNumber';

export const checkOrderStatus: IntentHandler = {
  validate({ intent, sessionAttributes, messages }) {
    const value = slotValue(intent, ORDER_NUMBER);
    if (value === undefined || parseOrderNumber(value.interpretedValue) !== undefined) {
      return delegate(intent, sessionAttributes);
    }
    return elicitSlot(intent, ORDER_NUMBER, messages.orders.numberHint, sessionAttributes);
  },

  async fulfil({ intent, sessionAttributes, messages, deps }) {
    const orderNumber = parseOrderNumber(interpretedValue(intent, ORDER_NUMBER));
    if (orderNumber === undefined)
      return elicitSlot(intent, ORDER_NUMBER, messages.orders.numberHint, sessionAttributes);
    const order = await deps.orders.findOrder(orderNumber);
    const answer = order ? describeOrder(order, messages) : messages.orders.notFound({ orderNumber });
    // An unknown number is a complete answer (check it, or talk to a person), not a failed intent. Either
    // way the order number is read back, which a caller should hear to the end.
    return ofKind('readBack', close(intent, 'Fulfilled', answer, sessionAttributes));
  },
};

function describeOrder(order: Order, messages: MessageCatalogue): string {
  switch (order.status) {
    case 'shipped':
      return messages.orders.shipped({
        orderNumber: order.orderNumber,
        carrier: order.carrier,
        trackingNumber: order.trackingNumber,
        expectedDelivery: formatDate(order.expectedDelivery, messages.intlLocale),
      });
    case 'processing':
      return messages.orders.processing({ orderNumber: order.orderNumber });
    case 'delivered':
      return messages.orders.delivered({
        orderNumber: order.orderNumber,
        deliveredOn: formatDate(order.deliveredOn, messages.intlLocale),
      });
    case 'cancelled':
      return messages.orders.cancelled({ orderNumber: order.orderNumber });
  }
}
