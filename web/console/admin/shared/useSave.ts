import { useCallback, useState } from 'react';

/** The outcome of the last save: a success text, or the failure to describe. */
export type SaveResult = { kind: 'ok'; message: string } | { kind: 'error'; error: unknown } | null;

/**
 * Runs one save at a time and remembers how it ended, for <SaveStatus>. `run` resolves true on
 * success so callers can reset their drafts.
 */
export function useSave() {
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<SaveResult>(null);

  const run = useCallback(async (action: () => Promise<string>): Promise<boolean> => {
    setSaving(true);
    setResult(null);
    try {
      const message = await action();
      setResult({ kind: 'ok', message });
      return true;
    } catch (error) {
      setResult({ kind: 'error', error });
      return false;
    } finally {
      setSaving(false);
    }
  }, []);

  const clear = useCallback(() => setResult(null), []);
  return { saving, result, run, clear };
}
