import { seedDemo } from '../../seed/demo';
import { defineModule } from '../module';
import { staffAdminRoutes } from './staff.routes';
import { STAFF_ISSUE_TEXTS } from './staff.issues';

/** Staff, departments and their members (administration); the demo people (staff and customers). */
export const staffModule = defineModule({
  name: 'staff',
  routes: [{ plugin: staffAdminRoutes, prefix: '/api/v1/console/admin' }],
  issueTexts: STAFF_ISSUE_TEXTS,
  demoSeed: (db) => seedDemo(db),
});
