'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ACCEPT, checkFileSizes } from '@/lib/domain/attachments';

/**
 * A file input that checks the chosen files' sizes in the browser (lib/domain/attachments.ts:
 * by default the largest per-file limit an administrator may set, 25 MB, and 25 MB together; the
 * store checks the limit set) as they are chosen and again on submit, where files over the
 * limit stop the submission before anything is sent and the field shows the message (the
 * attachment store checks the same on the server, e.g. without JavaScript). `error` is the
 * server's message for the field, shown when the browser has nothing to say.
 */
export function FileInput({
  id,
  name,
  multiple,
  describedBy,
  invalid,
  error,
  message,
  className = 'mt-1 block text-sm',
}: {
  id: string;
  name: string;
  multiple?: boolean;
  describedBy?: string;
  invalid?: boolean;
  error?: ReactNode;
  message: (code: string) => string;
  className?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState<string | null>(null);
  const check = () => checkFileSizes(Array.from(ref.current?.files ?? []).map((f) => f.size));

  useEffect(() => {
    const input = ref.current;
    const form = input?.form;
    if (!input || !form) return;
    // Before the form's own (React) submit handler: an oversized file never leaves the browser.
    const onSubmit = (e: Event) => {
      const c = check();
      setCode(c);
      if (c) {
        e.preventDefault();
        e.stopImmediatePropagation();
        input.focus();
      }
    };
    form.addEventListener('submit', onSubmit, { capture: true });
    return () => form.removeEventListener('submit', onSubmit, { capture: true });
  }, []);

  const sizeErrorId = `${id}-size-error`;
  return (
    <>
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        multiple={multiple}
        accept={ACCEPT}
        aria-invalid={code || invalid ? true : undefined}
        aria-describedby={code ? sizeErrorId : describedBy}
        onChange={() => setCode(check())}
        className={className}
      />
      {code ? (
        <p id={sizeErrorId} role="alert" className="mt-1 text-sm text-red-700" data-testid="file-size-error">
          {message(code)}
        </p>
      ) : (
        error
      )}
    </>
  );
}
