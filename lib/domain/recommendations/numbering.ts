/**
 * Recommendation numbers, in the procuratorate's name: `<code><type tag>建〔<year>〕<n>号`,
 * e.g. 城中检民建〔2026〕7号. One sequence per procuratorate and year across all types, so a
 * number is unique and never reused (the counter lives in NumberSequence). The exact tags follow
 * local practice and are data (verify against the procuratorate's document rules).
 */
import type { RecommendationType } from '@/lib/domain/deadlines/periods';

export const TYPE_TAG: Readonly<Record<RecommendationType, string>> = {
  retrial: '民再',
  correction: '民',
  public_interest: '公',
  social_governance: '社',
  enforcement: '执',
  other: '',
};

export const RECOMMENDATION_SEQUENCE = 'recommendation';

export function formatRecommendationNumber(institutionCode: string, type: RecommendationType, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`invalid sequence ${seq}`);
  return `${institutionCode}${TYPE_TAG[type]}建〔${year}〕${seq}号`;
}
