/**
 * How an audit row's summary reads: the fields whose value the change altered, each with its value
 * before (absent when the row records a creation) and after. Summaries are `{ before, after, … }`
 * as the step runner writes them; anything else has no field changes to show.
 */
export interface AuditChange {
  field: string;
  before?: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function auditChanges(summary: unknown): AuditChange[] {
  if (!isObject(summary) || !isObject(summary.after)) return [];
  const before = isObject(summary.before) ? summary.before : {};
  const after = summary.after;
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => (k in before ? { field: k, before: before[k], after: after[k] } : { field: k, after: after[k] }));
}
