export function DefinitionList({ rows }: { rows: { term: string; value: React.ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {rows.map((r) => (
        <div key={r.term} className="contents">
          <dt className="text-slate-500">{r.term}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
