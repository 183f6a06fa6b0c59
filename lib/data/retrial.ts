/**
 * New evidence in civil retrial cases (DOMAIN.md §3). Filing a matter writes the matter, its
 * filing event and an audit row in one transaction; every later step goes through the shared
 * `runWorkflowStep` (lib/data/workflow.ts): matter steps (addItem, startReview, decide,
 * setHearing) on the matter's version, the court's determination on the evidence item's own
 * version. Adding an item changes the matter's version, so a retrial decision prepared before a
 * new item arrived is refused as a conflict rather than deciding past the new evidence.
 */
import { isUploadFile, type UploadFile } from '@/lib/domain/attachments';
import { calendarFromEntries, type Calendar } from '@/lib/domain/calendar';
import { assertAllowed, decideFeature, ForbiddenError, type DenyReason } from '@/lib/domain/policy';
import {
  availableMatterSteps,
  decideFile,
  decideItemStep,
  decideMatterStep,
  fileableKinds,
  FILING_SIDE,
  type ItemStep,
  type MatterFacts,
  type MatterStep,
  type RetrialDecision,
  type RetrialStatus,
} from '@/lib/domain/retrial/machine';
import { applicationWindow, dueState, hearingNotice, reviewDue, reviewOpen, workingDayOnOrBefore } from '@/lib/domain/retrial/deadlines';
import * as S from '@/lib/domain/retrial/schemas';
import { EVIDENCE_VISIBILITY, RETRIAL_VISIBILITY } from '@/lib/domain/retrial/visibility';
import { CASE_VISIBILITY } from '@/lib/domain/cases/visibility';
import { RECOMMENDATION_VISIBILITY } from '@/lib/domain/recommendations/visibility';
import type { Actor } from '@/lib/domain/roles';
import { FIRST_PAGE, type PageRequest } from '@/lib/lists/define';
import type { RetrialFilter } from '@/lib/lists/retrial';
import type { EvidenceItem, Prisma, RetrialMatter } from '@/lib/generated/prisma/client';
import { auditedDownload, listAttachments, readAttachment, recordAttachment, withUploads } from './attachments';
import { writeAudit } from './audit';
import { loadCalendarEntries } from './calendar';
import type { Db, Tx } from './db';
import { mapPage, pageOf } from './page';
import { FieldError } from './errors';
import { counterpartWhere, requireCounterpart } from './counterparts';
import { findVisible, visibleWhere } from './visibility';
import { json, runWorkflowStep, timelineOf, writeWorkflowEvent, type WorkflowContext, type WorkflowSpec } from './workflow';

export type RetrialContext = WorkflowContext;

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (x: Date | null | undefined) => (x ? x.toISOString().slice(0, 10) : null);
const isUuid = (s: string) => S.stepInput.shape.id.safeParse(s).success;

async function calendarOf(prisma: Db | Tx): Promise<Calendar> {
  return calendarFromEntries(await loadCalendarEntries(prisma as Db));
}

type MatterWithItems = RetrialMatter & { evidence: EvidenceItem[] };

export function matterFacts(m: MatterWithItems): MatterFacts {
  return {
    kind: m.kind,
    status: m.status,
    procuratorateId: m.procuratorateId,
    courtId: m.courtId,
    createdById: m.createdById,
    decision: m.decision,
    itemCount: m.evidence.length,
    undeterminedCount: m.evidence.filter((e) => e.accepted === null).length,
  };
}

function forbid(action: string, code: DenyReason): never {
  throw new ForbiddenError(action, code);
}

function problem(p: S.DateProblem | null) {
  if (p) throw new FieldError(p.field, p.code);
}

// ---------------------------------------------------------------------------------------------
// Filing

/** The procuratorate paired with a court (its counterpart), which sees the court's party applications. */
async function pairedProcuratorate(prisma: Db, courtId: string): Promise<string | null> {
  const p = await prisma.institution.findFirst({ where: await counterpartWhere(prisma, { institutionId: courtId }), orderBy: { code: 'asc' }, select: { id: true } });
  return p?.id ?? null;
}

/**
 * Files a matter: a party's retrial application recorded by court staff (the party applied at
 * the court), or the procuratorate's retrial recommendation or protest received by the court.
 */
export async function fileMatter(prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) {
  assertAllowed(decideFeature(actor, 'retrial.list'), 'retrial.list');
  const input = S.fileInput.parse(raw);
  const may = decideFile(actor, input.kind);
  if (!may.ok) forbid('RetrialMatter.file', may.code);

  const learnedOn = input.kind === 'party_application' ? input.learnedOn : null;
  problem(S.fileDateProblem({ ...input, learnedOn }, ctx.today));

  // The institution pair, and what the matter points at.
  let courtId: string;
  let procuratorateId: string;
  let caseId: string | null = null;
  let recommendationId: string | null = null;
  if (FILING_SIDE[input.kind] === 'court') {
    if (input.caseId) throw new FieldError('caseId', 'invalidChoice');
    if (input.recommendationId) throw new FieldError('recommendationId', 'invalidChoice');
    courtId = actor.institutionId;
    const p = await pairedProcuratorate(prisma, courtId);
    if (!p) throw new FieldError('courtId', 'invalidChoice');
    procuratorateId = p;
  } else {
    if (!input.courtId) throw new FieldError('courtId', 'required');
    courtId = input.courtId;
    procuratorateId = actor.institutionId;
    if (input.caseId) {
      const c = await prisma.supervisionCase.findUnique({ where: { id: input.caseId }, select: { institutionId: true } });
      if (!c) throw new FieldError('caseId', 'invalidChoice');
      if (c.institutionId !== actor.institutionId) forbid('RetrialMatter.file', 'institution');
      caseId = input.caseId;
    }
    if (input.recommendationId) {
      if (input.kind !== 'procuratorate_recommendation') throw new FieldError('recommendationId', 'invalidChoice');
      const r = await prisma.recommendation.findUnique({
        where: { id: input.recommendationId },
        select: { institutionId: true, type: true, servedOn: true, addresseeCourtId: true, caseId: true },
      });
      if (!r) throw new FieldError('recommendationId', 'invalidChoice');
      if (r.institutionId !== actor.institutionId) forbid('RetrialMatter.file', 'institution');
      // A retrial recommendation served on this very court.
      if (r.type !== 'retrial' || !r.servedOn || r.addresseeCourtId !== courtId) throw new FieldError('recommendationId', 'invalidChoice');
      if (caseId && r.caseId && r.caseId !== caseId) throw new FieldError('caseId', 'invalidChoice');
      recommendationId = input.recommendationId;
      caseId = caseId ?? r.caseId;
    }
    // The court addressed: a counterpart (after the authority checks above).
    await requireCounterpart(prisma, actor, courtId, 'courtId');
  }

  const calendar = await calendarOf(prisma);
  let windowEnd: string | null = null;
  if (input.kind === 'party_application') {
    const w = applicationWindow(input.judgmentEffectiveOn, learnedOn, calendar);
    if (input.filedOn > w.end) throw new FieldError('filedOn', 'outsideApplicationWindow');
    windowEnd = w.end;
  }
  const due = reviewDue(input.kind, input.filedOn, calendar);

  return prisma.$transaction(async (tx) => {
    const m = await tx.retrialMatter.create({
      data: {
        procuratorateId,
        courtId,
        caseId,
        recommendationId,
        kind: input.kind,
        courtCaseNumber: input.courtCaseNumber,
        title: input.title,
        parties: input.parties,
        judgmentEffectiveOn: d(input.judgmentEffectiveOn),
        filedOn: d(input.filedOn),
        applicationWindowEnd: windowEnd ? d(windowEnd) : null,
        reviewDue: d(due),
        status: 'filed',
        createdById: actor.id,
        ...(ctx.now ? { createdAt: ctx.now } : {}),
      },
    });
    await writeWorkflowEvent(tx, {
      recordType: 'RetrialMatter',
      recordId: m.id,
      caseId,
      actor,
      shared: true,
      kind: 'file',
      toStatus: 'filed',
      data: { courtCaseNumber: input.courtCaseNumber, filedOn: input.filedOn, learnedOn, reviewDue: due },
      at: ctx.now,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      institutionId: actor.institutionId,
      action: 'RetrialMatter.file',
      recordType: 'RetrialMatter',
      recordId: m.id,
      summary: json({ after: { ...input, learnedOn, courtId, procuratorateId, caseId, recommendationId, applicationWindowEnd: windowEnd, reviewDue: due, status: 'filed' } }),
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { id: m.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Steps

const loadMatter = (tx: Tx, id: string) => tx.retrialMatter.findUnique({ where: { id }, include: { evidence: { orderBy: { position: 'asc' } } } });

function matterSpec(action: string, decide: (m: MatterWithItems) => ReturnType<typeof decideMatterStep>): WorkflowSpec<MatterWithItems> {
  return {
    recordType: 'RetrialMatter',
    action,
    load: loadMatter,
    decide,
    update: async (tx, id, version, data) =>
      (await tx.retrialMatter.updateMany({ where: { id, version }, data: data as Prisma.RetrialMatterUncheckedUpdateManyInput })).count,
    caseIdOf: (m) => m.caseId,
  };
}

type ItemRecord = EvidenceItem & { status: RetrialStatus; matter: MatterWithItems };

function itemSpec(actor: Actor, step: ItemStep): WorkflowSpec<ItemRecord> {
  return {
    recordType: 'EvidenceItem',
    action: step,
    load: async (tx, id) => {
      const item = await tx.evidenceItem.findUnique({ where: { id }, include: { matter: { include: { evidence: true } } } });
      return item ? { ...item, status: item.matter.status } : null;
    },
    decide: (rec) => decideItemStep(actor, step, matterFacts(rec.matter), { determined: rec.accepted !== null }),
    // The item has no status of its own (it follows the matter's): only its fields and version change.
    update: async (tx, id, version, data) => {
      const { status: _status, ...rest } = data;
      void _status;
      return (await tx.evidenceItem.updateMany({ where: { id, version }, data: rest as Prisma.EvidenceItemUncheckedUpdateManyInput })).count;
    },
    caseIdOf: (rec) => rec.matter.caseId,
  };
}

/** The upload of an evidence form, if any (an empty file input sends a nameless empty file: none). */
function fileOf(raw: unknown): UploadFile | null {
  const f = (raw as { file?: unknown } | null)?.file;
  if (f === undefined || f === null) return null;
  if (!isUploadFile(f)) throw new FieldError('file', 'invalid');
  return !f.name && f.size === 0 ? null : f;
}

/**
 * Adds an evidence item (and optionally one file) to a matter: the filing side, while the matter
 * is filed or under review. `raw.id`/`raw.version` are the matter's.
 */
export async function addEvidenceItem(prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) {
  const input = S.itemInput.parse(raw);
  const file = fileOf(raw);
  return withUploads(prisma, file ? [file] : [], 'file', ([staged]) => runWorkflowStep(
    prisma,
    actor,
    matterSpec('addItem', (m) => decideItemStep(actor, 'addItem', matterFacts(m), null)),
    input,
    ctx,
    (m) => {
      problem(S.itemDateProblem(input, ctx.today));
      const position = m.evidence.reduce((n, e) => Math.max(n, e.position), 0) + 1;
      return {
        event: { item: position, description: input.description, ...(staged ? { fileName: staged.fileName } : {}) },
        after: async (tx) => {
          const item = await tx.evidenceItem.create({
            data: {
              matterId: m.id,
              position,
              description: input.description,
              formedOn: input.formedOn ? d(input.formedOn) : null,
              foundOn: input.foundOn ? d(input.foundOn) : null,
              ground: input.ground,
              groundExplanation: input.groundExplanation,
            },
          });
          const attachment = staged
            ? await recordAttachment(tx, actor, staged, { recordType: 'EvidenceItem', recordId: item.id, confidentiality: 'ordinary' }, ctx)
            : null;
          return {
            itemId: item.id,
            attachmentId: attachment?.id ?? null,
            item: { position, description: input.description, formedOn: input.formedOn, foundOn: input.foundOn, ground: input.ground, groundExplanation: input.groundExplanation },
          };
        },
      };
    },
  ));
}

/** The court opens its review of the matter. */
export async function startReview(prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) {
  const input = S.stepInput.parse(raw);
  return runWorkflowStep(prisma, actor, matterSpec('startReview', (m) => decideMatterStep(actor, 'startReview', matterFacts(m))), input, ctx, () => ({}));
}

/** The court's determination on one evidence item (`raw.id`/`raw.version` are the item's). */
export async function determineItem(prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) {
  const input = S.determineInput.parse(raw);
  return runWorkflowStep(prisma, actor, itemSpec(actor, 'determine'), input, ctx, (item) => ({
    data: {
      accepted: input.accepted,
      determinationGround: input.determinationGround,
      determinationReasons: input.determinationReasons,
      mayOverturn: input.mayOverturn,
      determinedById: actor.id,
      determinedAt: ctx.now ?? new Date(),
    },
    event: { item: item.position, accepted: input.accepted, mayOverturn: input.mayOverturn, reasons: input.determinationReasons },
  }));
}

/** The court decides on retrial, once every evidence item has its determination. */
export async function decideRetrial(prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) {
  const input = S.decideInput.parse(raw);
  // The timeline tells the two outcomes apart by the step's name.
  const action = input.decision === 'retrial_ordered' ? 'orderRetrial' : 'refuseRetrial';
  return runWorkflowStep(prisma, actor, matterSpec(action, (m) => decideMatterStep(actor, 'decide', matterFacts(m))), input, ctx, (m) => {
    if (input.decidedOn > ctx.today) throw new FieldError('decidedOn', 'dateInFuture');
    if (input.decidedOn < iso(m.filedOn)!) throw new FieldError('decidedOn', 'beforeFiling');
    return {
      data: { decision: input.decision, decisionReasons: input.decisionReasons, decidedOn: d(input.decidedOn), decidedById: actor.id },
      event: { decidedOn: input.decidedOn, reasons: input.decisionReasons },
    };
  });
}

/** The retrial hearing date, and by when the procuratorate must be notified (3 clear days ahead). */
export async function setHearing(prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) {
  const input = S.hearingInput.parse(raw);
  return runWorkflowStep(prisma, actor, matterSpec('setHearing', (m) => decideMatterStep(actor, 'setHearing', matterFacts(m))), input, ctx, async (m, tx) => {
    const decidedOn = iso(m.decidedOn);
    if (decidedOn && input.hearingOn <= decidedOn) throw new FieldError('hearingOn', 'beforeDecision');
    const notice = hearingNotice(input.hearingOn, await calendarOf(tx));
    if (notice.noticeBy < ctx.today) throw new FieldError('hearingOn', 'tooSoonForNotice');
    return {
      data: { hearingOn: d(input.hearingOn), hearingNoticeBy: d(notice.noticeBy) },
      event: { hearingOn: input.hearingOn, noticeBy: notice.noticeBy },
    };
  });
}

export const RETRIAL_STEP_FUNCTIONS: Readonly<Record<MatterStep | ItemStep, (prisma: Db, actor: Actor, raw: unknown, ctx: RetrialContext) => Promise<{ id: string }>>> = {
  startReview,
  decide: decideRetrial,
  setHearing,
  addItem: addEvidenceItem,
  determine: determineItem,
};

// ---------------------------------------------------------------------------------------------
// Reads

/** The list's filters: the URL state of /retrial (lib/lists/retrial.ts), every field optional here. */
export type ListFilters = Partial<RetrialFilter>;

/** The visibility rule as a `where` (RETRIAL_VISIBILITY): a matter the actor may not see never leaves the database. */
export const matterWhere = (actor: Actor): Prisma.RetrialMatterWhereInput => visibleWhere<Prisma.RetrialMatterWhereInput>(RETRIAL_VISIBILITY, actor);

/** The list filters as a `where`, on top of the visibility rule. */
export function filterWhere(actor: Actor, f: ListFilters, today: string): Prisma.RetrialMatterWhereInput {
  const and: Prisma.RetrialMatterWhereInput[] = [matterWhere(actor)];
  if (f.kind) and.push({ kind: f.kind });
  if (f.status) and.push({ status: f.status });
  if (f.overdue) and.push({ status: { not: 'decided' }, reviewDue: { lt: d(today) } });
  return { AND: and };
}

/** How many matters the list shows for this filter (all pages). */
export function countMatters(prisma: Db, actor: Actor, f: ListFilters, today: string): Promise<number> {
  return prisma.retrialMatter.count({ where: filterWhere(actor, f, today) });
}

/** One page of the matters, the latest filed first. */
export async function listMatters(prisma: Db, actor: Actor, filters: ListFilters, today: string, page: PageRequest = FIRST_PAGE) {
  assertAllowed(decideFeature(actor, 'retrial.list'), 'retrial.list');
  const where = filterWhere(actor, filters, today);
  const p = await pageOf(
    [
      {
        count: () => prisma.retrialMatter.count({ where }),
        find: (w) =>
          prisma.retrialMatter.findMany({
            where,
            orderBy: [{ filedOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
            ...w,
            include: { evidence: { select: { accepted: true } } },
          }),
      },
    ],
    page,
  );
  return mapPage(p, (rows) => matterRows(prisma, rows, today));
}

async function matterRows(prisma: Db, rows: (RetrialMatter & { evidence: { accepted: boolean | null }[] })[], today: string) {
  const inst = await prisma.institution.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => [r.courtId, r.procuratorateId]))] } },
    select: { id: true, name: true, nameEn: true },
  });
  const instById = new Map(inst.map((i) => [i.id, i]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    courtCaseNumber: r.courtCaseNumber,
    filedOn: iso(r.filedOn)!,
    decision: r.decision,
    court: instById.get(r.courtId) ?? null,
    procuratorate: instById.get(r.procuratorateId) ?? null,
    items: r.evidence.length,
    determined: r.evidence.filter((e) => e.accepted !== null).length,
    review: dueState(iso(r.reviewDue), today, reviewOpen(r.status)),
  }));
}
export type MatterRow = Awaited<ReturnType<typeof listMatters>>['rows'][number];

export async function getMatter(prisma: Db, actor: Actor, id: string, today: string) {
  assertAllowed(decideFeature(actor, 'retrial.list'), 'retrial.list');
  if (!isUuid(id)) return null;
  const m = await findVisible<RetrialMatter & { evidence: EvidenceItem[] }>(prisma.retrialMatter, RETRIAL_VISIBILITY, actor, id, {
    include: { evidence: { orderBy: { position: 'asc' } } },
  });
  if (!m) return null;
  const facts = matterFacts(m);
  const itemIds = m.evidence.map((e) => e.id);
  const peopleIds = [m.createdById, m.decidedById, ...m.evidence.map((e) => e.determinedById)].filter((x): x is string => !!x);
  const [people, inst, attachments, timeline, calendar, kase, rec] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } }),
    prisma.institution.findMany({ where: { id: { in: [m.courtId, m.procuratorateId] } }, select: { id: true, name: true, nameEn: true } }),
    listAttachments(prisma, 'EvidenceItem', itemIds),
    timelineOf(prisma, actor, {
      OR: [
        { recordType: 'RetrialMatter', recordId: m.id },
        { recordType: 'EvidenceItem', recordId: { in: itemIds } },
      ],
    }),
    calendarOf(prisma),
    // The supervision case is the procuratorate's own case management; the recommendation as the actor may see it.
    m.caseId
      ? prisma.supervisionCase.findFirst({ where: { AND: [visibleWhere<Prisma.SupervisionCaseWhereInput>(CASE_VISIBILITY, actor), { id: m.caseId }] }, select: { id: true, number: true, title: true } })
      : null,
    m.recommendationId
      ? prisma.recommendation.findFirst({
          where: { AND: [visibleWhere<Prisma.RecommendationWhereInput>(RECOMMENDATION_VISIBILITY, actor), { id: m.recommendationId }] },
          select: { id: true, number: true, title: true },
        })
      : null,
  ]);
  const name = (uid: string | null) => (uid ? (people.find((p) => p.id === uid)?.name ?? null) : null);
  const instOf = (iid: string) => inst.find((i) => i.id === iid) ?? null;
  const filing = timeline.find((e) => e.kind === 'file' && e.recordId === m.id);
  const learnedOn = typeof filing?.data?.learnedOn === 'string' ? filing.data.learnedOn : null;
  const hearingOn = iso(m.hearingOn);
  const side = actor.institutionId === m.courtId ? 'court' : 'procuratorate';
  const canAddItem = decideItemStep(actor, 'addItem', facts, null).ok;
  return {
    id: m.id,
    version: m.version,
    kind: m.kind,
    status: m.status,
    side,
    title: m.title,
    parties: m.parties,
    courtCaseNumber: m.courtCaseNumber,
    court: instOf(m.courtId),
    procuratorate: instOf(m.procuratorateId),
    createdBy: name(m.createdById),
    case: kase,
    recommendation: rec,
    judgmentEffectiveOn: iso(m.judgmentEffectiveOn)!,
    learnedOn,
    filedOn: iso(m.filedOn)!,
    applicationWindowEnd: iso(m.applicationWindowEnd),
    review: dueState(iso(m.reviewDue), today, reviewOpen(m.status)),
    hearing: hearingOn ? hearingView(hearingOn, iso(m.hearingNoticeBy), calendar) : null,
    decision: m.decision as RetrialDecision | null,
    decisionReasons: m.decisionReasons,
    decidedOn: iso(m.decidedOn),
    decidedBy: name(m.decidedById),
    items: m.evidence.map((e) => ({
      id: e.id,
      version: e.version,
      position: e.position,
      description: e.description,
      formedOn: iso(e.formedOn),
      foundOn: iso(e.foundOn),
      ground: e.ground,
      groundExplanation: e.groundExplanation,
      determination:
        e.accepted === null
          ? null
          : {
              accepted: e.accepted,
              ground: e.determinationGround,
              reasons: e.determinationReasons,
              mayOverturn: e.mayOverturn,
              by: name(e.determinedById),
              at: e.determinedAt,
            },
      canDetermine: decideItemStep(actor, 'determine', facts, { determined: e.accepted !== null }).ok,
      attachments: attachments.filter((a) => a.recordId === e.id).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size, mimeType: a.mimeType })),
    })),
    undetermined: facts.undeterminedCount,
    actions: availableMatterSteps(actor, facts),
    canAddItem,
    timeline,
  };
}
/** The hearing as recorded, with advice when the notice date falls on a rest day. */
function hearingView(hearingOn: string, stored: string | null, calendar: Calendar) {
  const notice = hearingNotice(hearingOn, calendar);
  const noticeBy = stored ?? notice.noticeBy;
  const onRestDay = calendar.isRestDay(noticeBy);
  return { hearingOn, noticeBy, onRestDay, lastWorkingDay: onRestDay ? workingDayOnOrBefore(noticeBy, calendar) : noticeBy };
}

export type MatterView = NonNullable<Awaited<ReturnType<typeof getMatter>>>;

/** An evidence file, after checking the actor may see the matter it belongs to; audited, served or refused. */
export async function readEvidenceAttachment(prisma: Db, actor: Actor, matterId: string, attachmentId: string, ctx: { requestId?: string } = {}) {
  return auditedDownload(prisma, actor, { recordType: 'RetrialMatter', recordId: matterId, attachmentId }, ctx, async () => {
    assertAllowed(decideFeature(actor, 'retrial.list'), 'retrial.list');
    if (!isUuid(matterId) || !isUuid(attachmentId)) return null;
    const meta = await prisma.attachment.findUnique({ where: { id: attachmentId }, select: { recordType: true, recordId: true } });
    if (!meta || meta.recordType !== 'EvidenceItem') return null;
    // The evidence item through its visibility rule (its matter's): another pair's file is not found.
    const item = await findVisible<EvidenceItem>(prisma.evidenceItem, EVIDENCE_VISIBILITY, actor, meta.recordId);
    if (!item || item.matterId !== matterId) return null;
    // Evidence has no confidential tier of its own: a confidential file would reach no one.
    return readAttachment(prisma, attachmentId, { recordType: 'EvidenceItem', recordId: item.id, mayReadConfidential: false });
  });
}

/** What the new-matter form offers the actor. */
export async function fileOptions(prisma: Db, actor: Actor) {
  assertAllowed(decideFeature(actor, 'retrial.list'), 'retrial.list');
  const kinds = fileableKinds(actor);
  if (actor.institutionKind !== 'PROCURATORATE') return { kinds, courts: [], defaultCourtId: null, cases: [], recommendations: [] };
  const [own, courts, cases, recommendations] = await Promise.all([
    prisma.institution.findUnique({ where: { id: actor.institutionId }, select: { regionCode: true } }),
    prisma.institution.findMany({ where: await counterpartWhere(prisma, actor), orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true, regionCode: true } }),
    prisma.supervisionCase.findMany({
      where: { institutionId: actor.institutionId, closedAt: null },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, title: true, courtCaseNumber: true },
    }),
    prisma.recommendation.findMany({
      where: { institutionId: actor.institutionId, type: 'retrial', servedOn: { not: null } },
      orderBy: { servedOn: 'desc' },
      select: { id: true, number: true, title: true, courtCaseNumber: true, caseId: true, addresseeCourtId: true, servedOn: true },
    }),
  ]);
  return {
    kinds,
    courts: courts.map(({ id, name, nameEn }) => ({ id, name, nameEn })),
    defaultCourtId: courts.find((c) => c.regionCode === own?.regionCode)?.id ?? courts[0]?.id ?? null,
    cases,
    recommendations: recommendations.map((r) => ({ ...r, servedOn: iso(r.servedOn) })),
  };
}
