/**
 * Politeness: one queue per host that runs one request at a time and starts each at least one
 * interval after the previous one actually started (the source's rate, or robots.txt's
 * Crawl-delay when longer), all under a global concurrency limit. The gap is measured from the
 * real start of the request, so a request held up by the global limit or a busy event loop
 * never brings the next one closer. The time for N pages over H hosts then sits close to the
 * bound the rates set: max over hosts of pages × interval.
 */
import PQueue from 'p-queue';

export interface SchedulerOptions {
  /** Requests in flight at once, over all hosts. */
  readonly concurrency?: number;
  /** Default milliseconds between the starts of two requests to one host. */
  readonly intervalMs?: number;
}

interface Host {
  /** The previous request's task, settled or not: the next one waits for it. */
  chain: Promise<unknown>;
  /** When the previous request started (ms since the epoch). */
  lastStart: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once `at` (ms since the epoch) has passed; timers may fire a little early, so it checks. */
async function until(at: number): Promise<void> {
  for (let wait = at - Date.now(); wait > 0; wait = at - Date.now()) await sleep(wait);
}

export class Scheduler {
  private readonly global: PQueue;
  private readonly hosts = new Map<string, Host>();
  private readonly intervalMs: number;

  constructor(options: SchedulerOptions = {}) {
    this.global = new PQueue({ concurrency: options.concurrency ?? 8 });
    this.intervalMs = options.intervalMs ?? 1000;
  }

  /** Runs `task` for `host` when both the host's rate and the global limit allow. */
  run<T>(host: string, task: () => Promise<T>, intervalMs = this.intervalMs): Promise<T> {
    let h = this.hosts.get(host);
    if (!h) {
      h = { chain: Promise.resolve(), lastStart: -Infinity };
      this.hosts.set(host, h);
    }
    const state = h;
    const next = state.chain.then(async () => {
      await until(state.lastStart + intervalMs);
      return this.global.add(async () => {
        // The global limit may have held it: the host's gap is still counted from here.
        await until(state.lastStart + intervalMs);
        state.lastStart = Date.now();
        return task();
      }) as Promise<T>;
    });
    state.chain = next.catch(() => undefined);
    return next;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.chain));
    await this.global.onIdle();
  }
}
