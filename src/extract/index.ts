export { extractText, normaliseText, isBoilerplateLine } from './text.js';
export { extractHtml } from './html.js';
export type { HtmlOptions } from './html.js';
