/**
 * Input of every joint-meeting and consensus-item step, validated on the server (and by the
 * forms, with the same schemas). Messages are codes (errors.*, meetings.errors.*).
 *
 * The new-meeting form names its attendees by field: `attendee_<userId>` (a checkbox) with
 * `title_<userId>` (the position as the minutes give it), and outsiders one per line in
 * `guestsProcuratorate` / `guestsCourt` as "name, position". Topics are one per line.
 */
import { z } from 'zod';
import { isoDate, multilineText, optionalMultilineText, stepInput, text, uuid } from '@/lib/domain/validation';
import { CONSENSUS_AREAS } from './consensus';
import { JOINT_MEETING_KINDS } from './machine';

export const MEETING_LIMITS = {
  title: 200,
  place: 200,
  topics: 5_000,
  topic: 300,
  maxTopics: 30,
  attendeeTitle: 100,
  guests: 3_000,
  guestName: 50,
  maxAttendees: 60,
  minutes: 50_000,
  reason: 2_000,
  itemTitle: 300,
  itemDetail: 3_000,
  outcome: 5_000,
  comment: 500,
} as const;

export const ATTENDEE_PREFIX = 'attendee_';
export const ATTENDEE_TITLE_PREFIX = 'title_';

/** One line of outsiders: "name, position" (comma, full-width comma, 、 or a tab between). */
const GUEST_LINE = /^(.+?)\s*[,，、\t]\s*(.+)$/;

const lines = (s: string | null) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const guestList = z
  .preprocess((v) => (v === undefined ? '' : v), optionalMultilineText(MEETING_LIMITS.guests))
  .transform((s, ctx) => {
    const out: { name: string; title: string }[] = [];
    for (const l of lines(s)) {
      const m = GUEST_LINE.exec(l);
      if (!m || m[1]!.length > MEETING_LIMITS.guestName || m[2]!.length > MEETING_LIMITS.attendeeTitle) {
        ctx.addIssue({ code: 'custom', message: 'guestLine' });
        return z.NEVER;
      }
      out.push({ name: m[1]!, title: m[2]! });
    }
    return out;
  });

const attendeeTitle = text(MEETING_LIMITS.attendeeTitle);

export const recordInput = z
  .object({
    /** The other institution of the pair (the actor's institution hosts). */
    counterpartId: uuid,
    kind: z.enum(JOINT_MEETING_KINDS, { error: 'invalidChoice' }),
    title: text(MEETING_LIMITS.title),
    heldOn: isoDate,
    place: text(MEETING_LIMITS.place),
    topics: multilineText(MEETING_LIMITS.topics).transform((s, ctx) => {
      const ts = lines(s);
      if (ts.length > MEETING_LIMITS.maxTopics || ts.some((x) => x.length > MEETING_LIMITS.topic)) {
        ctx.addIssue({ code: 'custom', message: 'tooLong' });
        return z.NEVER;
      }
      return ts;
    }),
    guestsProcuratorate: guestList,
    guestsCourt: guestList,
  })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    // The users who attended: each checked box with its position.
    const attendees: { userId: string; title: string }[] = [];
    for (const [k, on] of Object.entries(v)) {
      if (!k.startsWith(ATTENDEE_PREFIX) || !on || on === 'false') continue;
      const userId = k.slice(ATTENDEE_PREFIX.length);
      if (!uuid.safeParse(userId).success) {
        ctx.addIssue({ code: 'custom', path: ['attendeesProcuratorate'], message: 'invalidChoice' });
        return z.NEVER;
      }
      const key = `${ATTENDEE_TITLE_PREFIX}${userId}`;
      const t = attendeeTitle.safeParse(v[key]);
      if (!t.success) {
        ctx.addIssue({ code: 'custom', path: [key], message: t.error.issues[0]!.message });
        return z.NEVER;
      }
      attendees.push({ userId, title: t.data });
    }
    if (attendees.length + v.guestsProcuratorate.length + v.guestsCourt.length > MEETING_LIMITS.maxAttendees) {
      ctx.addIssue({ code: 'custom', path: ['guestsCourt'], message: 'tooMany' });
      return z.NEVER;
    }
    return {
      counterpartId: v.counterpartId,
      kind: v.kind,
      title: v.title,
      heldOn: v.heldOn,
      place: v.place,
      topics: v.topics,
      attendees,
      guests: [
        ...v.guestsProcuratorate.map((g) => ({ ...g, side: 'PROCURATORATE' as const })),
        ...v.guestsCourt.map((g) => ({ ...g, side: 'COURT' as const })),
      ],
    };
  });
export type RecordInput = z.output<typeof recordInput>;

export { stepInput };

export const minutesInput = stepInput.extend({ minutes: multilineText(MEETING_LIMITS.minutes) });
export const returnInput = stepInput.extend({ reason: multilineText(MEETING_LIMITS.reason) });
export const confirmInput = stepInput;

export const addItemInput = stepInput.extend({
  area: z.enum(CONSENSUS_AREAS, { error: 'invalidChoice' }),
  title: text(MEETING_LIMITS.itemTitle),
  detail: optionalMultilineText(MEETING_LIMITS.itemDetail),
  /** The owner person: a user of either institution of the pair (their institution owns the item). */
  ownerId: uuid,
  dueDate: isoDate,
});

export const startInput = stepInput.extend({ comment: optionalMultilineText(MEETING_LIMITS.comment) });
export const completeInput = stepInput.extend({ outcome: multilineText(MEETING_LIMITS.outcome) });
export const dropInput = stepInput.extend({ reason: multilineText(MEETING_LIMITS.reason) });
export const urgeInput = stepInput.extend({ comment: optionalMultilineText(MEETING_LIMITS.comment) });
