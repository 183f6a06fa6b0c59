/**
 * Leads transferred between the institutions (线索移送, DOMAIN.md §5, §7): false litigation
 * (虚假诉讼), pension fraud (养老诈骗: elderly-care services, projects, products, home-equity
 * schemes, pension insurance, "assistance" schemes), and others. Either institution sends a lead
 * to the other; the receiving institution marks it received, then records what it did.
 *
 *   (new) ─send→ sent ─receive→ received ─act→ acted
 *
 * The table speaks of the SENDER and the RECEIVER: which institution that is depends on the
 * lead's direction (`fromKind`), so `decide()` turns the party into a side before it asks the
 * shared `decideStep`. Both institutions see a lead from the moment it is sent; every step is
 * shared. Pure: the data layer loads the record, asks `decide()`, and writes.
 */
import type { Actor, InstitutionKind, Role } from '@/lib/domain/roles';
import { canSee, sidesSeeing } from '@/lib/domain/visibility';
import { decideStep, ROLE_SETS, type Side, type StepDecision, type StepRule } from '@/lib/domain/workflow';
import { LEAD_VISIBILITY } from './visibility';

export const LEAD_KINDS = ['false_litigation', 'pension_fraud', 'other'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

/** Pension-fraud subtypes (养老诈骗 categories named in DOMAIN.md §5). */
// One list of pension-fraud subtypes (DOMAIN.md §5), shared with case tags.
export { PENSION_FRAUD_SUBTYPES, type PensionFraudSubtype } from '@/lib/domain/cases/machine';

export const LEAD_STATUSES = ['sent', 'received', 'acted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
/** `new` stands for a lead not written yet: the state `send` starts from. */
export type LeadState = 'new' | LeadStatus;

export const LEAD_STEPS = ['send', 'receive', 'act'] as const;
export type LeadStep = (typeof LEAD_STEPS)[number];

export type Party = 'sender' | 'receiver';

export interface LeadStepRule extends Omit<StepRule<LeadState>, 'side'> {
  party: Party;
}

/** Everyone who works on either side: any user of the pair may send, receive and act on a lead. */
const ANYONE: readonly Role[] = [...ROLE_SETS.procuratorate, ...ROLE_SETS.court];

export const STEP_RULES: Readonly<Record<LeadStep, LeadStepRule>> = {
  send: { party: 'sender', from: ['new'], to: 'sent', roles: ANYONE, shared: true },
  receive: { party: 'receiver', from: ['sent'], to: 'received', roles: ANYONE, shared: true },
  act: { party: 'receiver', from: ['received'], to: 'acted', roles: ANYONE, shared: true },
};

/** What the machine needs to know of a lead, as read from the database. */
export interface LeadFacts {
  status: LeadState;
  procuratorateId: string;
  courtId: string;
  /** The kind of institution that sent it. */
  fromKind: InstitutionKind;
}

export function senderSide(fromKind: InstitutionKind): Side {
  return fromKind === 'PROCURATORATE' ? 'procuratorate' : 'court';
}
export function receiverSide(fromKind: InstitutionKind): Side {
  return fromKind === 'PROCURATORATE' ? 'court' : 'procuratorate';
}

/**
 * The parties of a new lead sent by `actor` to `counterpartId` (a court when the actor is in a
 * procuratorate, and the other way round).
 */
export function newLead(actor: Actor, counterpartId: string): LeadFacts {
  const fromProcuratorate = actor.institutionKind === 'PROCURATORATE';
  return {
    status: 'new',
    procuratorateId: fromProcuratorate ? actor.institutionId : counterpartId,
    courtId: fromProcuratorate ? counterpartId : actor.institutionId,
    fromKind: actor.institutionKind,
  };
}

export type LeadDecision = StepDecision<LeadState>;

/** May the actor see this lead? (LEAD_VISIBILITY) */
export function canViewLead(actor: Actor, rec: Pick<LeadFacts, 'procuratorateId' | 'courtId'>): boolean {
  return canSee(LEAD_VISIBILITY, actor, rec);
}

export function decide(actor: Actor, step: LeadStep, rec: LeadFacts): LeadDecision {
  const { party, ...rule } = STEP_RULES[step];
  const side = party === 'sender' ? senderSide(rec.fromKind) : receiverSide(rec.fromKind);
  return decideStep(actor, { ...rule, side }, {
    status: rec.status,
    procuratorateId: rec.procuratorateId,
    courtId: rec.courtId,
    visibleTo: sidesSeeing(LEAD_VISIBILITY, rec),
  });
}

/** The steps on an existing lead the actor may take now. */
export function availableSteps(actor: Actor, rec: LeadFacts): LeadStep[] {
  return LEAD_STEPS.filter((s) => s !== 'send' && decide(actor, s, rec).ok);
}

/** From the actor's point of view: a lead their institution received, or one it sent. */
export function directionFor(actor: Pick<Actor, 'institutionKind'>, rec: Pick<LeadFacts, 'fromKind'>): 'incoming' | 'outgoing' {
  return rec.fromKind === actor.institutionKind ? 'outgoing' : 'incoming';
}

/**
 * What the receiving institution did with a lead. The procuratorate may open a supervision case
 * (or link one it already has); the court may review the judgment under trial supervision or act
 * in the enforcement; either may transfer it to public security, take no action (with reasons),
 * or record something else.
 */
export const LEAD_OUTCOMES: Readonly<Record<Side, readonly string[]>> = {
  procuratorate: ['case_opened', 'case_linked', 'transferred_police', 'no_action', 'other'],
  court: ['retrial_review', 'enforcement_measures', 'transferred_police', 'no_action', 'other'],
};
export const ALL_LEAD_OUTCOMES = ['case_opened', 'case_linked', 'retrial_review', 'enforcement_measures', 'transferred_police', 'no_action', 'other'] as const;
export type LeadOutcome = (typeof ALL_LEAD_OUTCOMES)[number];

export function outcomeFits(outcome: LeadOutcome, rec: Pick<LeadFacts, 'fromKind'>): boolean {
  return LEAD_OUTCOMES[receiverSide(rec.fromKind)].includes(outcome);
}

/**
 * The tag a supervision case opened from a lead carries (SupervisionCase.tags: false_litigation,
 * pension_fraud:<subtype>; the same vocabulary as CASE_TAGS in lib/domain/cases/machine.ts).
 */
export function caseTagFor(kind: LeadKind, subtype: string | null): string | null {
  if (kind === 'false_litigation') return 'false_litigation';
  if (kind === 'pension_fraud' && subtype) return `pension_fraud:${subtype}`;
  return null;
}
