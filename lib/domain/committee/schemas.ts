/**
 * Input of every committee step, validated on the server. Messages are codes the catalogs
 * localize (errors.* and committee.errors.*); limits are here so forms can show them too.
 *
 * Forms send agenda items as flat fields (`items.0.courtCaseNumber`, `items.0.title`,
 * `items.0.trigger`, …) and per-item outcome fields as `opinion.<position>` /
 * `decision.<position>`; the schemas accept those as well as nested objects.
 */
import { z } from 'zod';
import { isUploadFile, type UploadFile } from '@/lib/domain/attachments';
import { courtCaseNumber as courtCaseNumberOf, multilineText, optionalMultilineText, optionalUuid, stepInput, text, uuid } from '@/lib/domain/validation';
import { COMMITTEE_TRIGGERS, parseChinaLocalDateTime } from './machine';

export const LIMITS = {
  location: 200,
  itemTitle: 200,
  courtCaseNumber: 64,
  items: 20,
  files: 10,
  chairName: 50,
  opinion: 5_000,
  decision: 5_000,
  minutes: 20_000,
  reason: 5_000,
  answer: 5_000,
  members: 99,
} as const;

const courtCaseNumber = courtCaseNumberOf(LIMITS.courtCaseNumber);

/** A meeting time typed as China local time (datetime-local input) → an instant. */
export const localDateTime = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .transform((s, ctx) => {
    const r = parseChinaLocalDateTime(s);
    if (typeof r === 'string') {
      ctx.addIssue({ code: 'custom', message: r });
      return z.NEVER;
    }
    return r;
  });

/** A file as the server action hands it over (a web File; its bytes are checked by the document store as they stream in). */
export const fileInput = z.custom<UploadFile>(isUploadFile, { error: 'invalid' });
export type FileInput = UploadFile;

/**
 * Collects `prefix.<n>.<key>` form fields into an array ordered by n. Forms number their rows
 * 0, 1, 2… without gaps, so an error at `items.<i>` points at the row the user sees.
 */
function rowsFromFlat(raw: unknown, prefix: string, keys: readonly string[]): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const obj = raw as Record<string, unknown>;
  if (obj[prefix] !== undefined) return raw;
  const rows = new Map<number, Record<string, unknown>>();
  for (const [k, v] of Object.entries(obj)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`).exec(k);
    if (!m || !keys.includes(m[2]!)) continue;
    const n = Number(m[1]);
    rows.set(n, { ...(rows.get(n) ?? {}), [m[2]!]: v });
  }
  const list = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => r);
  const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => !k.startsWith(`${prefix}.`)));
  return { ...rest, [prefix]: list };
}

export const agendaItemInput = z.object({
  courtCaseNumber,
  title: text(LIMITS.itemTitle),
  trigger: z.enum(COMMITTEE_TRIGGERS, { error: 'invalidChoice' }),
});

export const scheduleInput = z.preprocess(
  (raw) => rowsFromFlat(raw, 'items', ['courtCaseNumber', 'title', 'trigger']),
  z.object({
    procuratorateId: uuid,
    scheduledAt: localDateTime,
    location: text(LIMITS.location),
    items: z
      .array(agendaItemInput, { error: 'agendaRequired' })
      .min(1, { error: 'agendaRequired' })
      .max(LIMITS.items, { error: 'tooLong' }),
    files: z.array(fileInput).max(LIMITS.files, { error: 'tooLong' }).optional().default([]),
  }),
);

export { stepInput };

export const nameAttendeeInput = stepInput.extend({ attendeeId: uuid });

export const uploadInput = stepInput.extend({
  files: z.array(fileInput, { error: 'required' }).min(1, { error: 'required' }).max(LIMITS.files, { error: 'tooLong' }),
});

const members = z.coerce
  .number({ error: 'required' })
  .int({ error: 'invalid' })
  .min(0, { error: 'invalid' })
  .max(LIMITS.members, { error: 'invalid' });

/** Per-item fields: `opinion.<position>` and `decision.<position>` (validated against the agenda in the data layer). */
export const outcomeInput = stepInput
  .extend({
    membersTotal: z.preprocess((v) => (v === '' ? undefined : v), members.refine((n) => n >= 1, { error: 'invalid' })),
    membersPresent: z.preprocess((v) => (v === '' ? undefined : v), members),
    chairName: text(LIMITS.chairName),
    minutes: multilineText(LIMITS.minutes),
  })
  .catchall(z.unknown());

/** The per-item texts of an outcome, for the agenda positions given. */
export function outcomeItems(raw: Record<string, unknown>, positions: readonly number[]) {
  const opinion = multilineText(LIMITS.opinion);
  const decision = multilineText(LIMITS.decision);
  const issues: { field: string; code: string }[] = [];
  const items = positions.map((p) => {
    const o = opinion.safeParse(raw[`opinion.${p}`] ?? '');
    const d = decision.safeParse(raw[`decision.${p}`] ?? '');
    if (!o.success) issues.push({ field: `opinion.${p}`, code: o.error.issues[0]!.message });
    if (!d.success) issues.push({ field: `decision.${p}`, code: d.error.issues[0]!.message });
    return { position: p, attendeeOpinion: o.success ? o.data : '', decision: d.success ? d.data : '' };
  });
  return { items, issues };
}

export const confirmInput = stepInput.extend({ comment: optionalMultilineText(LIMITS.reason) });

export const cancelInput = stepInput.extend({ reason: multilineText(LIMITS.reason) });

export const requestInput = z.object({
  courtId: uuid,
  courtCaseNumber,
  reason: multilineText(LIMITS.reason),
  caseId: optionalUuid,
});

export const answerInput = stepInput
  .extend({
    step: z.enum(['accept', 'decline'], { error: 'invalidChoice' }),
    answer: optionalMultilineText(LIMITS.answer),
    meetingId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    // A refusal gives its reasons; a meeting is linked only when accepting.
    if (v.step === 'decline' && !v.answer) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'required' });
    if (v.step === 'decline' && v.meetingId) ctx.addIssue({ code: 'custom', path: ['meetingId'], message: 'invalidChoice' });
  });
