/** A reason `nexxo migrate` stops before changing anything; printed without a stack trace. */
export class MigrateError extends Error {
  readonly code = 'NEXXO_MIGRATE';
}
