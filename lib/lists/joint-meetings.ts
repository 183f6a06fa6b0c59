/** The joint meetings list and the consensus items list: their filters in the URL (see ./define). */
import { parseAsStringLiteral } from 'nuqs/server';
import { CONSENSUS_AREAS, CONSENSUS_STATUSES } from '@/lib/domain/joint-meetings/consensus';
import { JOINT_MEETING_KINDS, JOINT_MEETING_STATUSES } from '@/lib/domain/joint-meetings/machine';
import { defineList, parseAsFlag, parseAsId, type FilterOf } from './define';

export const jointMeetingList = defineList('/joint-meetings', {
  kind: parseAsStringLiteral(JOINT_MEETING_KINDS),
  status: parseAsStringLiteral(JOINT_MEETING_STATUSES),
});
export type JointMeetingFilter = FilterOf<typeof jointMeetingList>;

/** Whose items: the actor's institution owns them, or the other institution does. */
export const CONSENSUS_OWNERS = ['own', 'other'] as const;

export const consensusList = defineList('/consensus-items', {
  owner: parseAsStringLiteral(CONSENSUS_OWNERS),
  area: parseAsStringLiteral(CONSENSUS_AREAS),
  status: parseAsStringLiteral(CONSENSUS_STATUSES),
  /** Open or in progress. */
  open: parseAsFlag,
  overdue: parseAsFlag,
  meeting: parseAsId,
});
export type ConsensusFilter = FilterOf<typeof consensusList>;
