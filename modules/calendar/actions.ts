'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/data/db';
import { importHolidayCsv } from '@/lib/data/calendar-import';
import { runAction, type ActionState } from '@/lib/web/action';
import { FieldError } from '@/lib/data/errors';

export type ImportSummary =
  | { kind: 'done'; years: number[]; added: number; changed: number; removed: number; unchanged: number; dueDatesChanged: number }
  | { kind: 'rejected'; errors: { line: number; field: string; code: string }[] };

const MAX_BYTES = 256 * 1024;
const fileSchema = z.instanceof(File, { error: 'required' });

export async function importCalendarAction(_prev: ActionState<ImportSummary> | null, form: FormData) {
  return runAction<ImportSummary>('calendar.import', form, async (actor, { requestId }) => {
    const parsed = fileSchema.safeParse(form.get('file'));
    if (!parsed.success || parsed.data.size === 0) throw new FieldError('file', 'required');
    if (parsed.data.size > MAX_BYTES) throw new FieldError('file', 'fileTooLarge');
    const bytes = new Uint8Array(await parsed.data.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FieldError('file', 'notUtf8');
    }
    const result = await importHolidayCsv(db(), actor, text, requestId);
    if (!result.ok) return { kind: 'rejected', errors: result.errors.slice(0, 50) };
    revalidatePath('/calendar');
    const { years, added, changed, removed, unchanged, dueDatesChanged } = result;
    revalidatePath('/recommendations');
    return { kind: 'done', years, added, changed, removed, unchanged, dueDatesChanged };
  });
}
