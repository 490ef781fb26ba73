import type { AppContext } from '../../context';
import { AppError } from '../../errors';

/** Ready when the database answers: `SELECT 1` on this process's handle (pool or embedded). */
export async function readiness(ctx: AppContext): Promise<{ status: 'ready'; engine: string }> {
  try {
    await ctx.handle.query('SELECT 1');
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', { component: 'database' });
  }
  return { status: 'ready', engine: ctx.handle.engine };
}
