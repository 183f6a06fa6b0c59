'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { StepError } from '@/lib/data/errors';
import { isStepName, sendLead, STEPS } from '@/lib/data/leads';
import { todayInChina } from '@/lib/domain/dates';
import { formObject, redirectOnSuccess, runAction, type ActionState, type StepActionResult } from '@/lib/web/action';

export type SendLeadResult = ActionState<{ id: string }>;

export async function sendLeadAction(_prev: SendLeadResult | null, form: FormData): Promise<SendLeadResult> {
  const state = await runAction('lead.send', form, async (actor, { requestId }) => {
    const r = await sendLead(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/leads');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/leads/${d.id}`);
}

/** Every step on an existing lead: the form names the step; the data layer decides. */
export async function leadStepAction(_prev: StepActionResult | null, form: FormData): Promise<StepActionResult> {
  return runAction('lead.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    if (!isStepName(input.step ?? '')) throw new StepError('unknownStep');
    const r = await STEPS[input.step as keyof typeof STEPS](db(), actor, input, { today: todayInChina(), requestId });
    revalidatePath(`/leads/${r.id}`);
    revalidatePath('/leads');
    return { id: r.id };
  });
}
