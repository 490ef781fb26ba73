import { defineModule } from '../module';
import { adminMailRoutes } from './mail.routes';

/**
 * Outgoing mail: templates, letters queued in the caller's transaction, and the outgoing log for
 * admins. Incoming letters are the `inbox` module's.
 */
export const mailModule = defineModule({
  name: 'mail',
  routes: [{ plugin: adminMailRoutes, prefix: '/api/v1/console/admin/mail' }],
});
