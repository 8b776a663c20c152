import fc from 'fast-check';
import type { SlotType } from '../../../../bot-definitions/loader/schema';
import { expectWellFormedMatches, resolverFor } from './helpers';

const ROOM_TYPE: SlotType = {
  Name: 'RoomType',
  ValueSelectionSetting: { ResolutionStrategy: 'TOP_RESOLUTION' },
  SlotTypeValues: [
    { SampleValue: { Value: 'king' }, Synonyms: [{ Value: 'double' }, { Value: 'big bed' }] },
    { SampleValue: { Value: 'queen' } },
    { SampleValue: { Value: 'king suite' } },
    { SampleValue: { Value: 'Café Olé' } },
    { SampleValue: { Value: "men's shirt" } },
  ],
};

const PRODUCT: SlotType = {
  Name: 'Product',
  ValueSelectionSetting: { ResolutionStrategy: 'ORIGINAL_VALUE' },
  SlotTypeValues: [
    { SampleValue: { Value: 'blue shirt' }, Synonyms: [{ Value: 'navy top' }] },
    { SampleValue: { Value: 'red' } },
    { SampleValue: { Value: 'crimson' }, Synonyms: [{ Value: 'red' }] },
    { SampleValue: { Value: 'luz' } },
  ],
};

const slotTypes = [ROOM_TYPE, PRODUCT];
const roomType = resolverFor('RoomType', 'en_US', { slotTypes });
const product = resolverFor('Product', 'en_US', { slotTypes });
const producto = resolverFor('Product', 'es_US', { slotTypes });

describe('custom slot type, TOP_RESOLUTION', () => {
  it.each([
    ['king', 'king'],
    ['a KING room please', 'king'],
    ['double', 'king'],
    ['one with a big bed', 'king'],
    ['the king suite', 'king suite'],
    ['kings', 'king'],
    ['cafe ole', 'Café Olé'],
    ['CAFÉ, OLÉ!', 'Café Olé'],
    ['mens shirt', "men's shirt"],
    ["men's shirts", "men's shirt"],
  ])('%j -> %s', (input, expected) => {
    const value = roomType.resolve(input);
    expect(value?.interpretedValue).toBe(expected);
    expect(value?.resolvedValues).toEqual([expected]);
  });

  it.each(['twin', 'kingdom', 'asking', ''])('does not fill the slot from %j', (input) => {
    expect(roomType.resolve(input)).toBeUndefined();
  });

  it('takes the longest phrase first and keeps matches apart', () => {
    expect(
      roomType.find('a king suite or a queen').map((m) => [m.originalValue, m.interpretedValue]),
    ).toEqual([
      ['king suite', 'king suite'],
      ['queen', 'queen'],
    ]);
  });
});

describe('custom slot type, ORIGINAL_VALUE', () => {
  it('keeps what the user said and lists the values it matches', () => {
    expect(product.resolve('the navy top please')).toEqual({
      originalValue: 'navy top',
      interpretedValue: 'navy top',
      resolvedValues: ['blue shirt'],
    });
    expect(product.resolve('Red')).toEqual({
      originalValue: 'Red',
      interpretedValue: 'Red',
      resolvedValues: ['red', 'crimson'],
    });
    expect(product.resolve('blue shirts')?.resolvedValues).toEqual(['blue shirt']);
  });

  it('accepts an unlisted answer without its lead-in', () => {
    expect(product.resolve('at the green hoodie')).toEqual({
      originalValue: 'green hoodie',
      interpretedValue: 'green hoodie',
      resolvedValues: [],
    });
    expect(producto.resolve('la sudadera verde por favor')).toEqual({
      originalValue: 'sudadera verde',
      interpretedValue: 'sudadera verde',
      resolvedValues: [],
    });
  });

  it('tolerates Spanish plurals', () => {
    expect(producto.resolve('las luces')?.resolvedValues).toEqual(['luz']);
  });

  it('finds only listed values inside a sentence', () => {
    expect(product.find('I want the green hoodie')).toEqual([]);
    expect(product.find('I want a red navy top').map((m) => m.originalValue)).toEqual(['red', 'navy top']);
  });

  it('resolves nothing from a blank answer', () => {
    expect(product.resolve('   ')).toBeUndefined();
  });
});

describe('custom slot type properties', () => {
  const values = ROOM_TYPE.SlotTypeValues!.map((v) => v.SampleValue.Value);

  it('finds any listed value in any case, between other words, with its exact span', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('i', 'want', 'the', 'please', 'room', 'with', 'a'), { maxLength: 4 }),
        fc.constantFrom(...values),
        fc.boolean(),
        fc.array(fc.constantFrom('please', 'now', 'thanks', 'today'), { maxLength: 3 }),
        (before, value, shout, after) => {
          const said = shout ? value.toUpperCase() : value;
          const prefix = before.map((w) => `${w} `).join('');
          const utterance = `${prefix}${said}${after.map((w) => ` ${w}`).join('')}`;
          const matches = roomType.find(utterance);
          expectWellFormedMatches(utterance, matches);
          expect(matches.map((m) => [m.start, m.interpretedValue])).toEqual([[prefix.length, value]]);
        },
      ),
    );
  });
});
