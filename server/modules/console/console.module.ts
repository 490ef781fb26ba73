import { defineModule } from '../module';
import { CONSOLE_ISSUE_TEXTS } from './console.issues';
import { consoleRoomRules } from './console.rooms';
import { consoleRoutes } from './console.routes';

/** The staff console: queues, the request workspace and the actions on it; its realtime rooms. */
export const consoleModule = defineModule({
  name: 'console',
  routes: [{ plugin: consoleRoutes, prefix: '/api/v1/console' }],
  rooms: consoleRoomRules,
  issueTexts: CONSOLE_ISSUE_TEXTS,
});
