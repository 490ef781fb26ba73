import { z } from 'zod';
import { l10nInput } from './l10n';

const l10n = (max: number) => l10nInput(max);
const optionalL10n = (max: number) => l10nInput(max, { optional: true });

/** How the company presents itself in mail and on the portal. */
export const brandingSchema = z.object({
  productName: z.string().trim().min(1).max(80),
  legalName: z.string().trim().min(1).max(160),
  /** An absolute https URL or a path on this site; null: the text logo. */
  logoUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^(https:\/\/|\/)[^\s<>"']*$/, 'https URL or a path starting with /')
    .nullable(),
  /** Footer of every mail and the portal: a line or two. */
  footer: optionalL10n(500),
});
export type Branding = z.infer<typeof brandingSchema>;

export const HOTLINE_AUDIENCES = ['customers', 'terminals', 'agents', 'city'] as const;
export const EMAIL_AUDIENCES = ['customer', 'agent', 'all'] as const;
export type HotlineAudience = (typeof HOTLINE_AUDIENCES)[number];
export const SOCIAL_NETWORKS = ['telegram', 'vk', 'ok', 'facebook', 'instagram', 'x', 'youtube'] as const;

/** The contacts page: hotlines by audience, addresses by case, the office, social networks. */
export const contactsSchema = z.object({
  hotlines: z
    .array(
      z.object({
        audience: z.enum(HOTLINE_AUDIENCES),
        label: l10n(120),
        /** As printed, e.g. "8 800 000-00-01". */
        display: z.string().trim().min(3).max(40),
        /** For the tel: link: + and digits. */
        tel: z
          .string()
          .trim()
          // The text by code, in the reader's language: server/issues.ts.
          .regex(/^\+?\d{5,15}$/, 'settings.phone_digits'),
        hours: optionalL10n(120),
        free: z.boolean(),
      }),
    )
    .max(20),
  emails: z
    .array(
      z.object({
        topic: l10n(160),
        address: z.string().trim().email().max(200),
        audience: z.enum(EMAIL_AUDIENCES),
      }),
    )
    .max(20),
  office: z.object({ address: optionalL10n(300), hours: optionalL10n(200) }).nullable(),
  social: z
    .array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: z.string().trim().url().startsWith('https://').max(300) }))
    .max(10),
});
export type Contacts = z.infer<typeof contactsSchema>;

/** The members' wiki: the level needed to edit directly, and to propose an edit (S4). */
export const wikiSettingsSchema = z
  .object({
    editLevel: z.number().int().min(1).max(4),
    proposeLevel: z.number().int().min(0).max(4),
  })
  .refine((v) => v.proposeLevel <= v.editLevel, {
    path: ['proposeLevel'],
    message: 'settings.propose_above_edit',
  });
export type WikiSettings = z.infer<typeof wikiSettingsSchema>;

export const SETTING_SCHEMAS = { branding: brandingSchema, contacts: contactsSchema, wiki: wikiSettingsSchema } as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];
