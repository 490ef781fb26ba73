import { defineModule } from '../module';

/**
 * Customers' wallets as the payment core sees them. No routes of its own yet: the connector
 * (`paycore.ts`, the demo adapter in `paycore.demo.ts`) is part of every AppContext.
 */
export const customersModule = defineModule({ name: 'customers' });
