import { addDays, localMoment } from '../../functions/lex-code-hook/calendar';
import type { Order } from '../../functions/lex-code-hook/data/orders';
import type { Store } from '../../functions/lex-code-hook/data/stores';

const weekdays = (opens: string, closes: string) => ({
  monday: { opens, closes },
  tuesday: { opens, closes },
  wednesday: { opens, closes },
  thursday: { opens, closes },
  friday: { opens, closes },
});

/** Each store's name is its StoreLocation slot value; `localizedNames` holds what other locales call it. */
export const SEED_STORES: readonly Store[] = [
  {
    storeId: 'downtown',
    name: 'Downtown',
    localizedNames: { es_US: 'Centro' },
    address: '120 Main Street',
    hours: {
      ...weekdays('09:00', '21:00'),
      saturday: { opens: '10:00', closes: '20:00' },
      sunday: { opens: '11:00', closes: '18:00' },
    },
  },
  {
    storeId: 'airport',
    name: 'Airport',
    localizedNames: { es_US: 'Aeropuerto' },
    address: 'Terminal B, departures level',
    localizedAddresses: { es_US: 'Terminal B, nivel de salidas' },
    hours: {
      ...weekdays('05:00', '23:00'),
      saturday: { opens: '05:00', closes: '23:00' },
      sunday: { opens: '05:00', closes: '23:00' },
    },
  },
  {
    storeId: 'riverside-mall',
    name: 'Riverside Mall',
    localizedNames: { es_US: 'Centro Comercial Riverside' },
    address: '500 Riverside Drive, unit 214',
    hours: {
      ...weekdays('10:00', '21:00'),
      saturday: { opens: '10:00', closes: '21:00' },
      sunday: { opens: '11:00', closes: '19:00' },
    },
  },
  {
    storeId: 'northgate',
    name: 'Northgate',
    localizedNames: { es_US: 'Northgate' },
    address: '78 Northgate Boulevard',
    hours: {
      ...weekdays('08:00', '20:00'),
      saturday: { opens: '09:00', closes: '18:00' },
      sunday: null,
    },
  },
];

/** One order in each status, dated around the moment of seeding so "arrives in two days" stays true locally. */
export function seedOrders(seededAt: number, timeZone: string): Order[] {
  const today = localMoment(seededAt, timeZone).date;
  return [
    {
      orderNumber: '10001',
      status: 'shipped',
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      expectedDelivery: addDays(today, 2),
    },
    { orderNumber: '10002', status: 'processing' },
    { orderNumber: '10003', status: 'delivered', deliveredOn: addDays(today, -3) },
    { orderNumber: '10004', status: 'cancelled' },
  ];
}
