import { getTranslations } from 'next-intl/server';
import { answerRequestAction } from '@/modules/committee/actions';
import { StepForm } from '@/components/workflow/StepForm';
import type { RequestView } from '@/lib/data/committee';
import { LIMITS } from '@/lib/domain/committee/schemas';

/** A court leader's answer: accept (optionally linking a meeting) or decline with reasons. */
export async function RequestSteps({ r }: { r: RequestView }) {
  const t = await getTranslations('committee');
  if (r.steps.length === 0) {
    return <p className="text-sm text-slate-600">{r.status === 'pending' ? t('requests.waitingCourtLeader') : t('detail.nothingClosed')}</p>;
  }
  return (
    <div className="space-y-4">
      {r.steps.includes('accept') && (
        <StepForm
          id={r.id}
          version={r.version}
          action={answerRequestAction}
          testId="step-accept"
          title={t('steps.accept.title')}
          help={t('steps.accept.help')}
          fields={[
            {
              kind: 'select',
              name: 'meetingId',
              label: t('fields.linkMeeting'),
              options: r.openMeetings.map((m) => ({ value: m.id, label: t('requests.meetingOption', { when: m.local, total: m.cases.length, first: m.cases[0] ?? '' }) })),
            },
            { kind: 'textarea', name: 'answer', label: t('fields.answerOptional'), maxLength: LIMITS.answer },
          ]}
          buttons={[{ step: 'accept', label: t('steps.accept.button') }]}
        />
      )}
      {r.steps.includes('decline') && (
        <StepForm
          id={r.id}
          version={r.version}
          action={answerRequestAction}
          testId="step-decline"
          title={t('steps.decline.title')}
          help={t('steps.decline.help')}
          fields={[{ kind: 'textarea', name: 'answer', label: t('fields.declineReasons'), required: true, maxLength: LIMITS.answer }]}
          buttons={[{ step: 'decline', label: t('steps.decline.button'), tone: 'danger' }]}
        />
      )}
    </div>
  );
}
