import { betaName } from '../beta';
export { alphaRows } from './alpha.repo';
export const alphaName = (): string => `alpha of ${betaName()}`;
