/**
 * Errors the data layer raises for the web layer to turn into localized messages.
 * Codes, not sentences: the message catalogs hold the words.
 */
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
