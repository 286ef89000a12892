import type { Command } from '../command.js';
import { extract } from './extract.js';

export const commands: readonly Command[] = [extract];
