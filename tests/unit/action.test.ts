/**
 * The server-action wrapper: what each error becomes in the answer (Conform's submission
 * result), how zod issues become field codes, and how a form becomes the data layer's input.
 * Only what Next provides (the session and the request headers) is replaced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConflictError, FieldError, StepError } from '@/lib/data/errors';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { log } from '@/lib/log';

const session = vi.hoisted(() => ({ actor: null as Actor | null, requestId: 'req-1' as string | undefined }));
vi.mock('@/lib/web/session', () => ({
  getActor: async () => session.actor,
  requestId: async () => session.requestId,
}));

const { formObject, runAction, zodFieldErrors } = await import('@/lib/web/action');

const ACTOR = { id: '00000000-0000-4000-8000-000000000001', role: 'PROCURATOR', institutionId: '00000000-0000-4000-8000-000000000002' } as Actor;

function form(entries: [string, string | File][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const throwing = (e: unknown) => async () => {
  throw e;
};

describe('runAction', () => {
  beforeEach(() => {
    session.actor = ACTOR;
    session.requestId = 'req-1';
  });
  afterEach(() => vi.restoreAllMocks());

  it('answers success with the data, the form reset and the time', async () => {
    const before = Date.now();
    const fn = vi.fn(async (actor: Actor, ctx: { requestId?: string }) => ({ id: actor.id, rid: ctx.requestId }));
    const r = await runAction('t.ok', form([['title', 'x']]), fn);
    expect(r.status).toBe('success');
    expect(r.data).toEqual({ id: ACTOR.id, rid: 'req-1' });
    expect(r.initialValue).toBeNull();
    expect(r.error).toBeUndefined();
    expect(r.at).toBeGreaterThanOrEqual(before);
  });

  it('signed out: refused with signedOut, and the function never runs', async () => {
    session.actor = null;
    const fn = vi.fn(async () => 1);
    const r = await runAction('t.signedOut', form([['title', 'x']]), fn);
    expect(fn).not.toHaveBeenCalled();
    expect(r.status).toBe('error');
    expect(r.error).toEqual({ '': ['signedOut'] });
  });

  it('a ZodError becomes field codes, and the submitted values come back to show again', async () => {
    const schema = z.object({ title: z.string().min(1, { error: 'required' }), body: z.string().max(2) });
    const r = await runAction('t.zod', form([['title', ''], ['body', 'long']]), async () => schema.parse({ title: '', body: 'long' }));
    expect(r.status).toBe('error');
    expect(r.error).toEqual({ title: ['required'], body: ['tooLong'] });
    // Empty values are left out (a form shows nothing for them either way).
    expect(r.initialValue).toEqual({ body: 'long' });
  });

  it('a FieldError becomes that field code', async () => {
    const r = await runAction('t.field', form([['username', 'li.wen']]), throwing(new FieldError('username', 'usernameTaken')));
    expect(r.error).toEqual({ username: ['usernameTaken'] });
  });

  it('a ConflictError becomes the form code conflict', async () => {
    const r = await runAction('t.conflict', form([['version', '3']]), throwing(new ConflictError()));
    expect(r.status).toBe('error');
    expect(r.error).toEqual({ '': ['conflict'] });
  });

  it('a StepError becomes step.<code>', async () => {
    const r = await runAction('t.step', form([]), throwing(new StepError('notServed')));
    expect(r.error).toEqual({ '': ['step.notServed'] });
  });

  it('a ForbiddenError becomes forbidden and is logged as a warning with its reason', async () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    const r = await runAction('t.forbidden', form([]), throwing(new ForbiddenError('Recommendation.approve', 'role')));
    expect(r.error).toEqual({ '': ['forbidden'] });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'req-1', actorId: ACTOR.id, action: 't.forbidden', reason: 'role' }), 'action forbidden');
  });

  it('anything else becomes unexpected, logged as an error with the request id, and the internal message never reaches the answer', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const secret = 'connection to db-internal-7 refused (password=hunter2)';
    const r = await runAction('t.boom', form([['title', 'x']]), throwing(new Error(secret)));
    expect(r.status).toBe('error');
    expect(r.error).toEqual({ '': ['unexpected'] });
    expect(JSON.stringify(r)).not.toContain('db-internal-7');
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'req-1', actorId: ACTOR.id, action: 't.boom' }), 'action failed');
  });

  it("a validation-only request (Conform's intent) runs nothing", async () => {
    const fn = vi.fn(async () => 1);
    const r = await runAction('t.intent', form([['title', 'x'], ['__intent__', JSON.stringify({ type: 'validate', payload: { name: 'title' } })]]), fn);
    expect(fn).not.toHaveBeenCalled();
    expect(r.status).toBeUndefined();
    expect(r.intent).toEqual({ type: 'validate', payload: { name: 'title' } });
  });

  it("Next's $ACTION fields never come back to the form", async () => {
    const r = await runAction('t.next', form([['$ACTION_ID_abc', ''], ['title', 'x']]), throwing(new ConflictError()));
    expect(r.initialValue).toEqual({ title: 'x' });
  });

  it('hidden fields never come back (passwords)', async () => {
    const r = await runAction('t.hide', form([['username', 'x'], ['password', 'a-long-password']]), throwing(new FieldError('username', 'usernameTaken')), {
      hideFields: ['password'],
    });
    expect(r.initialValue).toEqual({ username: 'x' });
    expect(JSON.stringify(r)).not.toContain('a-long-password');
  });
});

describe('zodFieldErrors', () => {
  it('names nested paths with dots, as the forms name their fields, and the root as the form', () => {
    const schema = z.object({ items: z.array(z.object({ title: z.string().min(1, { error: 'required' }) })) });
    const r = schema.safeParse({ items: [{ title: 'a' }, { title: '' }] });
    expect(r.success).toBe(false);
    expect(zodFieldErrors(r.error!)).toEqual({ 'items.1.title': ['required'] });
    const root = z.object({ a: z.string() }).refine(() => false, { error: 'datesOutOfOrder' }).safeParse({ a: 'x' });
    expect(zodFieldErrors(root.error!)).toEqual({ '': ['datesOutOfOrder'] });
  });

  it('custom messages are codes; zod’s own messages map to tooLong (too_big) or invalid', () => {
    const schema = z.object({
      custom: z.string().refine(() => false, { error: 'courtCaseNumberFormat' }),
      long: z.string().max(3),
      big: z.number().max(3),
      other: z.string(),
      email: z.email(),
    });
    const r = schema.safeParse({ custom: 'x', long: 'abcd', big: 9, other: 5, email: 'no' });
    expect(zodFieldErrors(r.error!)).toEqual({
      custom: ['courtCaseNumberFormat'],
      long: ['tooLong'],
      big: ['tooLong'],
      other: ['invalid'],
      email: ['invalid'],
    });
  });

  it('keeps the first issue of a field', () => {
    const r = z.object({ a: z.string().min(5, { error: 'tooShort' }).regex(/^\d+$/, { error: 'digitsOnly' }) }).safeParse({ a: 'x' });
    expect(r.error!.issues).toHaveLength(2);
    expect(zodFieldErrors(r.error!)).toEqual({ a: ['tooShort'] });
  });
});

describe('formObject', () => {
  it('the last value of a repeated name wins', () => {
    expect(formObject(form([['step', 'save'], ['step', 'submit']]))).toEqual({ step: 'submit' });
  });

  it("drops Next's $ACTION keys and files", () => {
    const f = form([
      ['$ACTION_ID_abc123', ''],
      ['$ACTION_REF_1', ''],
      ['title', 'x'],
      ['file', new File(['hello'], 'a.txt', { type: 'text/plain' })],
    ]);
    expect(formObject(f)).toEqual({ title: 'x' });
  });

  it('a checked checkbox arrives as its value ("on" by default); an unchecked one is absent', () => {
    expect(formObject(form([['urgent', 'on'], ['title', 'x']]))).toEqual({ urgent: 'on', title: 'x' });
    expect(formObject(form([['title', 'x']]))).not.toHaveProperty('urgent');
  });
});
