/** Very common words that are not indexed on their own (phrases still match them). Lower case. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'is', 'it', 'that', 'with', 'as', 'by', 'be', 'are', 'was', 'this']);
