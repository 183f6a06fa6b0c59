/**
 * Opening a supervision case: number assignment (per procuratorate, kind and year; never
 * reused), the record, its first timeline event and audit row — in the caller's transaction, so
 * a flagged non-litigation finding and the case it opens commit together.
 */
import { caseSequenceScope, formatCaseNumber, type CaseKind } from '@/lib/domain/cases/numbers';
import { assertAllowed, decideFeature, decideHandler } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { writeAudit } from './audit';
import type { Tx } from './db';
import { nextSequence } from './sequences';
import { FieldError } from './errors';
import { json, writeWorkflowEvent } from './workflow';

export interface OpenCaseInput {
  kind: CaseKind;
  title: string;
  parties: string;
  courtCaseNumber?: string | null;
  courtCaseNumbers?: string[];
  courtId?: string | null;
  courtDepartmentId?: string | null;
  handlerId: string;
  tags?: string[];
  acceptedOn: string;
  stageDueDate?: string | null;
  /** Where the case came from, for the timeline (e.g. { nonLitigationApplicationId }). */
  origin?: Record<string, unknown>;
}

/**
 * Decides itself (whoever calls it): the actor must be of a procuratorate's staff, and the
 * handler an active procurator or leader of the actor's procuratorate (ForbiddenError otherwise).
 */
export async function openCase(tx: Tx, actor: Actor, input: OpenCaseInput, ctx: { requestId?: string; now?: Date }) {
  assertAllowed(decideFeature(actor, 'cases.list'), 'SupervisionCase.open');
  const handler = await tx.user.findUnique({ where: { id: input.handlerId }, select: { id: true, role: true, institutionId: true, active: true } });
  if (!handler) throw new FieldError('handlerId', 'invalidChoice');
  assertAllowed(decideHandler(handler, actor.institutionId), 'SupervisionCase.handler');
  const inst = await tx.institution.findUniqueOrThrow({ where: { id: actor.institutionId }, select: { code: true } });
  const year = Number(input.acceptedOn.slice(0, 4));
  // Numbers are never reused: skip any already taken (e.g. a case registered before the
  // counter existed, or imported).
  let number: string;
  do {
    const seq = await nextSequence(tx, actor.institutionId, caseSequenceScope(input.kind), year);
    number = formatCaseNumber(inst.code, input.kind, year, seq);
  } while (await tx.supervisionCase.findUnique({ where: { number }, select: { id: true } }));
  const c = await tx.supervisionCase.create({
    data: {
      institutionId: actor.institutionId,
      number,
      kind: input.kind,
      title: input.title,
      parties: input.parties,
      courtCaseNumber: input.courtCaseNumber ?? input.courtCaseNumbers?.[0] ?? null,
      courtCaseNumbers: input.courtCaseNumbers ?? (input.courtCaseNumber ? [input.courtCaseNumber] : []),
      courtId: input.courtId ?? null,
      courtDepartmentId: input.courtDepartmentId ?? null,
      handlerId: input.handlerId,
      tags: input.tags ?? [],
      stage: 'accepted',
      acceptedOn: new Date(`${input.acceptedOn}T00:00:00.000Z`),
      stageDueDate: input.stageDueDate ? new Date(`${input.stageDueDate}T00:00:00.000Z`) : null,
      ...(ctx.now ? { createdAt: ctx.now } : {}),
    },
  });
  await writeWorkflowEvent(tx, {
    recordType: 'SupervisionCase',
    recordId: c.id,
    caseId: c.id,
    actor,
    shared: false,
    kind: 'open',
    toStatus: 'accepted',
    data: { number, ...(input.origin ?? {}) },
    at: ctx.now,
  });
  await writeAudit(tx, {
    actorId: actor.id,
    institutionId: actor.institutionId,
    action: 'SupervisionCase.open',
    recordType: 'SupervisionCase',
    recordId: c.id,
    summary: json({ after: { ...input, number } }),
    requestId: ctx.requestId,
    at: ctx.now,
  });
  return c;
}
