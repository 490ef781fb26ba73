import type { Branding, Contacts, SettingKey, SettingValue, WikiSettings } from '../../../common/settings';

// Demo values, fictional but of the seeds' shape (S0–S3): a free customer hotline, a line for
// terminal owners, one for agents, a city number; addresses by case. Admins replace them.
const branding: Branding = {
  productName: 'paydesk',
  legalName: 'ООО «Пэйдеск» (демо)',
  logoUrl: null,
  footer: {
    ru: 'Служба поддержки paydesk · 8 800 000-00-01 (бесплатно по России) · support@paydesk.local',
    uk: 'Служба підтримки paydesk · 8 800 000-00-01 · support@paydesk.local',
    en: 'paydesk support · 8 800 000-00-01 · support@paydesk.local',
  },
};

const allDay = { ru: 'круглосуточно', uk: 'цілодобово', en: '24/7' };
const contacts: Contacts = {
  hotlines: [
    {
      audience: 'customers',
      label: { ru: 'Клиентам кошелька', uk: 'Клієнтам гаманця', en: 'Wallet customers' },
      display: '8 800 000-00-01',
      tel: '+78000000001',
      hours: allDay,
      free: true,
    },
    {
      audience: 'terminals',
      label: { ru: 'Платежи через терминалы', uk: 'Платежі через термінали', en: 'Terminal payments' },
      display: '8 800 000-00-02',
      tel: '+78000000002',
      hours: allDay,
      free: true,
    },
    {
      audience: 'agents',
      label: { ru: 'Агентам и партнёрам', uk: 'Агентам і партнерам', en: 'Agents and partners' },
      display: '8 800 000-00-03',
      tel: '+78000000003',
      hours: { ru: 'пн–пт, 9:00–18:00 (МСК)', uk: 'пн–пт, 9:00–18:00 (МСК)', en: 'Mon–Fri, 9:00–18:00 (Moscow)' },
      free: true,
    },
    {
      audience: 'city',
      label: { ru: 'Городской номер (Москва)', uk: 'Міський номер (Москва)', en: 'City number (Moscow)' },
      display: '+7 495 000-00-04',
      tel: '+74950000004',
      hours: allDay,
      free: false,
    },
  ],
  emails: [
    {
      topic: { ru: 'Вопросы по кошельку', uk: 'Питання щодо гаманця', en: 'Wallet questions' },
      address: 'support@paydesk.local',
      audience: 'customer',
    },
    {
      topic: { ru: 'Платежи через терминалы', uk: 'Платежі через термінали', en: 'Terminal payments' },
      address: 'terminals@paydesk.local',
      audience: 'customer',
    },
    {
      topic: {
        ru: 'Служба безопасности: операции без вашего ведома, взлом',
        uk: 'Служба безпеки: операції без вашого відома, злам',
        en: 'Security service: operations you did not make, hacking',
      },
      address: 'security@paydesk.local',
      audience: 'all',
    },
    {
      topic: { ru: 'Поддержка агентов', uk: 'Підтримка агентів', en: 'Agent support' },
      address: 'agents@paydesk.local',
      audience: 'agent',
    },
  ],
  office: {
    address: {
      ru: 'Москва, ул. Примерная, д. 1 (демо-адрес)',
      uk: 'Москва, вул. Примерная, 1 (демо-адреса)',
      en: '1 Primernaya St, Moscow (demo address)',
    },
    hours: {
      ru: 'пн–пт, 10:00–19:00; приём документов по предварительной записи',
      uk: 'пн–пт, 10:00–19:00; прийом документів за попереднім записом',
      en: 'Mon–Fri, 10:00–19:00; documents by appointment',
    },
  },
  social: [
    { network: 'telegram', url: 'https://t.me/paydesk_demo' },
    { network: 'vk', url: 'https://vk.com/paydesk_demo' },
  ],
};

// Members edit from level 3 (like Discourse's "regular"); from level 1 they may propose.
const wiki: WikiSettings = { editLevel: 3, proposeLevel: 1 };

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = { branding, contacts, wiki };
