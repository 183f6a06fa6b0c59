'use client';

import { useActionState, useEffect, useRef, startTransition } from 'react';
import type { ActionResult } from '@/lib/web/action';

/**
 * Runs a server action from a form without React's automatic form reset, so a refused
 * submission keeps what the user typed; the form is cleared only after a success.
 */
export function useFormAction<T>(action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formRef, onSubmit };
}
