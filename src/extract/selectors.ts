/**
 * Selectors and class/id hints for main-text extraction, as data. Nothing here imports anything:
 * the extractor reads these tables, and tuning them never touches its logic.
 */

/** Elements that never hold article text. */
export const DROP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video',
  'audio', 'map', 'button', 'input', 'select', 'textarea', 'link', 'meta', 'dialog', 'figcaption', 'title',
]);

/**
 * Page furniture by its tag. Dropped unless it holds much of the page's prose: ASP.NET pages wrap
 * the whole page in a <form>, broken markup puts the body in <head>, and some sites set the article
 * in an <aside> or a <header>.
 */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'form', 'head', 'menu']);

/** Containers tried first, in order, before scoring: when one holds enough text it is the article. */
export const ARTICLE_CONTAINERS: readonly string[] = [
  '[itemprop="articleBody"]',
  '[property="articleBody"]',
  '.article-body', '.article__body', '.articleBody', '.article-content', '.article__content',
  '.story-body', '.story-content', '.entry-content', '.post-content', '.post-body',
  '.field-name-body', '.node__content .field--name-body', '.c-article-body', '.rich-text',
];

/** class/id words of furniture: such elements are dropped unless they also look like content. */
export const NEGATIVE_HINTS =
  /(^|[-_\s])(comment|comments|disqus|share|sharing|social|related|recommend|recommended|promo|sidebar|side-bar|widget|newsletter|subscribe|subscription|cookie|consent|gdpr|banner|advert|advertisement|ads?|adslot|dfp|sponsor|breadcrumbs?|pagination|pager|footer|masthead|navbar|nav|menu|topbar|toolbar|popup|modal|overlay|outbrain|taboola|most-?read|most-?popular|trending|tags?|keywords|byline-social|author-bio|bio|signup|paywall|login|print|skip|hidden|visually-hidden|sr-only|caption|credit)($|[-_\s])/i;

/**
 * class/id words of sections that are never the article, whatever their size (a long comment
 * thread can hold more prose than the story it hangs under).
 */
export const STRONG_NEGATIVE_HINTS =
  /(^|[-_\s])(comment|comments|commentscontainer|comment-list|comments-area|disqus|outbrain|taboola|most-?read|most-?popular|recommended|related-?(posts|articles|stories|content)?|newsletter|cookie|consent)($|[-_\s])/i;

/** class/id words of content: they protect an element from the negative hints and add to its score. */
export const POSITIVE_HINTS =
  /(^|[-_\s])(article|articlebody|article-body|body|content|entry|main|post|story|text|blog|page-content|news)($|[-_\s])/i;

/** Block-level elements: each starts a new paragraph when text is collected. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'figure',
  'figcaption', 'address', 'hr', 'br', 'center', 'details', 'summary',
]);

/** Elements whose text is scored as a paragraph. */
export const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'h2', 'h3', 'h4']);
