/**
 * The message catalogs: one core file per language (messages/<locale>.json) plus one file per
 * feature (messages/<locale>/<feature>.json), each file's keys sitting under the feature's name.
 * Split so that features can be worked on side by side; merged here.
 */
import enCore from '@/messages/en.json';
import enCases from '@/messages/en/cases.json';
import enErrorPage from '@/messages/en/errorPage.json';
import enCommittee from '@/messages/en/committee.json';
import enInquiries from '@/messages/en/inquiries.json';
import enLeads from '@/messages/en/leads.json';
import enMeetings from '@/messages/en/meetings.json';
import enNonLitigation from '@/messages/en/nonLitigation.json';
import enOverview from '@/messages/en/overview.json';
import enRecommendations from '@/messages/en/recommendations.json';
import enRetrial from '@/messages/en/retrial.json';
import enSearch from '@/messages/en/search.json';
import enThreads from '@/messages/en/threads.json';
import zhCore from '@/messages/zh-CN.json';
import zhCases from '@/messages/zh-CN/cases.json';
import zhErrorPage from '@/messages/zh-CN/errorPage.json';
import zhCommittee from '@/messages/zh-CN/committee.json';
import zhInquiries from '@/messages/zh-CN/inquiries.json';
import zhLeads from '@/messages/zh-CN/leads.json';
import zhMeetings from '@/messages/zh-CN/meetings.json';
import zhNonLitigation from '@/messages/zh-CN/nonLitigation.json';
import zhOverview from '@/messages/zh-CN/overview.json';
import zhRecommendations from '@/messages/zh-CN/recommendations.json';
import zhRetrial from '@/messages/zh-CN/retrial.json';
import zhSearch from '@/messages/zh-CN/search.json';
import zhThreads from '@/messages/zh-CN/threads.json';
import type { Locale } from './locales';

export const CATALOGS: Record<Locale, Record<string, unknown>> = {
  en: {
    ...enCore,
    recommendations: enRecommendations,
    overview: enOverview,
    cases: enCases,
    committee: enCommittee,
    retrial: enRetrial,
    nonLitigation: enNonLitigation,
    inquiries: enInquiries,
    leads: enLeads,
    search: enSearch,
    threads: enThreads,
    meetings: enMeetings,
    errorPage: enErrorPage,
  },
  'zh-CN': {
    ...zhCore,
    recommendations: zhRecommendations,
    overview: zhOverview,
    cases: zhCases,
    committee: zhCommittee,
    retrial: zhRetrial,
    nonLitigation: zhNonLitigation,
    inquiries: zhInquiries,
    leads: zhLeads,
    search: zhSearch,
    threads: zhThreads,
    meetings: zhMeetings,
    errorPage: zhErrorPage,
  },
};
