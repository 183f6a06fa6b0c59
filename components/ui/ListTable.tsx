import type { ReactNode } from 'react';

/**
 * The table of a list page: a caption for screen readers, column headers (`false` for a column
 * left out), one row per record; a sentence instead when there are no records.
 */
export function ListTable<T extends { id: string }>({
  rows,
  caption,
  headers,
  row,
  empty,
  testId,
}: {
  rows: readonly T[];
  caption: string;
  headers: readonly (ReactNode | false)[];
  /** The cells of one record's row. */
  row: (r: T) => ReactNode;
  /** What to say when there are no rows. */
  empty: string;
  testId?: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            {headers.map((h, i) =>
              h === false ? null : (
                <th key={i} scope="col" className={i === headers.length - 1 ? 'py-2 font-medium' : 'py-2 pr-3 font-medium'}>
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              {row(r)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
