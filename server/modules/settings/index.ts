// The site settings' public entry: reading them (and their defaults) from other modules.
export { SETTING_DEFAULTS } from './settings.defaults';
export { getSetting, getSettings } from './settings.service';
