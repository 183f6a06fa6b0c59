'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { StepError } from '@/lib/data/errors';
import { openCaseFromFinding, recordFinding, registerApplication, STEPS } from '@/lib/data/non-litigation';
import { todayInChina } from '@/lib/domain/dates';
import { formObject, redirectOnSuccess, runAction, type ActionState } from '@/lib/web/action';

export type RegisterResult = ActionState<{ id: string }>;
/** What every step answers (the shape StepForm expects); opening a case adds the case. */
export type StepResult = ActionState<{ id: string; newId?: string; caseId?: string; caseNumber?: string }>;

function refresh(id: string) {
  revalidatePath(`/non-litigation/${id}`);
  revalidatePath('/non-litigation');
}

export async function registerAction(_prev: RegisterResult | null, form: FormData): Promise<RegisterResult> {
  const state = await runAction('nonLitigation.register', form, async (actor, { requestId }) => {
    const r = await registerApplication(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/non-litigation');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/non-litigation/${d.id}`);
}

/** Every court (or procuratorate) step on an application: the form names the step; the data layer decides. */
export async function stepAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  return runAction('nonLitigation.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    const step = input.step;
    if (!step || !Object.hasOwn(STEPS, step)) throw new StepError('unknownStep');
    const r = (await STEPS[step as keyof typeof STEPS](db(), actor, input, { today: todayInChina(), requestId })) as { id: string };
    refresh(r.id);
    return { id: r.id };
  });
}

export async function findingAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  return runAction('nonLitigation.recordFinding', form, async (actor, { requestId }) => {
    const r = await recordFinding(db(), actor, formObject(form), { today: todayInChina(), requestId });
    refresh(r.id);
    return { id: r.id };
  });
}

/** One click on a flagged finding: the case is opened and linked; the page then shows it. */
export async function openCaseAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  return runAction('nonLitigation.openCase', form, async (actor, { requestId }) => {
    const r = await openCaseFromFinding(db(), actor, formObject(form), { today: todayInChina(), requestId });
    refresh(r.id);
    revalidatePath('/cases');
    return { id: r.id, caseId: r.caseId, caseNumber: r.caseNumber };
  });
}
