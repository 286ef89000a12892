/**
 * Progress of an ingest: a one-line bar redrawn on a terminal (sources done, pages fetched, new,
 * unchanged, failed), plain lines otherwise (one per source, one per failure).
 */
import type { IngestEvent } from '../pipeline/ingest.js';
import { plural } from '../core/plural.js';

export function progressReporter(total: number, stream: NodeJS.WriteStream = process.stderr): { onEvent: (e: IngestEvent) => void; done: () => void } {
  const tty = Boolean(stream.isTTY);
  let sources = 0;
  let pages = 0;
  let expected = 0;
  const c = { new: 0, unchanged: 0, failed: 0 };
  const draw = (): void => {
    if (!tty) return;
    const width = 20;
    const filled = expected ? Math.round((pages / Math.max(expected, pages)) * width) : 0;
    stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] sources ${sources}/${total} · pages ${pages}${expected ? `/${expected}` : ''} · ${c.new} new · ${c.unchanged} unchanged · ${c.failed} failed`);
  };
  const line = (s: string): void => {
    if (tty) stream.write('\r\x1b[2K');
    stream.write(`${s}\n`);
    draw();
  };
  return {
    onEvent(e) {
      if (e.type === 'source-items') expected += e.items;
      else if (e.type === 'item') {
        pages++;
        if (e.outcome === 'new' || e.outcome === 'updated') c.new++;
        else if (e.outcome === 'unchanged' || e.outcome === 'duplicate') c.unchanged++;
        else if (e.outcome === 'failed') { c.failed++; line(`  failed: ${e.error ?? e.url}`); }
      } else if (e.type === 'source-error') {
        sources++;
        line(e.offline ? `${e.source}: offline — cannot reach it now; what is stored is kept (${e.error})` : `${e.source}: ${e.error}`);
      } else if (e.type === 'source-done') {
        if (e.summary.offline && e.summary.items) {
          sources++;
          line(`${e.summary.source}: offline — cannot reach it now; what is stored is kept`);
        } else if (!e.summary.error) {
          sources++;
          const s = e.summary;
          line(`${s.source}: ${plural(s.items, 'item')} · ${s.new} new · ${s.updated} updated · ${s.unchanged} unchanged · ${plural(s.duplicate, 'duplicate')} · ${s.skipped} skipped · ${s.failed} failed`);
        }
      }
      draw();
    },
    done() {
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}
