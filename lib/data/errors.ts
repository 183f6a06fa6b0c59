/**
 * Errors the data layer raises for the web layer to turn into localized messages.
 * Codes, not sentences: the message catalogs hold the words.
 */
import { ForbiddenError } from '@/lib/domain/policy';
import type { StepDenial } from '@/lib/domain/workflow';
export class FieldError extends Error {
  constructor(
    public readonly field: string,
    public readonly code: string,
  ) {
    super(`${field}: ${code}`);
    this.name = 'FieldError';
  }
}

/** Someone else changed the record first (version column): reload and try again. */
export class ConflictError extends Error {
  constructor() {
    super('conflict: the record was changed by someone else');
    this.name = 'ConflictError';
  }
}

/** The step does not fit the record's state (e.g. a reply to a recommendation not yet served). */
export class StepError extends Error {
  constructor(public readonly code: string) {
    super(`step refused: ${code}`);
    this.name = 'StepError';
  }
}

/**
 * The one way a denied step decision becomes an error: a `forbidden` denial (who the actor is)
 * → ForbiddenError, the 403 the web layer shows; otherwise the step does not fit the record →
 * StepError, unless the form was stale (`staleVersion`: someone changed the record since it was
 * loaded), which is a ConflictError (reload and try again).
 */
export function refuseStep(action: string, decision: StepDenial<string>, staleVersion = false): never {
  if (decision.forbidden) throw new ForbiddenError(action, decision.code);
  if (staleVersion) throw new ConflictError();
  throw new StepError(decision.code);
}
