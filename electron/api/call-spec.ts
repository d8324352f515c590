import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** one line for the CLI's `qkl calls` and for reviewers */
  summary: string;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): CallSpec<I, O> => ({
  input,
  output,
  summary,
});
