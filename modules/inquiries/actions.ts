'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { StepError } from '@/lib/data/errors';
import { isStepName, sendInquiry, STEPS } from '@/lib/data/inquiries';
import { todayInChina } from '@/lib/domain/dates';
import { formObject, redirectOnSuccess, runAction, type ActionState, type StepActionResult } from '@/lib/web/action';

export type SendResult = ActionState<{ id: string }>;

export async function sendInquiryAction(_prev: SendResult | null, form: FormData): Promise<SendResult> {
  const state = await runAction('inquiry.send', form, async (actor, { requestId }) => {
    const r = await sendInquiry(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/inquiries');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/inquiries/${d.id}`);
}

/** Every step on an existing inquiry: the form names the step; the data layer decides. */
export async function inquiryStepAction(_prev: StepActionResult | null, form: FormData): Promise<StepActionResult> {
  return runAction('inquiry.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    if (!isStepName(input.step ?? '')) throw new StepError('unknownStep');
    const r = await STEPS[input.step as keyof typeof STEPS](db(), actor, input, { today: todayInChina(), requestId });
    revalidatePath(`/inquiries/${r.id}`);
    revalidatePath('/inquiries');
    return { id: r.id };
  });
}
