import { forbidden } from 'next/navigation';
import { ForbiddenError } from '@/lib/domain/policy';

/** Runs a data read; a ForbiddenError from the policy becomes the 403 page. */
export async function loadOrForbid<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    throw e;
  }
}
