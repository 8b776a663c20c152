import type { SlotType } from '../../../../bot-definitions/loader/schema';
import { BUILT_IN_RESOLVERS } from '../../../../local/lex/slots';
import { resolverFor } from './helpers';

describe('createSlotTypeResolver', () => {
  it('implements the documented built-ins', () => {
    expect([...BUILT_IN_RESOLVERS].sort()).toEqual([
      'AMAZON.AlphaNumeric',
      'AMAZON.Confirmation',
      'AMAZON.Date',
      'AMAZON.EmailAddress',
      'AMAZON.FreeFormInput',
      'AMAZON.Number',
      'AMAZON.PhoneNumber',
      'AMAZON.Time',
    ]);
    for (const name of BUILT_IN_RESOLVERS) expect(resolverFor(name, 'en_US').slotTypeName).toBe(name);
  });

  it.each(['AMAZON.City', 'AMAZON.FirstName', 'Missing', 'constructor', '__proto__'])(
    'throws for unknown type %j',
    (name) => {
      expect(() => resolverFor(name, 'en_US')).toThrow(`unsupported slot type "${name}"`);
    },
  );

  it('throws for composite and unknown-parent custom types, naming them', () => {
    const composite: SlotType = {
      Name: 'Address',
      ValueSelectionSetting: { ResolutionStrategy: 'CONCATENATION' },
    };
    const child: SlotType = { Name: 'Town', ParentSlotTypeSignature: 'AMAZON.City' };
    expect(() => resolverFor('Address', 'en_US', { slotTypes: [composite] })).toThrow(
      'unsupported slot type "Address"',
    );
    expect(() => resolverFor('Town', 'en_US', { slotTypes: [child] })).toThrow(
      'unsupported slot type "Town"',
    );
  });

  it('defaults a custom type without ValueSelectionSetting to ORIGINAL_VALUE', () => {
    const plain: SlotType = { Name: 'Colour', SlotTypeValues: [{ SampleValue: { Value: 'red' } }] };
    expect(resolverFor('Colour', 'en_US', { slotTypes: [plain] }).resolve('purple')?.interpretedValue).toBe(
      'purple',
    );
  });

  it.each([
    ['es_US', '23'],
    ['es_ES', '23'],
    ['es_419', '23'],
    ['en_GB', undefined],
    ['fr_FR', undefined],
  ])('reads words by language: %s', (localeId, expected) => {
    expect(resolverFor('AMAZON.Number', localeId).resolve('veintitrés')?.interpretedValue).toBe(expected);
  });

  it('uses English rules for any en_* and unknown locale', () => {
    for (const localeId of ['en_GB', 'en_AU', 'de_DE']) {
      expect(resolverFor('AMAZON.Number', localeId).resolve('twenty three')?.interpretedValue).toBe('23');
    }
  });
});
