// CPU accounting shared by the benchmarks (Linux /proc): the app, the bench database's
// PostgreSQL processes, this load generator, and the rest of the machine ("others").
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process in seconds (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds per PostgreSQL server process that works for the bench database: its backends
 * (their title names the database) and the shared ones (postmaster, WAL writer, checkpointer,
 * autovacuum…). Backends of other databases (other people's tests) are left out.
 */
function postgresCpu(database: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const backend = /\(\d+\)|\[local\]/.test(title);
      if (backend && !title.includes(` ${database} `)) continue;
      byPid.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

/** Busy CPU seconds of the whole machine (all processes, ours and others'). */
function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / CLK_TCK;
}

export type CpuSnapshot = { at: number; app: number; pg: Map<number, number>; bench: number; machine: number };
/** CPU seconds used between two snapshots, and the seconds between them (divide for cores). */
export type CpuUse = { app: number; pg: number; bench: number; others: number; seconds: number };

/** The CPU counters now; `appPid` 0 when no app runs (a baseline). */
export function cpuSnapshot(appPid: number, database: string): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    app: appPid ? cpuSeconds(appPid) : 0,
    pg: postgresCpu(database),
    bench: (own.user + own.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

export function cpuUse(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  // Processes that ended meanwhile are left out; ones that started count from zero.
  let pg = 0;
  for (const [pid, seconds] of b.pg) pg += Math.max(0, seconds - (a.pg.get(pid) ?? 0));
  const app = b.app - a.app;
  const bench = b.bench - a.bench;
  const others = Math.max(0, b.machine - a.machine - app - pg - bench);
  return { app, pg, bench, others, seconds: (b.at - a.at) / 1000 };
}
