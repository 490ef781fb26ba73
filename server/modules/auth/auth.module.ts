import { defineModule } from '../module';
import { SESSIONS_PURGE_CRON, sessionsPurgeJob } from './auth.jobs';
import { authRoutes } from './auth.routes';

/** Sign-in, sign-out, sessions and the signed-in person; expired sessions purged hourly. */
export const authModule = defineModule({
  name: 'auth',
  routes: [{ plugin: authRoutes, prefix: '/api/v1/auth' }],
  background(ctx) {
    const purgeJob = sessionsPurgeJob(ctx.db);
    return { jobs: [purgeJob], schedules: [{ job: purgeJob, cron: SESSIONS_PURGE_CRON }] };
  },
});
