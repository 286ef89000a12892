import type { Command } from '../command.js';
import { start } from './start.js';
import { add } from './add.js';
import { extract } from './extract.js';
import { index } from './index-cmd.js';
import { search } from './search.js';
import { quotes } from './quotes.js';

export const commands: readonly Command[] = [start, add, extract, index, search, quotes];
