/** The one personal-data detector of paydesk: every channel and stored text goes through it. */
export { findPii, hasPii, luhnValid, type PiiKind, type PiiMatch } from './find';
export { MASK_CHAR, maskPii, maskText, revealText, sealText, type Opener, type SealedPii, type Sealer } from './seal';
