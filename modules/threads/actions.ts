'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { addNote, sendMessage } from '@/lib/data/threads';
import { THREAD_KINDS } from '@/lib/domain/threads/kinds';
import { formObject, runAction, type ActionState } from '@/lib/web/action';
import { formFiles } from '@/lib/web/forms';

export type ThreadPostResult = ActionState<{ id: string }>;

/** What a composer sends: its fields, every chosen colleague, the chosen files. */
function postOf(form: FormData) {
  return {
    ...formObject(form),
    mentions: form.getAll('mentions').filter((v): v is string => typeof v === 'string'),
    files: formFiles(form, 'files'),
  };
}

/** A message to both institutions (the message composer's only action). */
export async function sendMessageAction(_prev: ThreadPostResult | null, form: FormData): Promise<ThreadPostResult> {
  return runAction('thread.message', form, async (actor, { requestId }) => {
    const r = await sendMessage(db(), actor, postOf(form), { requestId });
    revalidatePath(THREAD_KINDS[r.recordType].href(r.recordId));
    return { id: r.id };
  });
}

/** An internal note, for the author's institution only (the note composer's only action). */
export async function addNoteAction(_prev: ThreadPostResult | null, form: FormData): Promise<ThreadPostResult> {
  return runAction('thread.note', form, async (actor, { requestId }) => {
    const r = await addNote(db(), actor, postOf(form), { requestId });
    revalidatePath(THREAD_KINDS[r.recordType].href(r.recordId));
    return { id: r.id };
  });
}
