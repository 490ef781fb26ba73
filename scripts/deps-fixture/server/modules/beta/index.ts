// Seeded: beta reaches into alpha's repo (module-through-public-entry); alpha ↔ beta (no-module-cycle).
import { alphaRows } from '../alpha/alpha.repo';
export { betaSelf } from './beta.one';
export const betaName = (): string => `beta with ${alphaRows().length} rows`;
