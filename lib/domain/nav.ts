/**
 * The navigation each role sees: derived from the policy, so a link is shown exactly when the
 * page behind it would let the user in.
 */
import { can, type Feature } from './policy';
import type { Actor } from './roles';

export interface NavItem {
  /** Message key under `nav.` in the catalogs. */
  key: string;
  href: string;
  feature: Feature;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', href: '/', feature: 'home.view' },
  { key: 'recommendations', href: '/recommendations', feature: 'recommendations.list' },
  { key: 'newRecommendation', href: '/recommendations/new', feature: 'recommendations.draft' },
  { key: 'approvals', href: '/recommendations/approvals', feature: 'recommendations.approvals' },
  { key: 'overview', href: '/overview', feature: 'recommendations.overview' },
  { key: 'cases', href: '/cases', feature: 'cases.list' },
  { key: 'committee', href: '/committee', feature: 'committee.list' },
  { key: 'retrial', href: '/retrial', feature: 'retrial.list' },
  { key: 'nonLitigation', href: '/non-litigation', feature: 'nonLitigation.list' },
  { key: 'inquiries', href: '/inquiries', feature: 'inquiries.list' },
  { key: 'leads', href: '/leads', feature: 'leads.list' },
  { key: 'procuratorateDirectory', href: '/procuratorate/directory', feature: 'directory.procuratorate' },
  { key: 'courtDirectory', href: '/court/directory', feature: 'directory.court' },
  { key: 'calendar', href: '/calendar', feature: 'calendar.view' },
  { key: 'users', href: '/admin/users', feature: 'users.manage' },
];

export function navFor(actor: Actor): NavItem[] {
  return NAV_ITEMS.filter((item) => can(actor, item.feature));
}
