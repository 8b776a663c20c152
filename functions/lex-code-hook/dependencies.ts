import type { CallbackRepository } from './data/callbacks';
import type { OrderRepository } from './data/orders';
import type { StoreRepository } from './data/stores';

/** What the intents need from outside; injected so tests can pin the clock or swap a repository. */
export interface CodeHookDependencies {
  orders: OrderRepository;
  stores: StoreRepository;
  callbacks: CallbackRepository;
  /** Epoch milliseconds now. */
  clock: () => number;
  /** IANA zone of the stores: "today" and business hours are decided there. */
  storeTimeZone: string;
}
