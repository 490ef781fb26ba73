import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { defineModule } from '../module';
import { kbArticleRoutes } from './kb.articles.routes';
import { kbConsoleRoutes } from './kb.console.routes';
import { KB_ISSUE_TEXTS } from './kb.issues';
import { announceKbChange, listenForKbChanges } from './kb.memory.changes';
import { pruneViewMarks } from './kb.public.service';
import { kbRoutes } from './kb.routes';
import { indexArticle, indexMissing } from './kb.search';
import { kbAdminRoutes } from './kb.synonyms.routes';

/** The help centre: articles, their search index, synonyms; its authoring in the console. */
export const kbModule = defineModule({
  name: 'kb',
  issueTexts: KB_ISSUE_TEXTS,
  routes: [
    { plugin: kbRoutes, prefix: '/api/v1/kb' },
    { plugin: kbArticleRoutes, prefix: '/api/v1/kb' },
    { plugin: kbConsoleRoutes, prefix: '/api/v1/console/kb' },
    { plugin: kbAdminRoutes, prefix: '/api/v1/console/admin/kb' },
  ],
  background(ctx) {
    listenForKbChanges(ctx.bus);
    // Help-centre search: an article variant created, edited, reverted, (un)published or deleted.
    ctx.outbox.on('kb.article_saved', 'kb.index', async (event) => {
      await indexArticle(ctx.db, event.aggregateId);
      await announceKbChange(ctx.bus);
    });
    const pruneJob = defineJob({
      name: 'kb.prune-views',
      schema: z.object({}).passthrough(),
      async handler() {
        await pruneViewMarks(ctx.db);
      },
    });
    // Hourly: forget help-centre view marks older than the dedupe window.
    return { jobs: [pruneJob], schedules: [{ job: pruneJob, cron: '41 * * * *' }] };
  },
  async start(ctx) {
    // Articles saved while no process indexed them (or before the index existed).
    const indexed = await indexMissing(ctx.db);
    if (indexed > 0) ctx.logger.info({ indexed }, 'help-centre search index filled in');
    return { close: async () => undefined };
  },
});
