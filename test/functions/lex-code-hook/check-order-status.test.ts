import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { lexEvent, slot } from './events';
import { startHookFixture, type HookFixture } from './hook-fixture';
import { resultProblems, textOf } from './result-rules';

let fixture: HookFixture;
beforeAll(async () => {
  fixture = await startHookFixture();
});
afterAll(() => fixture.stop());

const order = (orderNumber: string, source: 'DialogCodeHook' | 'FulfillmentCodeHook', localeId = 'en_US') =>
  lexEvent({ intent: 'CheckOrderStatus', source, localeId, slots: { OrderNumber: slot(orderNumber) } });

describe('CheckOrderStatus dialog hook', () => {
  it('delegates a 5-digit order number back to Lex', async () => {
    const result = await fixture.pinnedHandler(order('10001', 'DialogCodeHook'));
    expect(result.sessionState.dialogAction).toEqual({ type: 'Delegate' });
    expect(result.sessionState.intent?.slots.OrderNumber?.value?.interpretedValue).toBe('10001');
    expect(result.messages).toBeUndefined();
  });

  it('delegates when the slot is still empty, so Lex asks with its own prompt', async () => {
    const result = await fixture.pinnedHandler(
      lexEvent({ intent: 'CheckOrderStatus', source: 'DialogCodeHook' }),
    );
    expect(result.sessionState.dialogAction.type).toBe('Delegate');
  });

  it.each(['1234', '123456', '1000.5', '-1234', 'abcde'])(
    'asks again for %s with a hint and clears the slot',
    async (value) => {
      const result = await fixture.pinnedHandler(order(value, 'DialogCodeHook'));
      expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'OrderNumber' });
      expect(result.sessionState.intent?.slots.OrderNumber).toBeNull();
      expect(result.sessionState.intent?.state).toBe('InProgress');
      expect(textOf(result)).toBe("Order numbers have 5 digits, like 10001. What's yours?");
      expect(resultProblems(result)).toEqual([]);
    },
  );

  it('gives the hint in Spanish for es_US', async () => {
    const result = await fixture.pinnedHandler(order('12', 'DialogCodeHook', 'es_US'));
    expect(textOf(result)).toBe(
      'Los números de pedido tienen 5 dígitos, por ejemplo 10001. ¿Cuál es el suyo?',
    );
  });
});

describe('CheckOrderStatus fulfillment', () => {
  it('reads a shipped order out with carrier, delivery date and tracking number', async () => {
    const result = await fixture.pinnedHandler(order('10001', 'FulfillmentCodeHook'));
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(result)).toBe(
      'Good news: order 10001 has shipped with UPS. It should arrive on Thursday, March 12. ' +
        'The tracking number is 1Z999AA10123456784.',
    );
    expect(result.messages?.[0]?.contentType).toBe('PlainText');
  });

  it.each([
    ['10002', 'en_US', "Order 10002 is processing: we're picking and packing it, and it hasn't shipped yet."],
    ['10003', 'en_US', 'Order 10003 was delivered on Saturday, March 7.'],
    ['10004', 'en_US', 'Order 10004 was cancelled.'],
    ['10001', 'es_US', 'ya se envió con UPS y debería llegar el jueves, 12 de marzo'],
    ['10002', 'es_US', 'El pedido 10002 está en proceso'],
    ['10003', 'es_US', 'El pedido 10003 fue entregado el sábado, 7 de marzo.'],
    ['10004', 'es_US', 'El pedido 10004 fue cancelado.'],
  ])('answers order %s in %s', async (orderNumber, localeId, expected) => {
    const result = await fixture.pinnedHandler(order(orderNumber, 'FulfillmentCodeHook', localeId));
    expect(textOf(result)).toContain(expected);
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(resultProblems(result)).toEqual([]);
  });

  it('answers an unknown order helpfully and still counts the intent as fulfilled', async () => {
    const result = await fixture.pinnedHandler(order('99999', 'FulfillmentCodeHook'));
    expect(result.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(result)).toContain("I couldn't find an order with the number 99999");
    expect(textOf(result)).toContain('agent');
  });

  it('asks for the number when fulfillment arrives without a usable one', async () => {
    const result = await fixture.pinnedHandler(order('12', 'FulfillmentCodeHook'));
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'OrderNumber' });
  });

  it('reads orders changed after seeding (no cache between invocations)', async () => {
    await fixture.documents.send(
      new PutCommand({ TableName: 'parley-orders', Item: { orderNumber: '20002', status: 'processing' } }),
    );
    const result = await fixture.pinnedHandler(order('20002', 'FulfillmentCodeHook'));
    expect(textOf(result)).toContain('Order 20002 is processing');
  });

  it('apologises and offers an agent when a stored order is malformed, and logs which item is bad', async () => {
    await fixture.documents.send(
      new PutCommand({
        TableName: 'parley-orders',
        Item: { orderNumber: '20003', status: 'shipped', carrier: 'UPS' },
      }),
    );
    fixture.clearLogs();
    const result = await fixture.pinnedHandler(order('20003', 'FulfillmentCodeHook'));
    expect(result.sessionState.dialogAction.type).toBe('Close');
    expect(result.sessionState.intent?.state).toBe('Failed');
    expect(textOf(result)).toContain('connect you with an agent');
    const failure = fixture.logs().find((line) => line.message === 'Intent handler failed');
    expect(JSON.stringify(failure)).toContain('Invalid item orderNumber=20003 in table parley-orders');
  });

  it('echoes the session attributes so Lex keeps them', async () => {
    const event = lexEvent({
      intent: 'CheckOrderStatus',
      slots: { OrderNumber: slot('10002') },
      sessionAttributes: { channel: 'slack', tier: 'gold' },
    });
    const result = await fixture.pinnedHandler(event);
    expect(result.sessionState.sessionAttributes).toEqual({ channel: 'slack', tier: 'gold' });
  });
});
