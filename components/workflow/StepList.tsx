import { StepForm, type StepFormProps } from '@/components/workflow/StepForm';

export type StepSpec = Omit<StepFormProps, 'id' | 'version' | 'action'>;

/**
 * The loop every "what you may do next" panel shares: the steps the workflow's declaration allows
 * this user now (in the order given), each as its form, or one line saying there is nothing to do.
 * A step without a form here (e.g. one taken from another page) is skipped.
 */
export function StepList<A extends string>({
  record,
  steps,
  specs,
  action,
  none,
  testIds = false,
}: {
  record: { id: string; version: number };
  steps: readonly A[];
  specs: Partial<Record<A, StepSpec>>;
  action: StepFormProps['action'];
  /** Shown when no step is open to this user; null shows nothing. */
  none: string | null;
  /** Give each form the test id `step-<name>` unless its spec names one. */
  testIds?: boolean;
}) {
  const shown = steps.filter((a) => specs[a]);
  if (shown.length === 0) return none === null ? null : <p className="text-sm text-slate-600">{none}</p>;
  return (
    <div className="space-y-4">
      {shown.map((a) => (
        <StepForm key={a} id={record.id} version={record.version} action={action} {...(testIds ? { testId: `step-${a}` } : {})} {...specs[a]!} />
      ))}
    </div>
  );
}
