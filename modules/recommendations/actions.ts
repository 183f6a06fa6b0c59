'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { createDraft, STEPS } from '@/lib/data/recommendations';
import { StepError } from '@/lib/data/errors';
import { todayInChina } from '@/lib/domain/dates';
import { RECOMMENDATION_ACTIONS, type RecommendationAction } from '@/lib/domain/recommendations/machine';
import { formObject, redirectOnSuccess, runAction, type ActionState } from '@/lib/web/action';

export type DraftResult = ActionState<{ id: string }>;
export type StepResult = ActionState<{ id: string; newId?: string }>;

export async function createDraftAction(_prev: DraftResult | null, form: FormData): Promise<DraftResult> {
  const state = await runAction('recommendation.create', form, async (actor, { requestId }) => {
    const r = await createDraft(db(), actor, formObject(form), { today: todayInChina(), requestId });
    revalidatePath('/recommendations');
    return { id: r.id };
  });
  return redirectOnSuccess(state, (d) => `/recommendations/${d.id}`);
}

/** Every step on an existing recommendation: the form names the step; the data layer decides. */
export async function stepAction(_prev: StepResult | null, form: FormData): Promise<StepResult> {
  const state = await runAction('recommendation.step', form, async (actor, { requestId }) => {
    const input = formObject(form);
    const action = input.step as RecommendationAction;
    if (!(RECOMMENDATION_ACTIONS as readonly string[]).includes(action)) throw new StepError('unknownStep');
    const result = (await STEPS[action](db(), actor, input, { today: todayInChina(), requestId })) as { id: string; newId?: string };
    revalidatePath(`/recommendations/${result.id}`);
    revalidatePath('/recommendations');
    return { id: result.id, newId: result.newId };
  });
  return redirectOnSuccess(state, (d) =>
    // A step that made a new recommendation goes there; an edit goes back to the record.
    d.newId ? `/recommendations/${d.newId}` : form.get('step') === 'edit' ? `/recommendations/${d.id}` : undefined,
  );
}
