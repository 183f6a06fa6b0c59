/**
 * Localized labels shared by the case components (server and client). `translate` is the
 * `cases` namespace's translator (getTranslations('cases') / useTranslations('cases')).
 */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A tag's label: 'pension_fraud:<subtype>' reads "Pension fraud: <subtype>". */
export function tagLabel(translate: Translate, tag: string): string {
  if (tag.startsWith('pension_fraud:')) {
    return translate('tag.pensionFraudOf', { subtype: translate(`pensionFraud.${tag.slice('pension_fraud:'.length)}`) });
  }
  return translate(`tag.${tag}`);
}
