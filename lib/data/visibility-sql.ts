/**
 * The SQL reading of a visibility declaration (lib/domain/visibility.ts), for the few queries
 * Prisma cannot express (search ranks by trigram similarity across tables). It is the same
 * translation as `visibleWhere` in ./visibility.ts, condition for condition, into a SQL boolean
 * over a table alias; tests/integration/visibility-agreement.test.ts checks that both readings
 * select the same rows for every demo user and every declaration.
 */
import type { Actor } from '@/lib/domain/roles';
import { viewerSide, type Cond, type RecordVisibility } from '@/lib/domain/visibility';
import { Prisma } from '@/lib/generated/prisma/client';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `alias."field"`, refusing anything that is not a plain identifier (field names come from declarations, never from input). */
export function column(alias: string, field: string): Prisma.Sql {
  if (!IDENT.test(alias) || !IDENT.test(field)) throw new Error(`not an identifier: ${alias}.${field}`);
  return Prisma.raw(`${alias}."${field}"`);
}

/** The declaration's table (its record type is the model's name) as `alias`. */
export function tableAs(decl: RecordVisibility, alias: string): Prisma.Sql {
  if (!IDENT.test(decl.recordType) || !IDENT.test(alias)) throw new Error(`not an identifier: ${decl.recordType} ${alias}`);
  return Prisma.raw(`"${decl.recordType}" ${alias}`);
}

const TRUE = Prisma.sql`TRUE`;
const FALSE = Prisma.sql`FALSE`;

/** A condition as SQL over the row `alias`, for this actor. */
export function condSql(cond: Cond, actor: Actor, alias: string): Prisma.Sql {
  switch (cond.op) {
    case 'always':
      return TRUE;
    case 'never':
      return FALSE;
    case 'set':
      return Prisma.sql`(${column(alias, cond.field)} IS NOT NULL)`;
    case 'eq':
      // Compared as text: the value may be an enum member (a joint meeting's hostKind).
      return Prisma.sql`(${column(alias, cond.field)}::text = ${cond.value})`;
    case 'isActor':
      return Prisma.sql`(${column(alias, cond.field)} = ${actor.id}::uuid)`;
    case 'role':
      return cond.roles.includes(actor.role) ? TRUE : FALSE;
    case 'any':
      return cond.of.length ? Prisma.sql`(${Prisma.join(cond.of.map((c) => condSql(c, actor, alias)), ' OR ')})` : FALSE;
    case 'all':
      return cond.of.length ? Prisma.sql`(${Prisma.join(cond.of.map((c) => condSql(c, actor, alias)), ' AND ')})` : TRUE;
  }
}

/** The records of the declaration's table (as `alias`) the actor may see, as a SQL boolean. */
export function visibleSql(decl: RecordVisibility, actor: Actor, alias: string): Prisma.Sql {
  const side = viewerSide(actor);
  if (!side) return FALSE;
  return Prisma.sql`(${column(alias, decl.parties[side])} = ${actor.institutionId}::uuid AND ${condSql(decl.sees[side], actor, alias)})`;
}
