import { defineModule } from '../module';
import { healthRoutes } from './health.routes';

/** Liveness and readiness probes, at the root (`/healthz`, `/readyz`). */
export const healthModule = defineModule({ name: 'health', routes: [{ plugin: healthRoutes }] });
