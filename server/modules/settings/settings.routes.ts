import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SETTING_KEYS,
  SETTING_SCHEMAS,
  brandingSchema,
  contactsSchema,
  wikiSettingsSchema,
  type SettingKey,
} from '../../../common/settings';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { ADMINS, SUPERVISORS } from '../../platform/auth/access';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { getSettings, putSetting, resetSetting, storedKeys } from './settings.service';
import { zodIssues } from '../../issues';

const keyParams = z.object({ key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]) });
const anySetting = z.union([brandingSchema, contactsSchema, wikiSettingsSchema]);

/** Public: what the portal shows (branding, contacts). Nothing here is secret. */
export function publicSettingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public',
      {
        schema: {
          tags: ['settings'],
          summary: 'Branding and contacts for the portal',
          response: { 200: z.object({ branding: brandingSchema, contacts: contactsSchema }) },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return getSettings(ctx.db, ['branding', 'contacts'] as const);
      },
    );
  };
}

/** Admin: read every setting (supervisors too), replace or reset one (admins). Audited. */
export function adminSettingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    app.get(
      '/',
      {
        config: { staff: SUPERVISORS },
        schema: {
          tags,
          summary: 'All settings with whether each is still the default',
          response: {
            200: z.object({
              branding: brandingSchema,
              contacts: contactsSchema,
              wiki: wikiSettingsSchema,
              customised: z.array(z.string()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireStaff(request);
        const values = await getSettings(ctx.db, SETTING_KEYS);
        return { ...values, customised: [...(await storedKeys(ctx.db))] };
      },
    );
    app.put(
      '/:key',
      {
        config: { staff: ADMINS },
        schema: {
          tags,
          summary: 'Replace one setting',
          params: keyParams,
          body: anySetting,
          response: { 200: anySetting, ...errorResponses },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        const { key } = request.params;
        // The union accepted the body; check it against this key's own schema so a contacts
        // body cannot be stored as branding.
        const schema = SETTING_SCHEMAS[key];
        const parsed = schema.safeParse(request.body);
        if (!parsed.success) {
          throw new AppError('VALIDATION_FAILED', {
            issues: zodIssues(parsed.error.issues, ['body']),
          });
        }
        return putSetting(ctx, { key, value: parsed.data, actorId: staff.id, meta: requestMeta(request) });
      },
    );
    app.delete(
      '/:key',
      {
        config: { staff: ADMINS },
        schema: {
          tags,
          summary: 'Reset one setting to its default',
          params: keyParams,
          response: { 200: anySetting, ...errorResponses },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        return resetSetting(ctx, { key: request.params.key, actorId: staff.id, meta: requestMeta(request) });
      },
    );
  };
}
