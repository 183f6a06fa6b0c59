/** Today's date in China (Asia/Shanghai, UTC+8, no DST) as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as a Date at UTC midnight, for formatting with timeZone UTC. */
export function isoToUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
