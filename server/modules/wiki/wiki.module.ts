import { seedWikiAndNotices } from '../../seed/wiki';
import { defineModule } from '../module';
import { consoleWikiRoutes, wikiRoutes } from './wiki.routes';

/** The community wiki and its moderation; demo: pages, members and service notices. */
export const wikiModule = defineModule({
  name: 'wiki',
  routes: [
    { plugin: wikiRoutes, prefix: '/api/v1/wiki' },
    { plugin: consoleWikiRoutes, prefix: '/api/v1/console/wiki' },
  ],
  demoSeed: (db) => seedWikiAndNotices(db),
});
