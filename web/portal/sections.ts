import type { MessageKey } from '../i18n/catalogues';
import type { IconName } from '../ui/icons';

export type PortalSection = {
  /** Anchor id on the home page; later the section's own path. */
  id: string;
  title: MessageKey;
  text: MessageKey;
  icon: IconName;
  /** The section's page once it exists; sections without one are marked "soon". */
  href?: string;
};

/** The sections of the help centre, in the order of the main menu. */
export const PORTAL_SECTIONS: readonly PortalSection[] = [
  { id: 'help', title: 'portal.nav.help', text: 'portal.home.help.text', icon: 'help', href: '/help' },
  { id: 'contact', title: 'portal.nav.contact', text: 'portal.home.contact.text', icon: 'chat', href: '/contact' },
  { id: 'requests', title: 'portal.nav.requests', text: 'portal.home.requests.text', icon: 'inbox', href: '/requests' },
  {
    id: 'payment-check',
    title: 'portal.nav.paymentCheck',
    text: 'portal.home.paymentCheck.text',
    icon: 'receipt',
    href: '/payments/check',
  },
  { id: 'wiki', title: 'portal.nav.wiki', text: 'portal.home.wiki.text', icon: 'help', href: '/wiki' },
  { id: 'contacts', title: 'portal.nav.contacts', text: 'portal.home.contacts.text', icon: 'phone', href: '/contacts' },
];
