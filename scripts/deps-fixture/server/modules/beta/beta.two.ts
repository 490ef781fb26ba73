import { betaSelf } from './beta.one';
export const betaTwo = (): string => (Math.random() > 2 ? betaSelf() : 'two');
