/**
 * The one builder that turns a workflow's visibility declaration (lib/domain/visibility.ts) into
 * Prisma: the `where` every list, count, filter and single-record load starts from, the `omit` of
 * the fields the actor's side never sees, and `findVisible()`, which loads one record through that
 * `where` — so a record the actor may not see is not found, and a hidden field never leaves the
 * database.
 */
import type { Actor } from '@/lib/domain/roles';
import { mayBeHidden, viewerSide, type Cond, type HiddenGroup, type RecordVisibility, type Visibility } from '@/lib/domain/visibility';

/** A Prisma `where` of some model (the caller names the model's WhereInput type). */
type Where = Record<string, unknown>;

const NOTHING: Where = { id: { in: [] } };

/** A condition as a `where` for this actor. */
export function condWhere(cond: Cond, actor: Actor): Where {
  switch (cond.op) {
    case 'always':
      return {};
    case 'never':
      return NOTHING;
    case 'set':
      return { [cond.field]: { not: null } };
    case 'eq':
      return { [cond.field]: cond.value };
    case 'isActor':
      return { [cond.field]: actor.id };
    case 'role':
      return cond.roles.includes(actor.role) ? {} : NOTHING;
    case 'any': {
      // Simplified here: Prisma does not read an empty object inside OR as "true".
      const parts = cond.of.map((c) => condWhere(c, actor)).filter((w) => w !== NOTHING);
      if (parts.some(isEverything)) return {};
      return parts.length ? { OR: parts } : NOTHING;
    }
    case 'all': {
      const parts = cond.of.map((c) => condWhere(c, actor));
      if (parts.includes(NOTHING)) return NOTHING;
      const rest = parts.filter((w) => !isEverything(w));
      return rest.length ? { AND: rest } : {};
    }
  }
}

const isEverything = (w: Where) => Object.keys(w).length === 0;

function build(decl: Visibility, actor: Actor): Where {
  if (decl.kind === 'child') return { [decl.parentRelation]: build(decl.parent, actor) };
  const side = viewerSide(actor);
  if (!side) return NOTHING;
  return { AND: [{ [decl.parties[side]]: actor.institutionId }, condWhere(decl.sees[side], actor)] };
}

/** The records the actor may see, as a `where` of the declaration's model. */
export function visibleWhere<W>(decl: Visibility, actor: Actor): W {
  return build(decl, actor) as W;
}

/** The visible records whose part `part` the actor may also see (e.g. committee materials). */
export function partWhere<W>(decl: RecordVisibility, part: string, actor: Actor): W {
  const side = viewerSide(actor);
  const rule = decl.parts?.[part];
  if (!rule) throw new Error(`${decl.recordType}: no part ${part}`);
  if (!side) return NOTHING as W;
  return { AND: [build(decl, actor), condWhere(rule[side], actor)] } as W;
}

/** The fields the actor's side may not see on some record, as a Prisma `omit`. */
export function hiddenOmit(decl: RecordVisibility, actor: Actor): Record<string, true> {
  const side = viewerSide(actor);
  if (!side) return {};
  return Object.fromEntries(mayBeHidden(decl, side).fields.map((f) => [f, true]));
}

/**
 * A filter or sort on `field` as the actor may use it: on a field the actor's side does not see
 * (yet), only where it is revealed, never elsewhere.
 */
export function fieldWhere<W>(decl: RecordVisibility, actor: Actor, field: string, where: W): W {
  const side = viewerSide(actor);
  const groups = side ? (decl.hidden?.[side] ?? []).filter((g) => g.fields.includes(field)) : [];
  if (groups.length === 0) return where;
  if (groups.some((g) => !g.until)) return NOTHING as W;
  return { AND: [where, ...groups.map((g) => condWhere(g.until!, actor))] } as W;
}

interface Delegate {
  findFirst(args: object): Promise<unknown>;
}

/** One record's hidden fields, typed as possibly absent (null) for whoever may not see them. */
export type WithHidden<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/**
 * One record the actor may see, or null — loaded with `findFirst({ where: { AND: [visible, { id }] } })`.
 * Fields the actor's side never sees are omitted from the query (they come back null), relations
 * that carry them are not loaded; fields hidden until a condition holds are loaded by a second
 * query through the same `where` plus that condition, so they too stay in the database until then.
 * `args` may `include` relations (not `select`).
 */
export async function findVisible<T>(
  delegate: Delegate,
  decl: Visibility,
  actor: Actor,
  id: string,
  args: { include?: Record<string, unknown> } = {},
): Promise<T | null> {
  const where = { AND: [build(decl, actor), { id }] };
  if (decl.kind === 'child') return (await delegate.findFirst({ where, ...args })) as T | null;
  const side = viewerSide(actor);
  const groups: readonly HiddenGroup<string>[] = (side && decl.hidden?.[side]) || [];
  const hiddenRelations = new Set(groups.flatMap((g) => g.relations ?? []));
  const include = args.include ? Object.fromEntries(Object.entries(args.include).filter(([k]) => !hiddenRelations.has(k))) : undefined;
  const omit = hiddenOmit(decl, actor);
  const row = (await delegate.findFirst({
    where,
    ...(include && Object.keys(include).length ? { include } : {}),
    ...(Object.keys(omit).length ? { omit } : {}),
  })) as Record<string, unknown> | null;
  if (!row) return null;
  for (const g of groups) {
    for (const f of g.fields) row[f] = null;
    for (const r of g.relations ?? []) if (args.include && r in args.include) row[r] = null;
    if (!g.until) continue;
    const select = Object.fromEntries([...g.fields.map((f) => [f, true]), ...(g.relations ?? []).filter((r) => args.include && r in args.include).map((r) => [r, args.include![r]])]);
    const revealed = (await delegate.findFirst({ where: { AND: [where, condWhere(g.until, actor)] }, select })) as Record<string, unknown> | null;
    if (revealed) Object.assign(row, revealed);
  }
  return row as T;
}

/** Whether the actor may see the record with this id: `count` through the visibility `where`. */
export async function isVisible(delegate: { count(args: object): Promise<number> }, decl: Visibility, actor: Actor, id: string): Promise<boolean> {
  return (await delegate.count({ where: { AND: [build(decl, actor), { id }] } })) > 0;
}

