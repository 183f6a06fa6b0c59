'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The current item is the longest link that the path starts with.
  const matches = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const currentHref = items
    .map((i) => i.href)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4" data-testid="main-nav">
      {items.map((item) => {
        const current = item.href === currentHref;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={`block px-3 py-2 text-sm ${current ? 'bg-slate-50 text-brand-800 font-semibold rounded-t' : 'text-white hover:bg-brand-600'}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
