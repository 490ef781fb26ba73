import { defineModule } from '../module';
import { SETTINGS_ISSUE_TEXTS } from './settings.issues';
import { adminSettingsRoutes, publicSettingsRoutes } from './settings.routes';

/** The site settings (contacts, hours, branding): read by everyone, edited by admins. */
export const settingsModule = defineModule({
  name: 'settings',
  routes: [
    { plugin: publicSettingsRoutes, prefix: '/api/v1/settings' },
    { plugin: adminSettingsRoutes, prefix: '/api/v1/console/admin/settings' },
  ],
  issueTexts: SETTINGS_ISSUE_TEXTS,
});
