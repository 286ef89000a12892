/**
 * Boilerplate that page captures carry around an article, as data. Each pattern matches a whole
 * line (trimmed). Kept in one place so that librarians and developers can extend it without
 * touching the extractor's logic.
 */

/** Lines dropped wherever they occur: banners, account prompts, share bars, ads, cookie notices. */
export const BOILERPLATE_LINES: readonly RegExp[] = [
  /^skip to (main )?content$/i,
  /^skip to (navigation|search|footer)$/i,
  /^this (site|website) is (intended|only) for (uk )?health(care)? professionals( only)?\.?$/i,
  /^this content is more than \w+ years? old\.?$/i,
  /^(share|print|email|save|bookmark)( this)?( article| page| story)?:?$/i,
  /^share (on|via) (twitter|facebook|linkedin|email|x)$/i,
  /^(twitter|facebook|linkedin|whatsapp|email|print)$/i,
  /^ads? by google$/i,
  /^advertisement$/i,
  /^(sign|log) ?(in|out|up)( to .*)?$/i,
  /^register( now)?( to .*)?$/i,
  /^already (registered|a member|a subscriber)\??$/i,
  /^have you registered( with us)?( yet)?\??$/i,
  /^(subscribe|subscribe now|subscribe to .*newsletter.*)$/i,
  /^(accept|reject|manage) (all )?cookies$/i,
  /.*\b(use of|we use|uses) cookies\b.*/i,
  /^cookie (settings|policy|preferences|notice)$/i,
  /^(read|see) more$/i,
  /^(back to top|menu|search|close|home)$/i,
  /^authors?:?$/i,
  /^(\d+ )?(min(ute)?s?|minute) read$/i,
  /^(image|photo|picture)( credit)?:.*$/i,
];

/**
 * Lines that start the trailing furniture of a page (lists of other stories, comments, footers):
 * the line and everything after it are dropped, provided enough article text comes before.
 */
export const TRAILING_SECTION_STARTS: readonly RegExp[] = [
  /^just published$/i,
  /^(most|top) (read|popular|viewed|commented)( stories| articles)?$/i,
  /^(related|recommended|more|latest|other|trending) (articles?|stories|content|news|reading|links?)$/i,
  /^(you|we think you) (may|might) (also )?(like|be interested in).*$/i,
  /^more (from|on|in) .{1,40}$/i,
  /^(\d+ )?comments?( \(\d+\))?$/i,
  /^(leave|post|add) a (comment|reply)$/i,
  /^have you registered with us yet\??$/i,
  /^(follow us|newsletter sign-?up|sign up to our newsletter)$/i,
];

/** Single words that label a page section above the headline ("Report", "News") and are not titles. */
export const KICKER_MAX_WORDS = 1;
