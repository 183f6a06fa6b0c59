/**
 * The record kinds that carry a thread, declared once: each names its visibility declaration
 * (who may see the record — and so its thread), the Prisma model the record loads from through
 * that declaration's `where`, the relation on ThreadMessage that points at it (its column is
 * `<relation>Id`), the feature its pages need, and its page. Everything about threads (loading,
 * sending, unread counts, the shell's total, mention candidates, downloads) is derived from this
 * table, so a new kind is one entry here plus its column on ThreadMessage (schema and the
 * migration's CHECK list).
 */
import type { Feature } from '@/lib/domain/policy';
import type { RecordVisibility } from '@/lib/domain/visibility';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { MEETING_VISIBILITY } from '@/lib/domain/committee/visibility';
import { INQUIRY_VISIBILITY } from '@/lib/domain/inquiries/visibility';
import { LEAD_VISIBILITY } from '@/lib/domain/leads/visibility';
import { NON_LITIGATION_VISIBILITY } from '@/lib/domain/non-litigation/visibility';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import { RETRIAL_VISIBILITY } from '@/lib/domain/retrial/visibility';

export interface ThreadKind {
  /** Who may see the record (and its thread); its recordType names the kind. */
  readonly visibility: RecordVisibility;
  /** The Prisma client's delegate for the record's model (e.g. `caseLead`). */
  readonly model: string;
  /** The relation on ThreadMessage to the record; the column is `${relation}Id`. */
  readonly relation: string;
  /** The feature the record's pages need. */
  readonly feature: Feature;
  /** The record's page. */
  readonly href: (id: string) => string;
}

const kind = (k: ThreadKind) => k;

export const THREAD_KINDS = {
  Recommendation: kind({ visibility: RECOMMENDATION_VISIBILITY, model: 'recommendation', relation: 'recommendation', feature: 'recommendations.list', href: (id) => `/recommendations/${id}` }),
  SupervisionCase: kind({ visibility: CASE_VISIBILITY, model: 'supervisionCase', relation: 'case', feature: 'cases.list', href: (id) => `/cases/${id}` }),
  CommitteeMeeting: kind({ visibility: MEETING_VISIBILITY, model: 'committeeMeeting', relation: 'committeeMeeting', feature: 'committee.list', href: (id) => `/committee/${id}` }),
  RetrialMatter: kind({ visibility: RETRIAL_VISIBILITY, model: 'retrialMatter', relation: 'retrialMatter', feature: 'retrial.list', href: (id) => `/retrial/${id}` }),
  NonLitigationApplication: kind({ visibility: NON_LITIGATION_VISIBILITY, model: 'nonLitigationApplication', relation: 'nonLitigation', feature: 'nonLitigation.list', href: (id) => `/non-litigation/${id}` }),
  EnforcementInquiry: kind({ visibility: INQUIRY_VISIBILITY, model: 'enforcementInquiry', relation: 'inquiry', feature: 'inquiries.list', href: (id) => `/inquiries/${id}` }),
  CaseLead: kind({ visibility: LEAD_VISIBILITY, model: 'caseLead', relation: 'lead', feature: 'leads.list', href: (id) => `/leads/${id}` }),
} as const satisfies Record<string, ThreadKind>;

export type ThreadRecordType = keyof typeof THREAD_KINDS;
export const THREAD_RECORD_TYPES = Object.keys(THREAD_KINDS) as [ThreadRecordType, ...ThreadRecordType[]];

export function isThreadRecordType(s: string): s is ThreadRecordType {
  return Object.hasOwn(THREAD_KINDS, s);
}

/** The kind's column on ThreadMessage. */
export const columnOf = (k: ThreadKind) => `${k.relation}Id`;

/** The record a message belongs to: the one kind column that is set. */
export function recordOf(message: Record<string, unknown>): { recordType: ThreadRecordType; recordId: string } | null {
  for (const t of THREAD_RECORD_TYPES) {
    const v = message[columnOf(THREAD_KINDS[t])];
    if (typeof v === 'string') return { recordType: t, recordId: v };
  }
  return null;
}
