import type { Command } from '../command.js';
import { start } from './start.js';
import { add } from './add.js';
import { extract } from './extract.js';
import { index } from './index-cmd.js';
import { search } from './search.js';
import { quotes } from './quotes.js';
import { ingest } from './ingest.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';
import { verify } from './verify.js';
import { who } from './who.js';
import { remove } from './remove.js';
import { serve } from './serve.js';

export const commands: readonly Command[] = [start, ingest, sources, add, remove, extract, index, search, quotes, timeline, who, verify, serve];
