'use server';

import { revalidatePath } from 'next/cache';
import { CASE_COMMANDS, openNewCase } from '@/lib/data/cases';
import { db } from '@/lib/data/db';
import { StepError } from '@/lib/data/errors';
import { CASE_ACTIONS, type CaseAction } from '@/lib/domain/cases/machine';
import { todayInChina } from '@/lib/domain/dates';
import { formObject, redirectOnSuccess, runAction, type ActionState } from '@/lib/web/action';

export type OpenCaseResult = ActionState<{ id: string }>;
export type CaseStepResult = ActionState<{ id: string; newId?: string }>;

export async function openCaseAction(_prev: OpenCaseResult | null, form: FormData): Promise<OpenCaseResult> {
  const state = await runAction('SupervisionCase.open', form, async (actor, { requestId }) => {
    const r = await openNewCase(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/cases');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/cases/${d.id}`);
}

/** Every step on an existing case: the form names the step; the data layer decides. */
export async function caseStepAction(_prev: CaseStepResult | null, form: FormData): Promise<CaseStepResult> {
  return runAction('SupervisionCase.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    const step = input.step as CaseAction;
    if (!(CASE_ACTIONS as readonly string[]).includes(step)) throw new StepError('unknownStep');
    const result = await CASE_COMMANDS[step](db(), actor, input, { today: todayInChina(), requestId });
    revalidatePath(`/cases/${result.id}`);
    revalidatePath('/cases');
    return { id: result.id };
  });
}
