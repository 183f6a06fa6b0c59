/** The name of an institution, department or court in the page's language (Chinese is the default). */
export function localName(locale: string, n: { name: string; nameEn?: string | null }): string {
  return locale === 'en' && n.nameEn ? n.nameEn : n.name;
}
