/**
 * The message catalogs: one core file per language (messages/<locale>.json) plus one file per
 * feature (messages/<locale>/<feature>.json), each file's keys sitting under the feature's name.
 * Split so that features can be worked on side by side; merged here.
 */
import enCore from '@/messages/en.json';
import enOverview from '@/messages/en/overview.json';
import enRecommendations from '@/messages/en/recommendations.json';
import zhCore from '@/messages/zh-CN.json';
import zhOverview from '@/messages/zh-CN/overview.json';
import zhRecommendations from '@/messages/zh-CN/recommendations.json';
import type { Locale } from './locales';

export const CATALOGS: Record<Locale, Record<string, unknown>> = {
  en: { ...enCore, recommendations: enRecommendations, overview: enOverview },
  'zh-CN': { ...zhCore, recommendations: zhRecommendations, overview: zhOverview },
};
