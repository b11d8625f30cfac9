/** The flag readers every handler shares live with the library (`api/option-values.ts`), which reads the same values. */
export { commandLineError, parseLoad, parseWholeNumber, requireSlos } from '../api/option-values.js';
