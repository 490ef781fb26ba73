import type { HotlineAudience } from '../../../common/settings';
import { HOTLINE_AUDIENCES } from '../../../common/settings';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { Icon } from '../../ui/icons';
import { LoadFailed } from '../../ui/LoadFailed';
import { PageLoading } from '../../ui/PageLoading';
import { usePublicSettings } from '../PublicSettings';

const AUDIENCE_TITLE: Record<HotlineAudience, MessageKey> = {
  customers: 'contacts.audience.customers',
  terminals: 'contacts.audience.terminals',
  agents: 'contacts.audience.agents',
  city: 'contacts.audience.city',
};
const EMAIL_AUDIENCE: Record<'customer' | 'agent' | 'all', MessageKey> = {
  customer: 'contacts.emailAudience.customer',
  agent: 'contacts.emailAudience.agent',
  all: 'contacts.emailAudience.all',
};
/** Brand names the same in every language; VK and OK are named in the reader's (catalogue). */
const NETWORK: Record<string, string> = {
  telegram: 'Telegram',
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
};

/** Contacts from the settings admins edit: hotlines by audience, e-mail by case, the office, social networks. */
export function ContactsPage() {
  const t = useT();
  const l = useLocalize();
  const settings = usePublicSettings();
  if (settings.status === 'loading') return <PageLoading />;
  if (settings.status === 'error') {
    return (
      <div className="container page">
        <h1 className="page__title">{t('contacts.title')}</h1>
        <LoadFailed error={settings.error} onRetry={settings.retry} />
      </div>
    );
  }
  const { contacts } = settings.data;
  const groups = HOTLINE_AUDIENCES.map((audience) => ({
    audience,
    lines: contacts.hotlines.filter((h) => h.audience === audience),
  })).filter((g) => g.lines.length > 0);
  return (
    <div className="container page contacts">
      <header className="page__head">
        <h1 className="page__title">{t('contacts.title')}</h1>
        <p className="page__lead">
          {t('contacts.lead')} <Link href="/contact">{t('contacts.writeUs')}</Link>
        </p>
      </header>

      <section className="contacts__section" aria-labelledby="contacts-phones">
        <h2 id="contacts-phones" className="contacts__heading">
          <Icon name="phone" className="icon--inline" /> {t('contacts.phones')}
        </h2>
        {groups.length === 0 ? (
          <p className="contacts__empty">{t('contacts.noPhones')}</p>
        ) : (
          <div className="contacts__grid">
            {groups.flatMap((g) =>
              g.lines.map((line) => {
                const audience = t(AUDIENCE_TITLE[g.audience]);
                const label = l(line.label);
                // The label usually is the audience's name («Клиентам кошелька»): said once, then.
                const same = !label || label.toLocaleLowerCase().startsWith(audience.toLocaleLowerCase());
                return (
                  <div key={`${g.audience}-${line.tel}`} className="contacts__card">
                    {!same && <p className="contacts__card-title">{audience}</p>}
                    <h3 className="contacts__label">{label || audience}</h3>
                    <a className="contacts__phone" href={`tel:${line.tel}`}>
                      {line.display}
                    </a>
                    <p className="contacts__meta">
                      {[l(line.hours), line.free ? t('contacts.free') : ''].filter(Boolean).join(' · ')}
                    </p>
                  </div>
                );
              }),
            )}
          </div>
        )}
        <p className="contacts__note">
          <Icon name="shield" className="icon--inline" /> {t('portal.hotline.security')}
        </p>
      </section>

      <section className="contacts__section" aria-labelledby="contacts-mail">
        <h2 id="contacts-mail" className="contacts__heading">
          {t('contacts.emails')}
        </h2>
        {contacts.emails.length === 0 ? (
          <p className="contacts__empty">{t('contacts.noEmails')}</p>
        ) : (
          <table className="contacts__table">
            <thead>
              <tr>
                <th scope="col">{t('contacts.emailTopic')}</th>
                <th scope="col">{t('contacts.emailAddress')}</th>
                <th scope="col">{t('contacts.emailFor')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.emails.map((e) => (
                <tr key={`${e.address}-${l(e.topic)}`}>
                  <td>{l(e.topic)}</td>
                  <td>
                    <a href={`mailto:${e.address}`}>{e.address}</a>
                  </td>
                  <td>{t(EMAIL_AUDIENCE[e.audience])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {contacts.office && (l(contacts.office.address) || l(contacts.office.hours)) && (
        <section className="contacts__section" aria-labelledby="contacts-office">
          <h2 id="contacts-office" className="contacts__heading">
            {t('contacts.office')}
          </h2>
          <address className="contacts__office">
            {l(contacts.office.address) && <p>{l(contacts.office.address)}</p>}
            {l(contacts.office.hours) && (
              <p>
                <Icon name="clock" className="icon--inline" /> {l(contacts.office.hours)}
              </p>
            )}
          </address>
        </section>
      )}

      {contacts.social.length > 0 && (
        <section className="contacts__section" aria-labelledby="contacts-social">
          <h2 id="contacts-social" className="contacts__heading">
            {t('contacts.social')}
          </h2>
          <ul className="contacts__social">
            {contacts.social.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer" className="button button--ghost button--small">
                  {s.network === 'vk' || s.network === 'ok'
                    ? t(`contacts.network.${s.network}`)
                    : (NETWORK[s.network] ?? s.network)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
