'use server';

import { revalidatePath } from 'next/cache';
import { verifyAuditChainAsAdmin } from '@/lib/data/audit-chain';
import { db } from '@/lib/data/db';
import { endUserSessions } from '@/lib/data/sessions';
import { setUploadLimit } from '@/lib/data/settings';
import { createUser, setUserActive } from '@/lib/data/users';
import { formObject, runAction, type ActionState } from '@/lib/web/action';

export async function createUserAction(_prev: ActionState<{ username: string }> | null, form: FormData) {
  return runAction('user.create', form, async (actor, { requestId }) => {
    const user = await createUser(db(), actor, formObject(form), requestId);
    revalidatePath('/admin/users');
    return { username: user.username };
  }, { hideFields: ['password'] });
}

export async function setUserActiveAction(_prev: ActionState | null, form: FormData) {
  return runAction('user.setActive', form, async (actor, { requestId }) => {
    const o = formObject(form);
    await setUserActive(db(), actor, { userId: o.userId, active: o.active === 'true', version: o.version }, requestId);
    revalidatePath('/admin/users');
    return undefined;
  });
}

export async function endUserSessionsAction(_prev: ActionState<{ ended: number }> | null, form: FormData) {
  return runAction('user.endSessions', form, async (actor, { requestId }) => {
    return endUserSessions(db(), actor, formObject(form), requestId);
  });
}

export async function verifyAuditChainAction(_prev: ActionState<{ ok: boolean; events: number }> | null, form: FormData) {
  return runAction('audit.verify', form, async (actor, { requestId }) => {
    const result = await verifyAuditChainAsAdmin(db(), actor, requestId);
    revalidatePath('/admin/users');
    return result;
  });
}

/** The per-file upload limit (the document store reads it at every upload). */
export async function setUploadLimitAction(_prev: ActionState<{ megabytes: number }> | null, form: FormData) {
  return runAction('settings.uploadLimit', form, async (actor, { requestId }) => {
    const r = await setUploadLimit(db(), actor, formObject(form), requestId);
    revalidatePath('/admin/users');
    return { megabytes: r.maxFileBytes / (1024 * 1024) };
  });
}
