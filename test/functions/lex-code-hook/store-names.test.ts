import {
  StoreSchema,
  storeIdFor,
  storeNameIn,
  type Store,
} from '../../../functions/lex-code-hook/data/stores';
import { SEED_STORES } from '../../../local/dynamodb/seed-data';

const closedAllWeek = {
  monday: null,
  tuesday: null,
  wednesday: null,
  thursday: null,
  friday: null,
  saturday: null,
  sunday: null,
};
const store = (extra: Record<string, unknown> = {}) => ({
  storeId: 'riverside-mall',
  name: 'Riverside Mall',
  address: '500 Riverside Drive, unit 214',
  hours: closedAllWeek,
  ...extra,
});

describe('StoreSchema localizedNames', () => {
  it('is optional: stores written before it still parse', () => {
    const parsed = StoreSchema.parse(store());
    expect(parsed.localizedNames).toBeUndefined();
  });

  it('takes a name per Lex locale id', () => {
    const localizedNames = {
      es_US: 'Centro Comercial Riverside',
      es_419: 'Plaza Riverside',
      fr_CA: 'Mail Riverside',
    };
    expect(StoreSchema.parse(store({ localizedNames })).localizedNames).toEqual(localizedNames);
  });

  it.each([
    ['a key that is not a locale id', { spanish: 'Centro' }, /localizedNames/],
    ['a BCP 47 tag instead of a Lex locale id', { 'es-US': 'Centro' }, /localizedNames/],
    ['an empty name', { es_US: '' }, /localizedNames\.es_US/],
    ['a blank name', { es_US: '   ' }, /localizedNames\.es_US/],
    ['a name that is not text', { es_US: 42 }, /localizedNames\.es_US/],
  ])('rejects %s', (_, localizedNames, path) => {
    const parsed = StoreSchema.safeParse(store({ localizedNames }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).join(' ')).toMatch(path);
  });

  it('rejects a list or a single string in place of the map', () => {
    expect(StoreSchema.safeParse(store({ localizedNames: ['Centro'] })).success).toBe(false);
    expect(StoreSchema.safeParse(store({ localizedNames: 'Centro' })).success).toBe(false);
  });
});

describe('storeNameIn', () => {
  const riverside: Store = StoreSchema.parse(
    store({ localizedNames: { es_US: 'Centro Comercial Riverside' } }),
  );

  it("gives the locale's name, and the canonical name where the locale has none", () => {
    expect(storeNameIn(riverside, 'es_US')).toBe('Centro Comercial Riverside');
    expect(storeNameIn(riverside, 'en_US')).toBe('Riverside Mall');
    expect(storeNameIn(StoreSchema.parse(store()), 'es_US')).toBe('Riverside Mall');
  });

  it('does not take inherited object properties for names', () => {
    for (const localeId of ['constructor', 'toString', '__proto__'])
      expect(storeNameIn(riverside, localeId)).toBe('Riverside Mall');
  });
});

describe('seeded stores', () => {
  it('have a Spanish name each, and keep their ids and slot values', () => {
    expect(SEED_STORES.map((seeded) => [seeded.storeId, seeded.name, storeNameIn(seeded, 'es_US')])).toEqual([
      ['downtown', 'Downtown', 'Centro'],
      ['airport', 'Airport', 'Aeropuerto'],
      ['riverside-mall', 'Riverside Mall', 'Centro Comercial Riverside'],
      ['northgate', 'Northgate', 'Northgate'],
    ]);
    for (const seeded of SEED_STORES) {
      expect(storeIdFor(seeded.name)).toBe(seeded.storeId);
      expect(StoreSchema.safeParse(seeded).success).toBe(true);
    }
  });
});
