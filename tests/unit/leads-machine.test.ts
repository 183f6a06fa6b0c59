/**
 * The lead state machine, checked against tables written out by hand from DOMAIN.md §5/§7 and
 * the brief (not derived from STEP_RULES): every step × every role × every state, for both
 * directions (procuratorate → court and court → procuratorate); then other institutions,
 * outcomes by receiving side, and the schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ZodError, ZodType } from 'zod';
import {
  availableSteps,
  caseTagFor,
  decide,
  directionFor,
  LEAD_STEPS,
  newLead,
  outcomeFits,
  receiverSide,
  senderSide,
  type LeadFacts,
  type LeadState,
  type LeadStep,
} from '@/lib/domain/leads/machine';
import * as S from '@/lib/domain/leads/schemas';
import { ROLES, type Actor, type InstitutionKind, type Role } from '@/lib/domain/roles';
import { PROC, COURT, PROC2, COURT2, makeActor, type ActorOptions } from '@/tests/support/actors';


const actor = (role: Role, opts: ActorOptions = {}): Actor => makeActor(role, opts);

const facts = (status: LeadState, fromKind: InstitutionKind): LeadFacts => ({ status, procuratorateId: PROC, courtId: COURT, fromKind });

// ---------------------------------------------------------------------------------------------
// The tables, by hand. 'ok→X' = allowed, leading to X; otherwise the refusal code.

const STATES: LeadState[] = ['new', 'sent', 'received', 'acted'];
type Cell = 'ok→sent' | 'ok→received' | 'ok→acted' | 'wrongState' | 'institution' | 'notVisible' | 'role';
type Table = Record<LeadStep, Record<Role, Record<LeadState, Cell>>>;

const ALL_INSTITUTION = { new: 'institution', sent: 'institution', received: 'institution', acted: 'institution' } as const;
const ALL_NOT_VISIBLE = { new: 'notVisible', sent: 'notVisible', received: 'notVisible', acted: 'notVisible' } as const;

/** Sent by the procuratorate to the court. */
const FROM_PROCURATORATE: Table = {
  send: {
    PROCURATOR: { new: 'ok→sent', sent: 'wrongState', received: 'wrongState', acted: 'wrongState' },
    PROCURATORATE_LEADER: { new: 'ok→sent', sent: 'wrongState', received: 'wrongState', acted: 'wrongState' },
    COURT_STAFF: ALL_INSTITUTION,
    COURT_LEADER: ALL_INSTITUTION,
    ADMIN: ALL_NOT_VISIBLE,
  },
  receive: {
    PROCURATOR: ALL_INSTITUTION,
    PROCURATORATE_LEADER: ALL_INSTITUTION,
    COURT_STAFF: { new: 'wrongState', sent: 'ok→received', received: 'wrongState', acted: 'wrongState' },
    COURT_LEADER: { new: 'wrongState', sent: 'ok→received', received: 'wrongState', acted: 'wrongState' },
    ADMIN: ALL_NOT_VISIBLE,
  },
  act: {
    PROCURATOR: ALL_INSTITUTION,
    PROCURATORATE_LEADER: ALL_INSTITUTION,
    COURT_STAFF: { new: 'wrongState', sent: 'wrongState', received: 'ok→acted', acted: 'wrongState' },
    COURT_LEADER: { new: 'wrongState', sent: 'wrongState', received: 'ok→acted', acted: 'wrongState' },
    ADMIN: ALL_NOT_VISIBLE,
  },
};

/** Sent by the court to the procuratorate. */
const FROM_COURT: Table = {
  send: {
    PROCURATOR: ALL_INSTITUTION,
    PROCURATORATE_LEADER: ALL_INSTITUTION,
    COURT_STAFF: { new: 'ok→sent', sent: 'wrongState', received: 'wrongState', acted: 'wrongState' },
    COURT_LEADER: { new: 'ok→sent', sent: 'wrongState', received: 'wrongState', acted: 'wrongState' },
    ADMIN: ALL_NOT_VISIBLE,
  },
  receive: {
    PROCURATOR: { new: 'wrongState', sent: 'ok→received', received: 'wrongState', acted: 'wrongState' },
    PROCURATORATE_LEADER: { new: 'wrongState', sent: 'ok→received', received: 'wrongState', acted: 'wrongState' },
    COURT_STAFF: ALL_INSTITUTION,
    COURT_LEADER: ALL_INSTITUTION,
    ADMIN: ALL_NOT_VISIBLE,
  },
  act: {
    PROCURATOR: { new: 'wrongState', sent: 'wrongState', received: 'ok→acted', acted: 'wrongState' },
    PROCURATORATE_LEADER: { new: 'wrongState', sent: 'wrongState', received: 'ok→acted', acted: 'wrongState' },
    COURT_STAFF: ALL_INSTITUTION,
    COURT_LEADER: ALL_INSTITUTION,
    ADMIN: ALL_NOT_VISIBLE,
  },
};

const FORBIDDEN_CELLS: Cell[] = ['institution', 'notVisible', 'role'];

for (const [fromKind, table] of [
  ['PROCURATORATE', FROM_PROCURATORATE],
  ['COURT', FROM_COURT],
] as const) {
  describe(`lead machine, sent by the ${fromKind.toLowerCase()}: step × role × state`, () => {
    it('the table covers every step and role', () => {
      expect(Object.keys(table).sort()).toEqual([...LEAD_STEPS].sort());
      for (const step of LEAD_STEPS) expect(Object.keys(table[step]).sort()).toEqual([...ROLES].sort());
    });
    for (const step of LEAD_STEPS) {
      for (const role of ROLES) {
        for (const state of STATES) {
          const cell = table[step][role][state];
          it(`${step} by ${role} in ${state} → ${cell}`, () => {
            const got = decide(actor(role), step, facts(state, fromKind));
            if (cell.startsWith('ok→')) expect(got).toEqual({ ok: true, to: cell.slice(3), shared: true });
            else expect(got).toEqual({ ok: false, code: cell, forbidden: FORBIDDEN_CELLS.includes(cell) });
          });
        }
      }
    }
  });
}

describe('lead machine: the rules around the tables', () => {
  it('sender and receiver sides follow the direction', () => {
    expect(senderSide('PROCURATORATE')).toBe('procuratorate');
    expect(receiverSide('PROCURATORATE')).toBe('court');
    expect(senderSide('COURT')).toBe('court');
    expect(receiverSide('COURT')).toBe('procuratorate');
  });

  it('a new lead: the actor’s institution and the chosen counterpart, direction from the actor', () => {
    expect(newLead(actor('PROCURATOR'), COURT)).toEqual({ status: 'new', procuratorateId: PROC, courtId: COURT, fromKind: 'PROCURATORATE' });
    expect(newLead(actor('COURT_STAFF'), PROC)).toEqual({ status: 'new', procuratorateId: PROC, courtId: COURT, fromKind: 'COURT' });
    for (const role of ['PROCURATOR', 'PROCURATORATE_LEADER', 'COURT_STAFF', 'COURT_LEADER'] as const) {
      const a = actor(role);
      expect(decide(a, 'send', newLead(a, a.institutionKind === 'COURT' ? PROC : COURT)), role).toEqual({ ok: true, to: 'sent', shared: true });
    }
    expect(decide(actor('ADMIN'), 'send', newLead(actor('ADMIN'), COURT))).toEqual({ ok: false, code: 'notVisible', forbidden: true });
  });

  it("another institution's people see nothing and may do nothing", () => {
    const strangers = [
      actor('PROCURATOR', { institutionId: PROC2 }),
      actor('PROCURATORATE_LEADER', { institutionId: PROC2 }),
      actor('COURT_STAFF', { institutionId: COURT2 }),
      actor('COURT_LEADER', { institutionId: COURT2 }),
    ];
    for (const a of strangers) {
      for (const fromKind of ['PROCURATORATE', 'COURT'] as const) {
        for (const step of ['receive', 'act'] as const) {
          for (const state of ['sent', 'received', 'acted'] as const) {
            expect(decide(a, step, facts(state, fromKind)), `${a.role} ${step} ${state}`).toEqual({ ok: false, code: 'notVisible', forbidden: true });
          }
        }
      }
    }
  });

  it('an inactive account may do nothing', () => {
    for (const role of ROLES) for (const step of LEAD_STEPS) expect(decide(actor(role, { active: false }), step, facts('sent', 'COURT'))).toEqual({ ok: false, code: 'inactive', forbidden: true });
  });

  it('what each side may do next, and which box the lead is in', () => {
    expect(availableSteps(actor('COURT_STAFF'), facts('sent', 'PROCURATORATE'))).toEqual(['receive']);
    expect(availableSteps(actor('COURT_STAFF'), facts('received', 'PROCURATORATE'))).toEqual(['act']);
    expect(availableSteps(actor('PROCURATOR'), facts('sent', 'PROCURATORATE'))).toEqual([]);
    expect(availableSteps(actor('PROCURATOR'), facts('received', 'COURT'))).toEqual(['act']);
    expect(availableSteps(actor('COURT_LEADER'), facts('acted', 'PROCURATORATE'))).toEqual([]);
    expect(directionFor(actor('PROCURATOR'), { fromKind: 'PROCURATORATE' })).toBe('outgoing');
    expect(directionFor(actor('COURT_STAFF'), { fromKind: 'PROCURATORATE' })).toBe('incoming');
  });

  it('outcomes depend on who received the lead', () => {
    const toCourt = { fromKind: 'PROCURATORATE' as const };
    const toProc = { fromKind: 'COURT' as const };
    expect(outcomeFits('case_opened', toProc)).toBe(true);
    expect(outcomeFits('case_linked', toProc)).toBe(true);
    expect(outcomeFits('case_opened', toCourt)).toBe(false);
    expect(outcomeFits('retrial_review', toCourt)).toBe(true);
    expect(outcomeFits('retrial_review', toProc)).toBe(false);
    expect(outcomeFits('enforcement_measures', toCourt)).toBe(true);
    for (const o of ['transferred_police', 'no_action', 'other'] as const) {
      expect(outcomeFits(o, toCourt)).toBe(true);
      expect(outcomeFits(o, toProc)).toBe(true);
    }
  });

  it('case tags leaders track', () => {
    expect(caseTagFor('false_litigation', null)).toBe('false_litigation');
    expect(caseTagFor('pension_fraud', 'home_equity')).toBe('pension_fraud:home_equity');
    expect(caseTagFor('other', null)).toBeNull();
  });
});

describe('lead schemas', () => {
  const issue = (schema: ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (r.success) return null;
    return Object.fromEntries((r.error as ZodError).issues.map((i) => [i.path.join('.') || '_', i.message]).reverse());
  };
  const good = { counterpartId: COURT, kind: 'false_litigation', subtype: '', title: '涉嫌虚假诉讼线索', summary: '原告与被告系亲属关系……', courtCaseNumber: '', caseId: '' };

  it('a good lead passes; empty optionals become null', () => {
    expect(S.sendInput.parse(good)).toEqual({ ...good, subtype: null, courtCaseNumber: null, caseId: null });
  });
  it('pension fraud needs its category; other kinds drop it', () => {
    expect(issue(S.sendInput, { ...good, kind: 'pension_fraud' })).toMatchObject({ subtype: 'required' });
    expect(S.sendInput.parse({ ...good, kind: 'pension_fraud', subtype: 'home_equity' }).subtype).toBe('home_equity');
    expect(S.sendInput.parse({ ...good, kind: 'false_litigation', subtype: 'home_equity' }).subtype).toBeNull();
    expect(issue(S.sendInput, { ...good, kind: 'pension_fraud', subtype: 'lottery' })).toMatchObject({ subtype: 'invalidChoice' });
  });
  it('kind, title, summary, court case number and ids are checked', () => {
    expect(issue(S.sendInput, { ...good, kind: 'tax_fraud' })).toMatchObject({ kind: 'invalidChoice' });
    expect(issue(S.sendInput, { ...good, title: '' })).toMatchObject({ title: 'required' });
    expect(issue(S.sendInput, { ...good, title: 'x'.repeat(S.LEAD_LIMITS.title + 1) })).toMatchObject({ title: 'tooLong' });
    expect(issue(S.sendInput, { ...good, summary: 'x'.repeat(S.LEAD_LIMITS.summary + 1) })).toMatchObject({ summary: 'tooLong' });
    expect(issue(S.sendInput, { ...good, courtCaseNumber: '2024民初1号' })).toMatchObject({ courtCaseNumber: 'courtCaseNumberFormat' });
    expect(issue(S.sendInput, { ...good, counterpartId: 'x' })).toMatchObject({ counterpartId: 'invalidChoice' });
  });
  it('acting: a description always; a case for case_linked; kind and parties for case_opened', () => {
    const step = { id: COURT, version: 2 };
    expect(issue(S.actInput, { ...step, outcome: 'no_action', actionTaken: '' })).toMatchObject({ actionTaken: 'required' });
    expect(issue(S.actInput, { ...step, outcome: 'teleport', actionTaken: 'x' })).toMatchObject({ outcome: 'invalidChoice' });
    expect(issue(S.actInput, { ...step, outcome: 'case_linked', actionTaken: '并入已有案件' })).toMatchObject({ caseId: 'required' });
    expect(issue(S.actInput, { ...step, outcome: 'case_opened', actionTaken: '立案审查' })).toMatchObject({ caseKind: 'required', parties: 'required' });
    expect(issue(S.actInput, { ...step, outcome: 'case_opened', actionTaken: '立案审查', caseKind: 'criminal', parties: '王某' })).toMatchObject({ caseKind: 'invalidChoice' });
    expect(issue(S.actInput, { ...step, outcome: 'case_opened', actionTaken: '立案审查', caseKind: 'civil', parties: '王某' })).toBeNull();
    expect(issue(S.receiveInput, { ...step, comment: 'x'.repeat(501) })).toMatchObject({ comment: 'tooLong' });
  });
});
