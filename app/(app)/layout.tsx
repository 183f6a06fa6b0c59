import { getLocale, getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { NavLinks } from '@/components/NavLinks';
import { SignOutButton } from '@/components/SignOutButton';
import { navFor } from '@/lib/domain/nav';
import { can } from '@/lib/domain/policy';
import { getOwnProfile, requireActor } from '@/lib/web/session';
import { SearchBox } from '@/modules/search/components/SearchBox';
import { db } from '@/lib/data/db';
import { unreadTotal } from '@/lib/data/threads';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // The unread thread messages over every record the user may see: one statement per request.
  const [t, locale, profile, unread] = await Promise.all([getTranslations(), getLocale(), getOwnProfile(), unreadTotal(db(), actor)]);
  const en = locale === 'en';
  const items = navFor(actor).map((i) => ({ href: i.href, label: t(`nav.${i.key}`) }));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
        {t('nav.skipToContent')}
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <span className="text-lg font-semibold">{t('app.name')}</span>
            <span className="ml-3 text-sm text-brand-100">{en ? profile.institution.nameEn : profile.institution.name}</span>
          </div>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            {can(actor, 'search.use') && <SearchBox />}
            {actor.role !== 'ADMIN' && (
              <span data-testid="unread-total" data-count={unread} className={unread ? 'rounded bg-white px-2 py-0.5 font-semibold text-brand-800' : 'text-brand-100'}>
                {t('threads.shellUnread', { count: unread })}
              </span>
            )}
            <span data-testid="current-user">
              {profile.name} · {t(`roles.${profile.role}`)}
            </span>
            <LanguageSwitch />
            <SignOutButton label={t('header.signOut')} />
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="bg-brand-700">
          <NavLinks items={items} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
