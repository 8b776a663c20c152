import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseItem } from '../../shared/stored-item';
import { IsoDateSchema } from './item-schemas';

const orderNumber = z.string().check(z.regex(/^\d{5}$/));

export const OrderSchema = z.discriminatedUnion('status', [
  z.looseObject({
    orderNumber,
    status: z.literal('shipped'),
    carrier: z.string().check(z.minLength(1)),
    trackingNumber: z.string().check(z.minLength(1)),
    expectedDelivery: IsoDateSchema,
  }),
  z.looseObject({ orderNumber, status: z.literal('processing') }),
  z.looseObject({ orderNumber, status: z.literal('delivered'), deliveredOn: IsoDateSchema }),
  z.looseObject({ orderNumber, status: z.literal('cancelled') }),
]);
export type Order = z.infer<typeof OrderSchema>;

export interface OrderRepository {
  findOrder(orderNumber: string): Promise<Order | undefined>;
}

export function dynamoDbOrderRepository(client: DynamoDBDocumentClient, tableName: string): OrderRepository {
  return {
    async findOrder(orderNumber) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { orderNumber } }));
      return Item === undefined
        ? undefined
        : parseItem(OrderSchema, Item, tableName, `orderNumber=${orderNumber}`);
    },
  };
}
