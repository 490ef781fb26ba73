// Seeded: the platform knows a module (platform-not-modules).
import { alphaName } from '../modules/alpha';
export const clockOwner = (): string => alphaName();
