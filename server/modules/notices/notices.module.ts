import { defineModule } from '../module';
import { NOTICES_ISSUE_TEXTS } from './notices.issues';
import { publicNoticeRoutes, staffNoticeRoutes } from './notices.routes';

/** Service notices: the public list and feed, their editing in the console. */
export const noticesModule = defineModule({
  name: 'notices',
  routes: [{ plugin: publicNoticeRoutes }, { plugin: staffNoticeRoutes, prefix: '/api/v1/console/notices' }],
  issueTexts: NOTICES_ISSUE_TEXTS,
});
