/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkProductionEnv } = await import('./lib/web/startup-check');
    checkProductionEnv();
  }
}
