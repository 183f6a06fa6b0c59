/**
 * New evidence in civil retrial cases (民事再审 新证据, DOMAIN.md §3): who files which matter, and
 * the steps on a matter and on each evidence item, as TABLES decided by the shared `decideStep`
 * (lib/domain/workflow.ts). Pure: the data layer loads the records, asks, and writes.
 *
 *   file (party application: the court records it; retrial recommendation / protest: the procuratorate)
 *   filed ─startReview→ under_review ─decide→ decided (retrial ordered | refused)
 *   filed | under_review: addItem (the filing side: the procuratorate for its own matters, the court
 *                          for a party's application)
 *   under_review: determine (per item, the court, once: accepted as new evidence or not, the ground,
 *                 reasons, whether it may overturn the judgment)
 *   decided with retrial ordered: setHearing (the procuratorate is notified 3 days ahead)
 *
 * Both institutions of the pair see every matter (a party's application is a public court filing);
 * every step's event is shared.
 */
import type { Actor, Role } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, deny, ROLE_SETS, type BaseDenyCode, type Side, type StepDecision, type StepRule, type WorkflowParties } from '@/lib/domain/workflow';
import { RETRIAL_VISIBILITY } from './visibility';

export const RETRIAL_KINDS = ['party_application', 'procuratorate_recommendation', 'protest'] as const;
export type RetrialKind = (typeof RETRIAL_KINDS)[number];

export const RETRIAL_STATUSES = ['filed', 'under_review', 'decided'] as const;
export type RetrialStatus = (typeof RETRIAL_STATUSES)[number];

export const RETRIAL_DECISIONS = ['retrial_ordered', 'refused'] as const;
export type RetrialDecision = (typeof RETRIAL_DECISIONS)[number];

/** The four grounds on which a late submission is excused (SPC interpretation arts. 385–386). */
export const EVIDENCE_GROUNDS = ['found_late_objective', 'known_not_obtainable', 'arose_after_hearing', 'submitted_not_examined'] as const;
export type EvidenceGround = (typeof EVIDENCE_GROUNDS)[number];

/** Who files a matter of each kind: a party applies at the court; the procuratorate recommends or protests. */
export const FILING_SIDE: Readonly<Record<RetrialKind, Side>> = {
  party_application: 'court',
  procuratorate_recommendation: 'procuratorate',
  protest: 'procuratorate',
};

export const FILE_ROLES: Readonly<Record<RetrialKind, readonly Role[]>> = {
  party_application: ROLE_SETS.court,
  procuratorate_recommendation: ROLE_SETS.procuratorate,
  protest: ROLE_SETS.procuratorate,
};

export const MATTER_STEPS = ['startReview', 'decide', 'setHearing'] as const;
export type MatterStep = (typeof MATTER_STEPS)[number];

export const ITEM_STEPS = ['addItem', 'determine'] as const;
export type ItemStep = (typeof ITEM_STEPS)[number];

export type RetrialStep = MatterStep | ItemStep;

/** A step rule whose side may be "whoever files this kind of matter". */
export type RetrialStepRule = Omit<StepRule<RetrialStatus>, 'side'> & { side: Side | 'filer' };

const OPEN: readonly RetrialStatus[] = ['filed', 'under_review'];

/** The matter steps. */
export const MATTER_TABLE: Readonly<Record<MatterStep, RetrialStepRule>> = {
  startReview: { from: ['filed'], to: 'under_review', side: 'court', roles: ROLE_SETS.court, shared: true },
  decide: { from: ['under_review'], to: 'decided', side: 'court', roles: ROLE_SETS.court, shared: true },
  setHearing: { from: ['decided'], side: 'court', roles: ROLE_SETS.court, shared: true },
};

/**
 * The evidence-item steps. Adding an item is for the filing side, and on its side for the person
 * who filed the matter or a leader; determining an item is for the court that holds the case.
 */
export const ITEM_TABLE: Readonly<Record<ItemStep, RetrialStepRule>> = {
  addItem: { from: OPEN, side: 'filer', roles: ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'], ownerOrLeader: true, shared: true },
  determine: { from: ['under_review'], side: 'court', roles: ROLE_SETS.court, shared: true },
};

/** What the machine needs to know of a matter, as read from the database. */
export interface MatterFacts {
  kind: RetrialKind;
  status: RetrialStatus;
  procuratorateId: string;
  courtId: string;
  createdById: string;
  decision: RetrialDecision | null;
  /** Evidence items on the matter, and how many of them still lack the court's determination. */
  itemCount: number;
  undeterminedCount: number;
}

/** What the machine needs to know of one evidence item. */
export interface ItemFacts {
  determined: boolean;
}

export type RetrialDenyCode = BaseDenyCode | 'noEvidence' | 'undeterminedItems' | 'alreadyDetermined' | 'retrialNotOrdered';

export type RetrialDecisionResult = StepDecision<RetrialStatus, RetrialDenyCode>;

function parties(m: MatterFacts): WorkflowParties<RetrialStatus> {
  return {
    status: m.status,
    procuratorateId: m.procuratorateId,
    courtId: m.courtId,
    ownerId: m.createdById,
    visibleTo: sidesSeeing(RETRIAL_VISIBILITY, m),
  };
}

/** The table rule with "filer" resolved to the side that files this kind of matter. */
export function resolveRule(rule: RetrialStepRule, kind: RetrialKind): StepRule<RetrialStatus> {
  const side = rule.side === 'filer' ? FILING_SIDE[kind] : rule.side;
  const roles = rule.side === 'filer' ? rule.roles.filter((r) => FILE_ROLES[kind].includes(r)) : rule.roles;
  return { ...rule, side, roles };
}

/** May the actor see this matter at all? Both institutions of the pair do. */
export function canViewMatter(actor: Actor, m: Pick<MatterFacts, 'procuratorateId' | 'courtId'>): boolean {
  return canSee(RETRIAL_VISIBILITY, actor, m);
}

/** Which kinds of matter the actor may file (the side is the actor's own institution). */
export function fileableKinds(actor: Actor): RetrialKind[] {
  if (!actor.active) return [];
  return RETRIAL_KINDS.filter((k) => FILE_ROLES[k].includes(actor.role) && actor.institutionKind === (FILING_SIDE[k] === 'court' ? 'COURT' : 'PROCURATORATE'));
}

/** May the actor file a matter of this kind? (The institution pair is checked by the data layer.) */
export function decideFile(actor: Actor, kind: RetrialKind): { ok: true } | { ok: false; code: 'inactive' | 'role' | 'institution'; forbidden: true } {
  if (!actor.active) return { ok: false, code: 'inactive', forbidden: true };
  if (!FILE_ROLES[kind].includes(actor.role)) return { ok: false, code: 'role', forbidden: true };
  const kindOfSide = FILING_SIDE[kind] === 'court' ? 'COURT' : 'PROCURATORATE';
  if (actor.institutionKind !== kindOfSide) return { ok: false, code: 'institution', forbidden: true };
  return { ok: true };
}

/** A step on the matter itself. */
export function decideMatterStep(actor: Actor, step: MatterStep, m: MatterFacts): RetrialDecisionResult {
  const base = decideStep(actor, resolveRule(MATTER_TABLE[step], m.kind), parties(m));
  if (!base.ok) return base;
  switch (step) {
    case 'decide':
      if (m.itemCount === 0) return deny<RetrialDenyCode>('noEvidence');
      if (m.undeterminedCount > 0) return deny<RetrialDenyCode>('undeterminedItems');
      break;
    case 'setHearing':
      if (m.decision !== 'retrial_ordered') return deny<RetrialDenyCode>('retrialNotOrdered');
      break;
  }
  return base;
}

/** A step on an evidence item (`item` null when adding a new one). */
export function decideItemStep(actor: Actor, step: ItemStep, m: MatterFacts, item: ItemFacts | null): RetrialDecisionResult {
  const base = decideStep(actor, resolveRule(ITEM_TABLE[step], m.kind), parties(m));
  if (!base.ok) return base;
  if (step === 'determine' && item?.determined) return deny<RetrialDenyCode>('alreadyDetermined');
  return base;
}

/** The matter steps the actor may take now ("what you may do next"). */
export function availableMatterSteps(actor: Actor, m: MatterFacts): MatterStep[] {
  return MATTER_STEPS.filter((s) => decideMatterStep(actor, s, m).ok);
}

/** Which period governs the court's review of each kind of matter. */
export const REVIEW_RULE = {
  party_application: 'retrial.courtReview',
  procuratorate_recommendation: 'recommendation.retrial',
  protest: 'retrial.protestRuling',
} as const satisfies Record<RetrialKind, string>;
