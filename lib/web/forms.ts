/**
 * What a form submission is and what an action answers, on both sides of the wire (no
 * server-only imports: the client checks a form with the same schema and the same reading of
 * the form as the server). A submission is Conform's: errors are message codes keyed by the
 * field's name ('' for the form), which the form localizes through the catalogs.
 */
import { parse, type Submission, type SubmissionResult } from '@conform-to/react';

/** The name of Conform's intent field (`@conform-to/dom`'s INTENT). */
const INTENT = '__intent__';
import type { ZodError, ZodType } from 'zod';

/** Every action answers this: Conform's submission result (status, field and form errors, the values to show again), the data of a success, and when. */
export type ActionState<T = undefined> = SubmissionResult<string[]> & { data?: T; at: number };

/** What a step's server action answers: the record's id (a step that made a new record goes there from the action). */
export type StepActionResult = ActionState<{ id: string; newId?: string }>;

/** The error codes of a ZodError by field name (`items.0.title` for nested paths; '' for the form). */
export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (out[field]) continue;
    // Custom messages are codes (see the schemas); zod's own messages map to generic codes.
    const code = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : issue.code === 'too_big' ? 'tooLong' : 'invalid';
    out[field] = [code];
  }
  return out;
}

/** FormData → plain object (last value wins; checkboxes arrive as "on"; files and Next's `$ACTION` keys are left out). */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}

/**
 * The files of a form field as the request delivered them (web Files, streamed into the document
 * store by the data layer, never copied here). An empty file input (nothing chosen) arrives as an
 * empty part without a file name, which Next's multipart reader turns into an empty File named
 * "undefined" (a server action posted by JavaScript) or ""; it is left out. A chosen file of zero
 * bytes keeps its name and is refused by the store's checks (`attachmentEmpty`).
 */
export function formFiles(form: FormData, name: string): File[] {
  return form.getAll(name).filter((f): f is File => typeof f !== 'string' && !(f.size === 0 && (f.name === '' || f.name === 'undefined')));
}

/**
 * The submission of a form. With a schema, the form's fields (as `formObject` reads them) are
 * parsed by it, and only errors on `fields` are kept when given (the client checks what the
 * form shows; what the server adds, such as uploaded files, is the server's to check).
 */
export function parseForm(form: FormData, schema?: ZodType, fields?: ReadonlySet<string>): Submission<unknown> {
  // Next's progressive-enhancement fields are the transport's, not the form's: never shown again.
  const own = new FormData();
  for (const [k, v] of form.entries()) if (!k.startsWith('$ACTION')) own.append(k, v);
  return parse<unknown, string[]>(own, {
    resolve: () => {
      const input = formObject(form);
      if (!schema) return { value: input };
      const r = schema.safeParse(input);
      if (r.success) return { value: r.data };
      const errors = zodFieldErrors(r.error);
      const kept = fields ? Object.fromEntries(Object.entries(errors).filter(([k]) => fields.has(k))) : errors;
      return Object.keys(kept).length > 0 ? { error: kept } : { value: input };
    },
  }) as Submission<unknown>;
}

/** Conform's validation-only submissions (an intent such as "validate this field") run nothing on the server. */
export function isIntent(form: FormData): boolean {
  return form.has(INTENT);
}
