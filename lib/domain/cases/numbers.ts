/**
 * Identifiers (DOMAIN.md §6). Court case numbers: `(year) + court code + case-type code + serial
 * + 号`, e.g. (2022)青0103民初123号 — full-width or half-width brackets. Procuratorate case
 * numbers: `<code><kind tag>〔year〕N号`, e.g. 城中检民监〔2026〕3号 (verify the tags against the
 * procuratorate's rules); one sequence per procuratorate, kind and year, never reused.
 */
import type { RecommendationType } from '@/lib/domain/deadlines/periods';

export const COURT_CASE_NUMBER = /^[（(](\d{4})[）)]([\u4e00-\u9fa5]{1,2}\d{2,4})([\u4e00-\u9fa5]{1,4})(\d{1,6})号$/;

export interface CourtCaseNumberParts {
  year: number;
  courtCode: string;
  typeCode: string;
  serial: number;
}

/** Parses a court case number; null when it does not follow the format. */
export function parseCourtCaseNumber(s: string): CourtCaseNumberParts | null {
  const m = COURT_CASE_NUMBER.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) return null;
  return { year, courtCode: m[2]!, typeCode: m[3]!, serial: Number(m[4]) };
}

export function isCourtCaseNumber(s: string): boolean {
  return parseCourtCaseNumber(s) !== null;
}

export const CASE_KINDS = ['civil', 'administrative', 'enforcement', 'non_litigation', 'civil_retrial', 'public_interest'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_TAG: Readonly<Record<CaseKind, string>> = {
  civil: '民监',
  administrative: '行监',
  enforcement: '执监',
  non_litigation: '行非诉监',
  civil_retrial: '民再监',
  public_interest: '公益',
};

export function caseSequenceScope(kind: CaseKind): string {
  return `case:${kind}`;
}

export function formatCaseNumber(institutionCode: string, kind: CaseKind, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`invalid sequence ${seq}`);
  return `${institutionCode}${CASE_KIND_TAG[kind]}〔${year}〕${seq}号`;
}

/** Recommendation types keep their own numbering (lib/domain/recommendations/numbering.ts). */
export type { RecommendationType };
