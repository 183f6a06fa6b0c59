import { signOutAction } from '@/lib/web/signout-action';

/** Sign-out: a form posting to the sign-out action; works without JavaScript, ships none. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">
        {label}
      </button>
    </form>
  );
}
