import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/web/i18n/locale-action';
import { LOCALES } from '@/lib/web/i18n/locales';

const LABELS: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '中文', en: 'English' };

/** A form of two buttons, so it works with the keyboard and without client JavaScript. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('header')]);
  return (
    <form action={setLocale} aria-label={t('language')} className="flex items-center gap-1 text-sm">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={
            l === locale
              ? 'rounded px-2 py-1 font-semibold bg-white/20'
              : 'rounded px-2 py-1 underline-offset-2 hover:underline'
          }
        >
          {LABELS[l]}
        </button>
      ))}
    </form>
  );
}
