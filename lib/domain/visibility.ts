/**
 * Who may see a record, declared once per workflow. A declaration names the record's parties (the
 * procuratorate and court ids on the record), when each side sees it (a condition over the record's
 * own fields: "the court once served", "the procuratorate once notified"), the parts of it only some
 * people of a side see (committee materials: the named attendee and the leaders), and the fields a
 * side never sees — always, or until a condition holds (the court's reply draft until signed).
 *
 * Everything else is derived: here the predicate `canSee()` the step decisions use, and in
 * lib/data/visibility.ts the Prisma `where`, the `omit` of hidden fields and the single-record
 * loader. Conditions are plain data so that both readings come from the same declaration; the
 * agreement test (tests/integration/visibility-agreement.test.ts) checks they never differ.
 *
 * Field names are the record's column names, so a domain fact object that uses the same names can
 * be asked directly.
 */
import type { Actor, InstitutionKind, Role } from './roles';
import type { Side } from './workflow';

// ---------------------------------------------------------------------------------------------
// The condition language

export type Cond<F extends string = string> =
  | { readonly op: 'always' }
  | { readonly op: 'never' }
  /** The field holds a value (not null): served, notified, signed… */
  | { readonly op: 'set'; readonly field: F }
  /** The field holds this value (a joint meeting's host: `hostKind` is PROCURATORATE). */
  | { readonly op: 'eq'; readonly field: F; readonly value: string }
  /** The field names the actor (the named attendee, the handler…). */
  | { readonly op: 'isActor'; readonly field: F }
  /** The actor has one of these roles. */
  | { readonly op: 'role'; readonly roles: readonly Role[] }
  | { readonly op: 'any'; readonly of: readonly Cond<F>[] }
  | { readonly op: 'all'; readonly of: readonly Cond<F>[] };

export const ALWAYS = { op: 'always' } as const;
export const NEVER = { op: 'never' } as const;
export const set = <F extends string>(field: F): Cond<F> => ({ op: 'set', field });
export const eq = <F extends string>(field: F, value: string): Cond<F> => ({ op: 'eq', field, value });
export const isActor = <F extends string>(field: F): Cond<F> => ({ op: 'isActor', field });
export const actorRole = (...roles: Role[]): Cond<never> => ({ op: 'role', roles });
export const anyOf = <F extends string>(...of: Cond<F>[]): Cond<F> => ({ op: 'any', of });
export const allOf = <F extends string>(...of: Cond<F>[]): Cond<F> => ({ op: 'all', of });

// ---------------------------------------------------------------------------------------------
// Declarations

/** Fields (and relations) a side does not see: never, or until `until` holds on the record. */
export interface HiddenGroup<F extends string> {
  readonly fields: readonly F[];
  /** Relations that carry the same information (never loaded while hidden). */
  readonly relations?: readonly string[];
  readonly until?: Cond<F>;
}

export interface RecordVisibility<F extends string = string> {
  readonly kind: 'record';
  /** The record type, as in WorkflowEvent.recordType and the audit log. */
  readonly recordType: string;
  /** The columns that hold each party's institution id. */
  readonly parties: { readonly procuratorate: F; readonly court: F };
  /** When each side sees the record at all. */
  readonly sees: { readonly procuratorate: Cond<F>; readonly court: Cond<F> };
  /** Parts of a visible record only some people of a side see. */
  readonly parts?: Readonly<Record<string, { readonly procuratorate: Cond<F>; readonly court: Cond<F> }>>;
  readonly hidden?: { readonly procuratorate?: readonly HiddenGroup<F>[]; readonly court?: readonly HiddenGroup<F>[] };
}

/** A record seen exactly as its parent is (an evidence item as its retrial matter). */
export interface ChildVisibility {
  readonly kind: 'child';
  readonly recordType: string;
  /** The relation to the parent (and the parent's row under that key when asking the predicate). */
  readonly parentRelation: string;
  readonly parent: RecordVisibility;
}

export type Visibility = RecordVisibility | ChildVisibility;

/** Declares a record's visibility with field names checked against `F` (the record's columns). */
export function recordVisibility<F extends string>(decl: Omit<RecordVisibility<F>, 'kind'>): RecordVisibility<F> {
  return { kind: 'record', ...decl };
}

export function childVisibility(recordType: string, parentRelation: string, parent: RecordVisibility): ChildVisibility {
  return { kind: 'child', recordType, parentRelation, parent };
}

// ---------------------------------------------------------------------------------------------
// The predicate reading

/** A record (or the domain facts of one) carrying the declaration's fields under their column names. */
export type Row = object;

const field = (row: Row, f: string): unknown => (row as Record<string, unknown>)[f];

const SIDE_OF_KIND: Record<InstitutionKind, Side> = { PROCURATORATE: 'procuratorate', COURT: 'court' };

/** The side an actor could see records from at all (null: an inactive user or the administrator). */
export function viewerSide(actor: Actor): Side | null {
  if (!actor.active || actor.role === 'ADMIN') return null;
  return SIDE_OF_KIND[actor.institutionKind];
}

export function holds(cond: Cond, actor: Actor, row: Row): boolean {
  switch (cond.op) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'set':
      return field(row, cond.field) !== null && field(row, cond.field) !== undefined;
    case 'eq':
      return field(row, cond.field) === cond.value;
    case 'isActor':
      return field(row, cond.field) === actor.id;
    case 'role':
      return cond.roles.includes(actor.role);
    case 'any':
      return cond.of.some((c) => holds(c, actor, row));
    case 'all':
      return cond.of.every((c) => holds(c, actor, row));
  }
}

/** The actor's side on this record when the actor's institution is the party of that side. */
export function partySide(decl: RecordVisibility, actor: Actor, row: Row): Side | null {
  const side = viewerSide(actor);
  if (!side) return null;
  return field(row, decl.parties[side]) === actor.institutionId ? side : null;
}

/** May the actor see this record? `row` carries the declaration's fields (or, for a child, its parent under the relation). */
export function canSee(decl: Visibility, actor: Actor, row: Row): boolean {
  if (decl.kind === 'child') {
    const parent = field(row, decl.parentRelation);
    return typeof parent === 'object' && parent !== null && canSee(decl.parent, actor, parent as Row);
  }
  const side = partySide(decl, actor, row);
  return side !== null && holds(decl.sees[side], actor, row);
}

/** May the actor see this part of the record (the record itself included)? */
export function canSeePart(decl: RecordVisibility, part: string, actor: Actor, row: Row): boolean {
  if (!canSee(decl, actor, row)) return false;
  const rule = decl.parts?.[part];
  if (!rule) throw new Error(`${decl.recordType}: no part ${part}`);
  return holds(rule[partySide(decl, actor, row)!], actor, row);
}

/**
 * Which sides see the record in its current state, for the workflow parties the step rules
 * decide with. The sides' conditions are over the record only (who asks does not matter there).
 */
export function sidesSeeing(decl: RecordVisibility, row: Row): { procuratorate: boolean; court: boolean } {
  return { procuratorate: holdsOnRecord(decl.sees.procuratorate, row), court: holdsOnRecord(decl.sees.court, row) };
}

function holdsOnRecord(cond: Cond, row: Row): boolean {
  switch (cond.op) {
    case 'isActor':
    case 'role':
      throw new Error('a side\'s visibility condition may not depend on the actor (use a part)');
    case 'any':
      return cond.of.some((c) => holdsOnRecord(c, row));
    case 'all':
      return cond.of.every((c) => holdsOnRecord(c, row));
    default:
      return holds(cond, NO_ONE, row);
  }
}

const NO_ONE: Actor = { id: '', role: 'ADMIN', institutionId: '', institutionKind: 'PROCURATORATE', departmentId: null, active: false };

/** Every field (and relation) a side may not see on some record. */
export function mayBeHidden(decl: RecordVisibility, side: Side): { fields: string[]; relations: string[] } {
  const groups = decl.hidden?.[side] ?? [];
  return { fields: groups.flatMap((g) => [...g.fields]), relations: groups.flatMap((g) => [...(g.relations ?? [])]) };
}

/** The fields (and relations) hidden from the actor on this record now. */
export function hiddenFrom(decl: RecordVisibility, actor: Actor, row: Row): { fields: string[]; relations: string[] } {
  const side = partySide(decl, actor, row);
  if (!side) {
    const both = [mayBeHidden(decl, 'procuratorate'), mayBeHidden(decl, 'court')];
    return { fields: both.flatMap((b) => b.fields), relations: both.flatMap((b) => b.relations) };
  }
  const groups = (decl.hidden?.[side] ?? []).filter((g) => !g.until || !holds(g.until, actor, row));
  return { fields: groups.flatMap((g) => [...g.fields]), relations: groups.flatMap((g) => [...(g.relations ?? [])]) };
}
