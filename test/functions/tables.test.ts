import * as z from 'zod/mini';
import { FollowUpSchema } from '../../functions/follow-ups/follow-up';
import { KnowledgeGapSchema } from '../../functions/knowledge/gaps';
import { CallbackSchema } from '../../functions/lex-code-hook/data/callbacks';
import { OrderSchema } from '../../functions/lex-code-hook/data/orders';
import { StoreSchema } from '../../functions/lex-code-hook/data/stores';
import { TurnItemSchema } from '../../functions/memory/turn-item';
import { TABLE_CONTRACTS, tableNameIn, type TableName } from '../../functions/tables';

interface ObjectJsonSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, { type?: string }>;
  anyOf?: ObjectJsonSchema[];
  oneOf?: ObjectJsonSchema[];
}

/** Each object shape an item can take: a union's members, or the one object. */
function objectShapes(schema: ObjectJsonSchema): ObjectJsonSchema[] {
  const members = schema.anyOf ?? schema.oneOf;
  return members ? members.flatMap(objectShapes) : [schema];
}

const ITEM_SCHEMAS: [TableName, z.core.$ZodType][] = [
  ['orders', OrderSchema],
  ['stores', StoreSchema],
  ['callbacks', CallbackSchema],
  ['followups', FollowUpSchema],
  ['conversations', TurnItemSchema],
  ['knowledgeGaps', KnowledgeGapSchema],
];

it.each(ITEM_SCHEMAS)(
  'every %s item carries the keys the contract gives its table, as strings',
  (table, schema) => {
    const contract = TABLE_CONTRACTS[table];
    const keys = [contract.partitionKey, ...('sortKey' in contract ? [contract.sortKey] : [])];
    const shapes = objectShapes(
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ObjectJsonSchema,
    );
    for (const shape of shapes) {
      expect(shape.required).toEqual(expect.arrayContaining(keys));
      for (const key of keys) expect(shape.properties?.[key]?.type).toBe('string');
    }
  },
);

it('names a table by its environment variable, or by its default when that is unset or empty', () => {
  expect(tableNameIn({}, 'knowledgeGaps')).toBe('parley-knowledge-gaps');
  expect(tableNameIn({ KNOWLEDGE_GAPS_TABLE_NAME: '' }, 'knowledgeGaps')).toBe('parley-knowledge-gaps');
  expect(tableNameIn({ KNOWLEDGE_GAPS_TABLE_NAME: 'support-gaps' }, 'knowledgeGaps')).toBe('support-gaps');
});
