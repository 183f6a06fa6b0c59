'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { createDraft, STEPS } from '@/lib/data/recommendations';
import { StepError } from '@/lib/data/errors';
import { todayInChina } from '@/lib/domain/dates';
import { RECOMMENDATION_ACTIONS, type RecommendationAction } from '@/lib/domain/recommendations/machine';
import { formObject, runAction, type ActionResult } from '@/lib/web/action';

export type DraftResult = ActionResult<{ id: string }>;
export type StepResult = ActionResult<{ id: string; newId?: string }>;

export async function createDraftAction(_prev: DraftResult | null, form: FormData): Promise<DraftResult> {
  return runAction('recommendation.create', async (actor, { requestId }) => {
    const r = await createDraft(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/recommendations');
    return { id: r.id };
  });
}

/** Every step on an existing recommendation: the form names the step; the data layer decides. */
export async function stepAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  return runAction('recommendation.step', async (actor, { requestId }) => {
    const input = formObject(form);
    const action = input.step as RecommendationAction;
    if (!(RECOMMENDATION_ACTIONS as readonly string[]).includes(action)) throw new StepError('unknownStep');
    const result = (await STEPS[action](db(), actor, input, { today: todayInChina(), requestId })) as { id: string; newId?: string };
    revalidatePath(`/recommendations/${result.id}`);
    revalidatePath('/recommendations');
    return { id: result.id, newId: result.newId };
  });
}
