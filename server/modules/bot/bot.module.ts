import { defineModule } from '../module';
import { BOT_ISSUE_TEXTS } from './bot.issues';
import { botConsoleRoutes, botRoutes } from './bot.routes';

/** The help-centre answer bot and its console review. */
export const botModule = defineModule({
  name: 'bot',
  routes: [
    { plugin: botRoutes, prefix: '/api/v1/bot' },
    { plugin: botConsoleRoutes, prefix: '/api/v1/console/kb' },
  ],
  issueTexts: BOT_ISSUE_TEXTS,
});
