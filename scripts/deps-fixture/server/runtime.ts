// Seeded: the server core reaches into a module's repo (core-through-module-entries); its public entry is fine.
import { alphaRows } from './modules/alpha/alpha.repo';
import { alphaName } from './modules/alpha';
export const runtimeName = (): string => `${alphaName()} ${alphaRows().length}`;
