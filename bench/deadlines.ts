/**
 * Deadline engine throughput: how many due dates a second over random starts and periods
 * (2022–2026, official calendar). Prints figures; not part of `npm test`.
 */
import { addDays } from '@/lib/domain/dates';
import { dueDate } from '@/lib/domain/deadlines';

const N = Number(process.env.BENCH_N ?? 200_000);
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const inputs = Array.from({ length: N }, () => ({
  start: addDays('2022-01-01', rand(365 * 4)),
  period: rand(2) ? { months: 1 + rand(6) } : { days: 1 + rand(60) },
}));

for (const round of [1, 2, 3]) {
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (const i of inputs) sink += dueDate(i.start, i.period).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`round ${round}: ${N} due dates in ${ms.toFixed(1)} ms = ${Math.round((N / ms) * 1000).toLocaleString('en')} per second (${sink})`);
}
const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(1)} MiB`);
