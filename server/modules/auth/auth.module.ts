import { defineModule } from '../module';
import { authRoutes } from './auth.routes';

/** Sign-in, sign-out, sessions and the signed-in person. */
export const authModule = defineModule({ name: 'auth', routes: [{ plugin: authRoutes, prefix: '/api/v1/auth' }] });
