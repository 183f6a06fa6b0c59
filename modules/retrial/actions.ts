'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { StepError } from '@/lib/data/errors';
import { addEvidenceItem, fileMatter, RETRIAL_STEP_FUNCTIONS } from '@/lib/data/retrial';
import { todayInChina } from '@/lib/domain/dates';
import { formObject, redirectOnSuccess, runAction, type ActionState } from '@/lib/web/action';
import { formFiles } from '@/lib/web/forms';

export type FileResult = ActionState<{ id: string }>;
export type RetrialStepResult = ActionState<{ id: string; newId?: string }>;

/** The steps a form may name; each goes to its data-layer function, which decides. */
const FORM_STEPS = ['startReview', 'decide', 'setHearing', 'determine'] as const;

export async function fileMatterAction(_prev: FileResult | null, form: FormData): Promise<FileResult> {
  const state = await runAction('retrial.file', form, async (actor, { requestId }) => {
    const r = await fileMatter(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/retrial');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/retrial/${d.id}`);
}

/** Adds an evidence item, with the chosen file if any. */
export async function addItemAction(_prev: RetrialStepResult | null, form: FormData): Promise<RetrialStepResult> {
  return runAction('retrial.addItem', form, async (actor, { requestId }) => {
    const [file] = formFiles(form, 'file');
    const r = await addEvidenceItem(db(), actor, { ...formObject(form), file }, { today: todayInChina(), requestId });
    revalidatePath(`/retrial/${r.id}`);
    revalidatePath('/retrial');
    return { id: r.id };
  });
}

/** Every other step: the form names the step (the button), the data layer decides. */
export async function stepAction(_prev: RetrialStepResult | null, form: FormData): Promise<RetrialStepResult> {
  return runAction('retrial.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    const step = input.step as (typeof FORM_STEPS)[number];
    if (!(FORM_STEPS as readonly string[]).includes(step)) throw new StepError('unknownStep');
    const r = await RETRIAL_STEP_FUNCTIONS[step](db(), actor, input, { today: todayInChina(), requestId });
    // A determination answers with the item's id; the page to refresh is the matter's.
    const matterId = step === 'determine' ? input.matterId : r.id;
    if (matterId && /^[0-9a-f-]{36}$/i.test(matterId)) revalidatePath(`/retrial/${matterId}`);
    revalidatePath('/retrial');
    return { id: r.id };
  });
}
