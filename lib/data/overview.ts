/**
 * The leaders' overview of procuratorial recommendations (DOMAIN.md §8), for the leaders of both
 * institutions (feature `recommendations.overview`). Every figure is an aggregate computed by the
 * database (groupBy / count) over the same `where` the recommendations list uses
 * (`filterWhere` in ./recommendations, which starts from the visibility rule `visibleWhere`), so a
 * figure and the list it links to always agree, and a record the actor may not see is never counted.
 *
 * Definitions (also shown on the page, messages `overview.definitions.*`):
 * - Period: the recommendations SERVED on the court within [from, to], both days included
 *   (YYYY-MM-DD, China time). Default: 1 January of today's year .. today. A recommendation not yet
 *   served (the procuratorate's internal drafts) is in no period.
 * - By status / by type: the recommendations of the period, by their status now / by type.
 * - Replied: recommendations of the period whose reply has been signed off (`replyOn` is set).
 * - On time: replied with replyOn ≤ dueDate (the due day itself is on time). A reply to a
 *   recommendation without a due date (not possible through the app, which sets it at service)
 *   counts as on time, as in the list's `replied=onTime` filter. Late: replyOn > dueDate.
 * - On-time reply rate = on time / replied.
 * - Adoption rate = (adopted + partly adopted) / replied.
 * - Fully adopted share = adopted / replied.
 * - Rectification rate = rectified / evaluated, where evaluated = replied recommendations the
 *   procuratorate has evaluated (`rectified` recorded as yes or no).
 * - A rate whose denominator is 0 is `null` (shown as "—"), never NaN.
 * - Overdue list: NOT limited to the period — every recommendation the actor may see that awaits a
 *   reply now (`AWAITING_REPLY`) with dueDate < today, most overdue first (days overdue = calendar
 *   days after the due date, `overdueDays`). The database sorts and returns at most
 *   `OVERDUE_LIMIT` rows; `overdue.total` counts them all.
 *
 * Plain data: no Next.js imports.
 */
import { z } from 'zod';
import type { RecommendationType } from '@/lib/domain/deadlines/periods';
import { RECOMMENDATION_TYPES } from '@/lib/domain/deadlines/periods';
import { assertAllowed, decideFeature } from '@/lib/domain/policy';
import {
  INTERNAL_STATUSES,
  overdueDays,
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
} from '@/lib/domain/recommendations/machine';
import { isoDate } from '@/lib/domain/validation';
import type { Actor } from '@/lib/domain/roles';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recommendationList, type RecommendationFilter } from '@/lib/lists/recommendations';
import type { Db } from './db';
import { FieldError } from './errors';
import { filterWhere, seenBy } from './recommendations';
import { statusesReadingAs, statusSeen } from '@/lib/domain/workflow';

export interface OverviewPeriod {
  /** First service day counted, YYYY-MM-DD. */
  from: string;
  /** Last service day counted, YYYY-MM-DD. */
  to: string;
}

/** A rate with the counts it is made of; `rate` is null when `of` is 0. */
export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

export interface OverdueRow {
  id: string;
  number: string | null;
  title: string;
  type: RecommendationType;
  status: RecommendationStatus;
  addresseeCourt: { name: string; nameEn: string };
  institution: { name: string; nameEn: string };
  servedOn: string | null;
  dueDate: string;
  daysOverdue: number;
  urged: boolean;
  escalated: boolean;
}

export interface RecommendationOverview {
  period: OverviewPeriod;
  today: string;
  /** Served within the period. */
  total: number;
  /** Each figure's link: the recommendations list filtered to what it counts. */
  links: Record<FigureKey, string>;
  /** Every status a served recommendation can have (zeros included), in lifecycle order. */
  byStatus: { status: RecommendationStatus; count: number; href: string }[];
  /** Every type (zeros included). */
  byType: { type: RecommendationType; count: number; href: string }[];
  replies: {
    replied: number;
    onTime: number;
    late: number;
    adopted: number;
    partlyAdopted: number;
    notAdopted: number;
    /** Replied without an adoption recorded (should not happen; shown so the sums add up). */
    adoptionNotRecorded: number;
    evaluated: number;
    rectified: number;
  };
  rates: {
    onTime: Ratio;
    adoption: Ratio;
    fullAdoption: Ratio;
    rectification: Ratio;
  };
  overdue: { total: number; href: string; limit: number; rows: OverdueRow[] };
}

/**
 * The overdue list shows at most this many rows (the most overdue ones): one list page's worth, so
 * the dashboard stays light at a province's scale; its count links to the whole overdue list.
 */
export const OVERDUE_LIMIT = 25;

/** Earliest and latest year a period may name (anything else is a typo). */
export const PERIOD_YEARS = { min: 2000, max: 2100 } as const;

export function defaultPeriod(today: string): OverviewPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function ratio(count: number, of: number): Ratio {
  return { count, of, rate: of > 0 ? count / of : null };
}

// ---------------------------------------------------------------------------------------------
// The period from the URL

export type PeriodField = 'from' | 'to';
export type PeriodErrorCode = 'dateFormat' | 'dateInvalid' | 'dateOutOfRange' | 'fromAfterTo';
export interface PeriodError {
  field: PeriodField;
  code: PeriodErrorCode;
  /** What was sent, for the message (at most 40 characters). */
  value: string;
}

const periodDate = isoDate.refine(
  (s) => {
    const y = Number(s.slice(0, 4));
    return y >= PERIOD_YEARS.min && y <= PERIOD_YEARS.max;
  },
  { error: 'dateOutOfRange' },
);

/** The period form, validated on the server (zod); error messages are `PeriodErrorCode`s. */
export const periodInput = z
  .object({ from: periodDate.optional(), to: periodDate.optional() })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'fromAfterTo' });
  });

const ERROR_CODES: readonly string[] = ['dateFormat', 'dateInvalid', 'dateOutOfRange', 'fromAfterTo'];

/**
 * The period asked for in the URL (`from`, `to`). An empty or missing field takes its default
 * (1 January of this year; today). Any error — not YYYY-MM-DD, not a real date, a year outside
 * `PERIOD_YEARS`, from after to, a field sent twice — is reported naming the field, and the
 * whole period falls back to the default.
 */
export function parsePeriod(
  raw: { from?: string | string[]; to?: string | string[] },
  today: string,
): { period: OverviewPeriod; errors: PeriodError[]; isDefault: boolean } {
  const fallback = defaultPeriod(today);
  // A field sent twice (?from=a&from=b) is malformed, not "take the first".
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();
  const sent = { from: text(raw.from), to: text(raw.to) };
  const parsed = periodInput.safeParse({ from: sent.from || undefined, to: sent.to || undefined });
  const errors: PeriodError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PeriodField;
      if (errors.some((e) => e.field === field)) continue;
      const code = (ERROR_CODES.includes(issue.message) ? issue.message : 'dateFormat') as PeriodErrorCode;
      errors.push({ field, code, value: sent[field].slice(0, 40) });
    }
    return { period: fallback, errors, isDefault: true };
  }
  const period = { from: parsed.data.from ?? fallback.from, to: parsed.data.to ?? fallback.to };
  if (period.from > period.to) {
    // Only one side was sent and it lies beyond the other side's default: name the one sent.
    const field: PeriodField = sent.from ? 'from' : 'to';
    errors.push({ field, code: 'fromAfterTo', value: sent[field].slice(0, 40) });
    return { period: fallback, errors, isDefault: true };
  }
  return { period, errors, isDefault: period.from === fallback.from && period.to === fallback.to };
}

// ---------------------------------------------------------------------------------------------
// Links to the list behind each figure (the /recommendations page's query parameters)

export interface ListLink {
  status?: RecommendationStatus;
  type?: RecommendationType;
  overdue?: boolean;
  /** Limit to the period's service dates. */
  period?: OverviewPeriod;
  replied?: 'late' | 'onTime' | 'any';
  adoption?: 'adopted' | 'partly_adopted' | 'not_adopted';
  rectified?: 'yes' | 'no' | 'evaluated';
}

/**
 * The recommendations-list filter a figure counts: all of the institution's (not only the ones a
 * procurator drafted), limited to the period's service dates when it has one.
 */
export function figureFilter(l: ListLink): RecommendationFilter {
  const { period, ...rest } = l;
  return recommendationList.complete({
    ...rest,
    ...(period ? { servedFrom: period.from, servedTo: period.to } : {}),
    mine: false,
  });
}

/**
 * The figures of a period, each declared once as a filter of the recommendations list: its count
 * is that filter's count and its link is that filter's URL.
 */
export const FIGURES = {
  total: {},
  replied: { replied: 'any' },
  onTime: { replied: 'onTime' },
  late: { replied: 'late' },
  adopted: { replied: 'any', adoption: 'adopted' },
  partlyAdopted: { replied: 'any', adoption: 'partly_adopted' },
  notAdopted: { replied: 'any', adoption: 'not_adopted' },
  evaluated: { replied: 'any', rectified: 'evaluated' },
  rectified: { replied: 'any', rectified: 'yes' },
} as const satisfies Record<string, Omit<ListLink, 'period'>>;
export type FigureKey = keyof typeof FIGURES;
const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** `/recommendations?…` listing exactly the recommendations a figure counts. */
export function listHref(l: ListLink): string {
  return recommendationList.href(figureFilter(l));
}

// ---------------------------------------------------------------------------------------------
// The figures

const iso = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : null);

/** Statuses a served recommendation can be in (the period counts served ones only). */
export const SERVED_STATUSES: readonly RecommendationStatus[] = RECOMMENDATION_STATUSES.filter((s) => !INTERNAL_STATUSES.includes(s));

export async function recommendationOverview(
  prisma: Db,
  actor: Actor,
  period: OverviewPeriod,
  today: string,
): Promise<RecommendationOverview> {
  assertAllowed(decideFeature(actor, 'recommendations.overview'), 'recommendations.overview');
  for (const field of ['from', 'to'] as const) {
    const r = periodDate.safeParse(period[field]);
    if (!r.success) throw new FieldError(field, r.error.issues[0]?.message ?? 'dateInvalid');
  }
  if (period.from > period.to) throw new FieldError('from', 'fromAfterTo');

  const fields = prisma.recommendation.fields;
  const whereOf = (l: ListLink) => filterWhere(actor, figureFilter(l), today, fields);
  const inPeriod = (l: Omit<ListLink, 'period'> = {}) => whereOf({ ...l, period });
  const overdueWhere = whereOf({ overdue: true });

  const [counts, overdueTotal, overdueRows] = await prisma.$transaction(
    async (tx) => {
      // Every linked figure is the count of its list's filter (figureFilter), in one snapshot.
      const count = (where: Prisma.RecommendationWhereInput) => tx.recommendation.count({ where });
      // By status and by type: one grouped count each over the period's list, read through the
      // list's own filter semantics (a status filter covers the states that read as it).
      const [figures, statusGroups, typeGroups] = await Promise.all([
        Promise.all(FIGURE_KEYS.map((key) => count(inPeriod(FIGURES[key])))),
        tx.recommendation.groupBy({ by: ['status'], where: inPeriod(), _count: { _all: true } }),
        tx.recommendation.groupBy({ by: ['type'], where: inPeriod(), _count: { _all: true } }),
      ]);
      const statusCount = new Map(statusGroups.map((g) => [g.status, g._count._all]));
      const typeCount = new Map(typeGroups.map((g) => [g.type, g._count._all]));
      const seen = seenBy(actor);
      const byStatus = RECOMMENDATION_STATUSES.map((status) => statusesReadingAs(seen, status).reduce((n, s) => n + (statusCount.get(s) ?? 0), 0));
      const byType = RECOMMENDATION_TYPES.map((type) => typeCount.get(type) ?? 0);
      const [total, replied, onTime, late, adopted, partlyAdopted, notAdopted, evaluated, rectified] = figures as [number, number, number, number, number, number, number, number, number];
      return Promise.all([
        { total, byStatus, byType, replied, onTime, late, adopted, partlyAdopted, notAdopted, evaluated, rectified },
        count(overdueWhere),
        tx.recommendation.findMany({
          where: overdueWhere,
          orderBy: [{ dueDate: 'asc' }, { servedOn: 'asc' }, { number: 'asc' }, { id: 'asc' }],
          take: OVERDUE_LIMIT,
          select: {
            id: true,
            number: true,
            title: true,
            type: true,
            status: true,
            servedOn: true,
            dueDate: true,
            urgedAt: true,
            escalatedAt: true,
            addresseeCourt: { select: { name: true, nameEn: true } },
            institution: { select: { name: true, nameEn: true } },
          },
        }),
      ]);
    },
    // One snapshot for every figure, so that the parts add up to the totals.
    { isolationLevel: 'RepeatableRead' },
  );
  const { total, replied, onTime, late, adopted, partlyAdopted, notAdopted, evaluated, rectified } = counts;

  return {
    period,
    today,
    total,
    links: Object.fromEntries(FIGURE_KEYS.map((key) => [key, listHref({ ...FIGURES[key], period })])) as Record<FigureKey, string>,
    // A state of the other side's internal steps is not one of the viewer's (its records count under the state before).
    byStatus: RECOMMENDATION_STATUSES.map((status, i) => ({ status, count: counts.byStatus[i]!, href: listHref({ status, period }) })).filter(
      (g) => !seenBy(actor).has(g.status) && (SERVED_STATUSES.includes(g.status) || g.count > 0),
    ),
    byType: RECOMMENDATION_TYPES.map((type, i) => ({ type, count: counts.byType[i]!, href: listHref({ type, period }) })),
    replies: {
      replied,
      onTime,
      late,
      adopted,
      partlyAdopted,
      notAdopted,
      adoptionNotRecorded: replied - adopted - partlyAdopted - notAdopted,
      evaluated,
      rectified,
    },
    rates: {
      onTime: ratio(onTime, replied),
      adoption: ratio(adopted + partlyAdopted, replied),
      fullAdoption: ratio(adopted, replied),
      rectification: ratio(rectified, evaluated),
    },
    overdue: {
      total: overdueTotal,
      href: listHref({ overdue: true }),
      limit: OVERDUE_LIMIT,
      rows: overdueRows.map((r) => {
        const dueDate = iso(r.dueDate)!;
        return {
          id: r.id,
          number: r.number,
          title: r.title,
          type: r.type,
          status: statusSeen(seenBy(actor), r.status),
          addresseeCourt: r.addresseeCourt,
          institution: r.institution,
          servedOn: iso(r.servedOn),
          dueDate,
          daysOverdue: overdueDays({ status: r.status, dueDate }, today),
          urged: r.urgedAt !== null,
          escalated: r.escalatedAt !== null,
        };
      }),
    },
  };
}
