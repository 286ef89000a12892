/**
 * Boilerplate that page captures carry around an article, as data. Each pattern is tested against
 * a whole line (trimmed); most are anchored at both ends. Kept in one place so that librarians and
 * developers can extend it without touching the extractor's logic.
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
  // Anywhere in the line (the test is the same as `.*…cookies\b.*`, without its quadratic backtracking).
  /\b(use of|we use|uses) cookies\b/i,
  /^cookie (settings|policy|preferences|notice)$/i,
  /^(read|see) more$/i,
  /^(back to top|menu|search|close|home)$/i,
  /^authors?:?$/i,
  /^(\d+ )?(min(ute)?s?|minute) read$/i,
  /^(image|photo|picture)( credit)?:.*$/i,
  /^(foto|bild|photo|crédit photo|fotos?)\s*:.{0,80}$/i,
  /^(aktualisiert|updated|mis à jour|actualizado)\s*:?.{0,40}$/i,
  /^(beitragsbild|bewerten|kontakt|teilen|drucken|merken)\s*:?$/i,
  /^.{0,60}\b(subscribe|abonnieren|abonnez-vous|suscríbete)\b.{0,80}\b(full story|weiterlesen|read more|la suite|edition|ausgabe)\b.{0,40}$/i,
  /^(to view|to read) the full (story|article).{0,80}$/i,
  /^(wir respektieren (deine|ihre) privatsphäre|we respect your privacy).{0,120}$/i,
  /^(©|copyright\b|\(c\)\s).{0,150}$/i,
  /^.{0,100}\ball rights reserved\.?$/i,
  /^(terms (and|&) conditions|terms of (use|service)|privacy( policy| notice)?|cookie policy|contact us|about us|accessibility|site ?map|advertise( with us)?|careers|help)(\s*[|·•]\s*(terms (and|&) conditions|terms of (use|service)|privacy( policy| notice)?|cookie policy|contact us|about us|accessibility|site ?map|advertise( with us)?|careers|help))*$/i,
  /^[-–\s]*(anzeige|werbung|advertisement|publicité|publicidad)[-–\s]*$/i,
  /^(crédits? photos?|photograph(ed)? by|photo by|fotos?:)\s*:?.{0,80}$/i,
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
  /^(about the author|über den autor|über die autorin|à propos de l'auteur)$/i,
  /^(mehr zum thema|zum thema|auch interessant|lesen sie auch|weitere artikel|verwandte artikel|ähnliche (beiträge|artikel)|das (könnte|dürfte) (sie|dich) auch interessieren)\s*[:!.]?$/i,
  /^(related posts|more on this( story| topic)?|more stories|further reading|share this( article| story)?)\s*:?$/i,
  /^(à lire aussi|lire aussi|sur le même sujet|articles similaires|(photos )?et vidéos sur le sujet)\s*:?$/i,
  /^tags?\s*:.*$/i,
  /^(explore further|related coverage|weiterführende? links?)\s*:?$/i,
];

/** A trailing section only ends the article when at least this many words of article precede it. */
export const MIN_WORDS_BEFORE_TRAILER = 60;

export const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function isTrailerStart(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && TRAILING_SECTION_STARTS.some((re) => re.test(t));
}

/** Items of a list of other stories are short; a paragraph this long is prose again. */
const MAX_LIST_ITEM_WORDS = 20;
/** After a box of other stories, this much text (against what came before) means the article goes on. */
const RESUME_SHARE = 0.5;

/**
 * Drops the sections of other stories ("Most read", "Related news", "Mehr zum Thema"): a heading
 * and the short items under it. When long prose follows the box (an inline "Trending news" box
 * inside the article) the article resumes after it; otherwise everything from the heading goes.
 */
export function cutTrailer(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  // Words of the paragraphs kept so far, counted only when a trailer heading asks (most pages have none).
  let words = 0;
  let counted = 0;
  const wordsBefore = (): number => {
    for (; counted < out.length; counted++) words += wordCount(out[counted]!);
    return words;
  };
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (i > 0 && isTrailerStart(p) && wordsBefore() >= MIN_WORDS_BEFORE_TRAILER) {
      let j = i + 1;
      while (j < paragraphs.length && wordCount(paragraphs[j]!) < MAX_LIST_ITEM_WORDS) j++;
      const rest = paragraphs.slice(j).reduce((n, q) => n + wordCount(q), 0);
      if (rest < words * RESUME_SHARE) return out;
      i = j - 1;
      continue;
    }
    out.push(p);
  }
  return out;
}

/** Single words that label a page section above the headline ("Report", "News") and are not titles. */
export const KICKER_MAX_WORDS = 1;
