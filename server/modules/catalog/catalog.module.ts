import { seedDemoContent } from '../../seed/reference';
import { defineModule } from '../module';
import { CATALOG_ISSUE_TEXTS } from './catalog.issues';
import { catalogRoutes } from './catalog.routes';

/** The request catalogue (categories, their forms and routing); demo: the catalogue and the articles. */
export const catalogModule = defineModule({
  name: 'catalog',
  routes: [{ plugin: catalogRoutes, prefix: '/api/v1/catalog' }],
  issueTexts: CATALOG_ISSUE_TEXTS,
  demoSeed: (db) => seedDemoContent(db),
});
