/**
 * The page's own main thread in a Lighthouse trace, as CPU time rather than wall time.
 *
 * Lighthouse's simulation multiplies the wall time of each main-thread task it observed (by 4, or
 * by 2 for a task that lays out) and counts what passes 50 ms after the first paint as blocking.
 * On a shared machine a task's wall time includes the moments its thread waited for a core, so a
 * busy minute turns work the page never did into blocking time. Chromium records each task's
 * thread time beside it (`tdur`): what the page itself cost.
 */
import type { Artifacts } from 'lighthouse';

type Trace = Artifacts['Trace'];
type TraceEvent = Trace['traceEvents'][number] & { tdur?: number };

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The top-level tasks of the page's main thread, from its navigation to the first script
 * Lighthouse runs in its own isolated world once the page has loaded and gone quiet.
 */
const pageTasks = (events: TraceEvent[], url: string) => {
  const start = events.find(
    (e) => e.name === 'navigationStart' && e.args.data?.documentLoaderURL === url,
  );
  if (!start) throw new Error(`no navigation to ${url} in the trace`);
  const thread = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid)
    .sort((a, b) => a.ts - b.ts);
  const end =
    thread.find((e) => JSON.stringify(e.args).includes('lighthouse_isolated_context'))?.ts ??
    Infinity;
  const tasks: TraceEvent[] = [];
  let coveredUntil = 0;
  for (const e of thread) {
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || e.ts < start.ts || e.ts >= end) continue;
    // A task run inside another (a nested loop) is already in its parent's time.
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + (e.dur ?? 0);
    tasks.push(e);
  }
  return { thread, tasks };
};

export interface MainThreadCpu {
  /** CPU milliseconds of every task of the page's main thread, from navigation to Lighthouse's own scripts. */
  total: number;
  /** CPU milliseconds of the longest of those tasks. */
  longest: number;
}

export const mainThreadCpu = (trace: Trace, url: string): MainThreadCpu => {
  const { tasks } = pageTasks(trace.traceEvents as TraceEvent[], url);
  const cpu = tasks.map((task) => (task.tdur ?? 0) / 1000);
  return { total: cpu.reduce((a, b) => a + b, 0), longest: Math.max(0, ...cpu) };
};

/**
 * The same trace with each of the page's main-thread tasks shortened to its CPU time, everything
 * inside it scaled with it (so tasks still nest): given to Lighthouse's own simulation, it says
 * what the page's figures would be had its renderer not waited for a core. Changes the events
 * in place.
 */
export const shortenToCpuTime = (trace: Trace, url: string): void => {
  const { thread, tasks } = pageTasks(trace.traceEvents as TraceEvent[], url);
  let i = 0;
  for (const task of tasks) {
    const { ts: start, dur = 0, tdur } = task;
    if (tdur === undefined || dur <= 0 || tdur >= dur) continue;
    const ratio = tdur / dur;
    while (i < thread.length && thread[i]!.ts < start) i++;
    for (let j = i; j < thread.length && thread[j]!.ts < start + dur; j++) {
      const e = thread[j]!;
      e.ts = start + (e.ts - start) * ratio;
      if (e.dur !== undefined) e.dur *= ratio;
    }
  }
};
