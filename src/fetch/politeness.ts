/**
 * Politeness: one queue per host that starts at most one request per interval (the source's rate,
 * or robots.txt's Crawl-delay when longer), all under a global concurrency limit. The time for N
 * pages over H hosts then sits close to the bound the rates set: max over hosts of pages × interval.
 */
import PQueue from 'p-queue';

export interface SchedulerOptions {
  /** Requests in flight at once, over all hosts. */
  readonly concurrency?: number;
  /** Default milliseconds between the starts of two requests to one host. */
  readonly intervalMs?: number;
}

export class Scheduler {
  private readonly global: PQueue;
  private readonly hosts = new Map<string, PQueue>();
  private readonly intervalMs: number;

  constructor(options: SchedulerOptions = {}) {
    this.global = new PQueue({ concurrency: options.concurrency ?? 8 });
    this.intervalMs = options.intervalMs ?? 1000;
  }

  private queueFor(host: string, intervalMs: number): PQueue {
    let q = this.hosts.get(host);
    if (!q) {
      // One request at a time per host, and at most one start per interval.
      q = intervalMs > 0 ? new PQueue({ concurrency: 1, intervalCap: 1, interval: intervalMs, strict: true }) : new PQueue({ concurrency: 1 });
      this.hosts.set(host, q);
    }
    return q;
  }

  /** Runs `task` for `host` when both the host's rate and the global limit allow. */
  run<T>(host: string, task: () => Promise<T>, intervalMs = this.intervalMs): Promise<T> {
    return this.queueFor(host, intervalMs).add(() => this.global.add(task)) as Promise<T>;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((q) => q.onIdle()));
    await this.global.onIdle();
  }
}
