'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/data/db';
import { createUser, setUserActive } from '@/lib/data/users';
import { formObject, runAction, type ActionResult } from '@/lib/web/action';

export async function createUserAction(_prev: ActionResult<{ username: string }> | null, form: FormData) {
  return runAction('user.create', async (actor, { requestId }) => {
    const user = await createUser(db(), actor, formObject(form), requestId);
    revalidatePath('/admin/users');
    return { username: user.username };
  });
}

export async function setUserActiveAction(_prev: ActionResult | null, form: FormData) {
  return runAction('user.setActive', async (actor, { requestId }) => {
    const o = formObject(form);
    await setUserActive(db(), actor, { userId: o.userId, active: o.active === 'true', version: o.version }, requestId);
    revalidatePath('/admin/users');
    return undefined;
  });
}
