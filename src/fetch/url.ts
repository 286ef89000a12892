/** URL normalisation lives in core (the store keys documents by it); fetch uses it from here too. */
export { normaliseUrl, hostOf, absoluteUrl } from '../core/url.js';
