// Seeded: beta.one ↔ beta.two (no-circular).
import { betaTwo } from './beta.two';
export const betaSelf = (): string => betaTwo();
