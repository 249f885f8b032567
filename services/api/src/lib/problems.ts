import {
  PROBLEM_TYPES,
  type Problem,
  type ProblemType,
  problemTypeUri,
  type ValidationIssue,
} from '@cg/contracts';

/**
 * An error the API answers with on purpose. Services throw it; the error handler turns it into
 * an RFC 9457 body. `detail` is read by the caller, so it must never carry private inputs.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extras: {
      errors?: ValidationIssue[];
      headers?: Record<string, string>;
      /** RFC 9457 extension members of the body (declared in ProblemSchema), e.g. `retryAt`. */
      members?: { retryAt?: string };
    } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = PROBLEM_TYPES[type].status;
  }
}

export function problemBody(type: ProblemType, detail: string, errors?: ValidationIssue[]): Problem {
  const { status, title } = PROBLEM_TYPES[type];
  return { type: problemTypeUri(type), title, status, detail, ...(errors ? { errors } : {}) };
}

export const notFound = (what = 'resource') => new AppError('not-found', `The ${what} does not exist.`);
export const conflict = (detail: string) => new AppError('conflict', detail);
export const unprocessable = (detail: string) => new AppError('unprocessable-request', detail);
