/**
 * Input of every file-request step, validated on the server. Messages are codes (errors.* or
 * fileRequests.errors.*); the limits are here so forms can show them too.
 */
import { z } from 'zod';
import { isUploadFile, type UploadFile } from '@/lib/domain/attachments';
import { courtCaseNumber as courtCaseNumberOf, multilineText, optionalIsoDate, optionalMultilineText, stepInput, uuid } from '@/lib/domain/validation';

/** Texts kept only on the timeline (comments) stay within what an event stores whole (500). */
export const FILE_REQUEST_LIMITS = {
  courtCaseNumber: 64,
  needed: 2_000,
  reason: 2_000,
  answerNote: 5_000,
  comment: 500,
  files: 10,
} as const;

/** The court case number, in the court format: `(2022)青0103民初123号`, brackets full- or half-width. */
export const courtCaseNumber = courtCaseNumberOf(FILE_REQUEST_LIMITS.courtCaseNumber);

const requestFields = {
  courtCaseNumber,
  needed: multilineText(FILE_REQUEST_LIMITS.needed),
  reason: multilineText(FILE_REQUEST_LIMITS.reason),
  /** Blank: the default period, counted from the day it is sent. */
  requestedDueDate: optionalIsoDate,
};

export const createInput = z.object({ courtId: uuid, ...requestFields });
export type CreateInput = z.output<typeof createInput>;

export const editInput = stepInput.extend(requestFields);

export { stepInput };

export const commentInput = stepInput.extend({ comment: optionalMultilineText(FILE_REQUEST_LIMITS.comment) });

export const fileInput = z.custom<UploadFile>(isUploadFile, { error: 'invalid' });

/** One answer form for the three answers; which one the button names (`step`). */
export const answerInput = stepInput.extend({
  answerNote: optionalMultilineText(FILE_REQUEST_LIMITS.answerNote),
  files: z.array(fileInput).max(FILE_REQUEST_LIMITS.files, { error: 'tooLong' }).optional().default([]),
});
