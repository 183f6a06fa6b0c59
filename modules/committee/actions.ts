'use server';

import { revalidatePath } from 'next/cache';
import { answerRequest, isMeetingStep, MEETING_STEPS, requestAttendance, scheduleMeeting } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { StepError } from '@/lib/data/errors';
import { todayInChina } from '@/lib/domain/dates';
import { formObject, redirectOnSuccess, runAction, type ActionState } from '@/lib/web/action';
import { formFiles } from '@/lib/web/forms';

export type CreateResult = ActionState<{ id: string }>;
export type StepResult = ActionState<{ id: string; newId?: string }>;

export async function scheduleMeetingAction(_prev: CreateResult | null, form: FormData): Promise<CreateResult> {
  const state = await runAction('committee.schedule', form, async (actor, { requestId }) => {
    const r = await scheduleMeeting(db(), actor, { ...formObject(form), files: formFiles(form, 'files') }, { today: todayInChina(), requestId });
    revalidatePath('/committee');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/committee/${d.id}`);
}

/** Every step on a meeting: the form names the step; the data layer decides. */
export async function meetingStepAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  return runAction('committee.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    if (!isMeetingStep(input.step)) throw new StepError('unknownStep');
    const raw = input.step === 'uploadMaterial' ? { ...input, files: formFiles(form, 'files') } : input;
    const r = (await MEETING_STEPS[input.step](db(), actor, raw, { today: todayInChina(), requestId })) as { id: string };
    revalidatePath(`/committee/${r.id}`);
    revalidatePath('/committee');
    return { id: r.id };
  });
}

export async function requestAttendanceAction(_prev: CreateResult | null, form: FormData): Promise<CreateResult> {
  const state = await runAction('committee.request', form, async (actor, { requestId }) => {
    const r = await requestAttendance(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/committee');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/committee/requests/${d.id}`);
}

/** A court leader accepts or declines a request (the button names which). */
export async function answerRequestAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  return runAction('committee.answer', form, async (actor, { requestId }) => {
    const r = await answerRequest(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath(`/committee/requests/${r.id}`);
    revalidatePath('/committee');
    return { id: r.id };
  });
}
