import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from './api.ts';

export type Resource<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'failed'; data: T | null; message: string };

/**
 * Loads data for a page on mount, with a reload. Only the latest request may set the state, so a
 * slow reply never overwrites a newer one or lands after unmount. `load` must be a stable function.
 */
export function useResource<T>(load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading', data: null });
  const latest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latest.current;
    setResource((previous) => ({ status: 'loading', data: previous.data }));
    load().then(
      (data) => {
        if (request === latest.current) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setResource((previous) => ({ status: 'failed', data: previous.data, message: describeError(error) }));
      },
    );
  }, [load]);

  useEffect(() => {
    reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  return { ...resource, reload };
}
