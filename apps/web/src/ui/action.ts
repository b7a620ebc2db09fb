import { useCallback, useState } from 'react';
import { ApiError } from '../app/api';

export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | null;
  readonly done: string | null;
  /** Runs the call; an ApiError is kept for display (and its field highlighted), anything else is rethrown. */
  run<T>(call: () => Promise<T>, doneMessage?: string): Promise<T | undefined>;
  errorFor(field: string): ApiError | null;
  reset(): void;
}

/** Busy, error and success state of one form or button, so every form shows failures the same way. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>, doneMessage?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await call();
      setDone(doneMessage ?? null);
      return result;
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else setError(new ApiError(0, 'CLIENT', (e as Error).message, null));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const errorFor = useCallback((field: string) => (error && error.field !== null && (error.field === field || error.field.startsWith(`${field}.`)) ? error : null), [error]);
  const reset = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);
  return { busy, error, done, run, errorFor, reset };
}
