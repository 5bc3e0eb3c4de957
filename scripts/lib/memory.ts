import { readFile, readdir } from 'node:fs/promises';

/**
 * Proportional set size (shared pages split between the processes sharing them) of a process and all its
 * descendants, from /proc (Linux); 0 where /proc is unavailable. Summing RSS would count Postgres' shared
 * buffers once per backend.
 */
export async function processTreePssBytes(rootPid: number): Promise<number> {
  const pids = await readdir('/proc').catch(() => [] as string[]);
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  await Promise.all(
    pids.filter((name) => /^\d+$/.test(name)).map(async (name) => {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields.length < 22) return;
      parents.set(Number(name), Number(fields[1]));
      const rollup = await readFile(`/proc/${name}/smaps_rollup`, 'utf8').catch(() => '');
      const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
      rss.set(Number(name), pss ? Number(pss[1]) * 1024 : Number(fields[21]) * 4096);
    }),
  );
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    for (const [child, parent] of parents) if (parent === pid) stack.push(child);
  }
  return total;
}
