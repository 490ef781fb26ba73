// The customers module's public entry: the payment core's connector types (the connector itself is
// part of every AppContext, `ctx.paycore`).
export type { PaymentCore, TerminalPayment, TerminalPaymentMatch, TerminalPaymentStatus } from './paycore';
// The demo adapter, for runtime.ts (and tests) to build `ctx.paycore` from.
export { createDemoPaymentCore } from './paycore.demo';
