import { defineModule } from '../module';
import { botConsoleRoutes, botRoutes } from './bot.routes';

/** The help-centre answer bot and its console review. */
export const botModule = defineModule({
  name: 'bot',
  routes: [
    { plugin: botRoutes, prefix: '/api/v1/bot' },
    { plugin: botConsoleRoutes, prefix: '/api/v1/console/kb' },
  ],
});
