import type { draftOptions } from '@/lib/data/recommendations';

/** The draft form's court, department and case choices, labelled in the UI language. */
export function draftFormChoices(options: Awaited<ReturnType<typeof draftOptions>>, en: boolean) {
  return {
    courts: options.courts.map((c) => ({
      id: c.id,
      label: en ? c.nameEn : c.name,
      departments: c.departments.map((d) => ({ id: d.id, label: en ? d.nameEn : d.name })),
    })),
    cases: options.cases.map((c) => ({ id: c.id, label: `${c.number} ${c.title}`, courtCaseNumber: c.courtCaseNumber })),
  };
}
