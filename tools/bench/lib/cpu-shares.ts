import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (`getconf CLK_TCK`; 100 on Linux x86-64 and arm64). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of one process, from /proc; 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The pids of every process whose command name is `name` (all PostgreSQL backends, say). */
function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

/** Busy CPU seconds of the whole machine (every core; idle and iowait left out). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

export interface CpuShares {
  /** Cores used on average during the window, by who. */
  byWho: Record<string, number>;
  /** Cores the whole machine was busy on average. */
  machine: number;
}

/**
 * Starts a window over which the cores used by some processes are averaged: `groups` name a set of
 * pids each (`api: [pid]`) or a command name whose processes are summed (`postgres`: every
 * backend); `self` is this process (the load generator, when it runs in the benchmark's process).
 * A process started inside the window counts from zero; one that ended inside it is left out.
 */
export function cpuWindow(groups: Record<string, number[] | string>): { close(): CpuShares } {
  const pidsOf = (group: number[] | string) => (typeof group === 'string' ? pidsNamed(group) : group);
  const selfSeconds = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const startedAt = process.hrtime.bigint();
  const startMachine = machineBusySeconds();
  const startSelf = selfSeconds();
  const startByPid = new Map<number, number>();
  for (const group of Object.values(groups)) for (const pid of pidsOf(group)) startByPid.set(pid, cpuSecondsOf(pid));
  return {
    close() {
      const wall = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const byWho: Record<string, number> = { self: (selfSeconds() - startSelf) / wall };
      for (const [who, group] of Object.entries(groups)) {
        const used = pidsOf(group).reduce((sum, pid) => sum + cpuSecondsOf(pid) - (startByPid.get(pid) ?? 0), 0);
        byWho[who] = used / wall;
      }
      return { byWho, machine: (machineBusySeconds() - startMachine) / wall };
    },
  };
}
