import type { Me } from '../../api/auth';
import { displayName } from '../../api/auth';
import type { ReplyChannel } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { Field, RadioGroup, TextField } from '../../ui/fields';
import { CONTACT_IDS } from './useFileRequest';
import type { ContactValues } from './useRequestDraft';

type Props = {
  me: Me | null;
  contact: ContactValues;
  onChange: <K extends keyof ContactValues>(key: K, value: ContactValues[K]) => void;
  onBlur: (key: 'email' | 'name') => void;
  errorFor: (key: string) => string | null;
  /** Where to come back to after signing in. */
  returnTo: string;
};

const CHANNELS: ReplyChannel[] = ['email', 'portal'];

/** Who we answer and how: a guest's e-mail and name, or the signed-in customer; the reply channel. */
export function ContactFields({ me, contact, onChange, onBlur, errorFor, returnTo }: Props) {
  const t = useT();
  return (
    <section className="form-section" aria-labelledby="contact-title">
      <h2 id="contact-title" className="form-section__title">
        {t('portal.form.contactTitle')}
      </h2>
      {me ? (
        <p className="contact-card">
          <span className="contact-card__label">{t('portal.form.signedInAs')}</span> <strong>{displayName(me.user)}</strong>
          {me.user.email && <span className="contact-card__email">{me.user.email}</span>}
        </p>
      ) : (
        <>
          <Field
            id={CONTACT_IDS.email}
            label={t('portal.form.email')}
            required
            error={errorFor('email')}
            hint={t('portal.form.emailHelp')}
          >
            {(ids) => (
              <input
                id={ids.input}
                name="email"
                type="email"
                inputMode="email"
                autoComplete="email"
                className="field__input"
                required
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
                value={contact.email}
                onChange={(e) => onChange('email', e.target.value)}
                onBlur={() => onBlur('email')}
              />
            )}
          </Field>
          <Field id={CONTACT_IDS.name} label={t('portal.form.name')} error={errorFor('name')}>
            {(ids) => (
              <input
                id={ids.input}
                name="name"
                type="text"
                autoComplete="name"
                className="field__input"
                maxLength={100}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
                value={contact.name}
                onChange={(e) => onChange('name', e.target.value)}
                onBlur={() => onBlur('name')}
              />
            )}
          </Field>
          <p className="form-note">
            {t('portal.form.haveAccount')}{' '}
            <Link href={`/login?next=${encodeURIComponent(returnTo)}`}>{t('portal.form.signIn')}</Link>
          </p>
        </>
      )}

      <RadioGroup
        className="choice"
        optionClassName="choice__option"
        legend={t('portal.form.replyChannel')}
        name="replyChannel"
        value={contact.replyChannel}
        onChange={(channel) => onChange('replyChannel', channel)}
        options={CHANNELS.map(
          (channel) =>
            [
              channel,
              <span key={channel}>
                {t(channel === 'portal' && !me ? 'portal.replyChannel.portalGuest' : `portal.replyChannel.${channel}`)}
                <span className="choice__hint">
                  {t(me ? `portal.replyChannel.${channel}Hint` : `portal.replyChannel.${channel}HintGuest`)}
                </span>
              </span>,
            ] as const,
        )}
      />

      {/* A trap for bots: people never see or reach it, so it stays empty. */}
      <div className="honeypot" aria-hidden="true">
        <TextField
          id="contact-website"
          label={t('portal.form.website')}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={contact.website}
          onChange={(e) => onChange('website', e.target.value)}
        />
      </div>
    </section>
  );
}
