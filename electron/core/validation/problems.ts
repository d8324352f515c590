import { AppError, type ErrorCode } from '../../api/errors.ts';

interface Problem {
  code: ErrorCode;
  field?: string;
  message: string;
}

/**
 * The checks of one save, gathered instead of stopping at the first, so the form can
 * show every problem at once. Refuses with the first problem's code when there is
 * one problem, VALIDATION when several; details.issues lists each with its field,
 * as the contract's own validation does.
 */
export class Problems {
  private readonly found: Problem[] = [];

  add(field: string | undefined, message: string, code: ErrorCode = 'VALIDATION'): void {
    this.found.push({ code, ...(field ? { field } : {}), message });
  }

  /** Runs a check that refuses by throwing an AppError; records the refusal and goes on. */
  check<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'CONFLICT') throw error;
      const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
      this.add(field, error.message, error.code);
      return undefined;
    }
  }

  has(field: string): boolean {
    return this.found.some((p) => p.field === field);
  }

  throwIfAny(): void {
    const first = this.found[0];
    if (!first) return;
    const issues = this.found.map(({ field, message }) => ({ ...(field ? { field, path: field } : {}), message }));
    const code = this.found.length === 1 ? first.code : 'VALIDATION';
    const message = this.found
      .map((p) => (/[。！？；]$/.test(p.message) ? p.message : `${p.message}；`))
      .join('')
      .replace(/；$/, '');
    throw new AppError(code, message, { ...(first.field ? { field: first.field } : {}), issues });
  }
}
