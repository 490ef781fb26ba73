import { ApiError } from '../../api/client';
import type { Me } from '../../api/auth';
import type { FiledTicket, LeafForm } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { usePathname } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { TextField } from '../../ui/fields';
import { formHeading } from './catalogPath';
import { reviewMessage } from './review';
import { ContactFields } from './ContactFields';
import { FieldInput, type WalletChoice } from './FieldInput';
import { useFileRequest } from './useFileRequest';
import type { RequestDraft } from './useRequestDraft';

type Props = {
  leaf: LeafForm;
  draft: RequestDraft;
  me: Me | null;
  /** The signed-in customer's wallets (useWalletPrefill), offered under wallet fields. */
  wallets?: WalletChoice[];
  onFiled: (ticket: FiledTicket, email: string | null) => void;
};

/** Field types whose value is digits only (spaces allowed): checked as typed. */
const typesDigitsOnly = (type: string) => type === 'terminal_id';

/** The leaf's form with the customer's contact, checked in the browser and filed once per fill. */
export function RequestForm({ leaf, draft, me, wallets, onFiled }: Props) {
  const { t, locale } = useI18n();
  const l = useLocalize();
  const path = usePathname();
  const form = useFileRequest(leaf, draft, me, onFiled);
  const title = leaf.path.length ? formHeading(leaf.path.map((node) => l(node.name))) : t('portal.form.title');
  const review = leaf.expectedReview;

  return (
    <form className="request-form" onSubmit={(e) => void form.submit(e)} noValidate aria-labelledby="request-form-title">
      <header className="page__head">
        <p className="page__eyebrow">{t('portal.form.eyebrow')}</p>
        <h1 id="request-form-title" className="page__title">
          {title}
        </h1>
        <p className="page__lead">{t('portal.form.lead')}</p>
        {review && review.resolutionMinutes > 0 && (
          <p className="request-form__review">{reviewMessage(review, locale, t, 'form')}</p>
        )}
      </header>

      <section className="form-section" aria-labelledby="details-title">
        <h2 id="details-title" className="form-section__title">
          {t('portal.form.detailsTitle')}
        </h2>
        <p className="form-note">{t('portal.form.requiredNote')}</p>
        <TextField
          label={t('portal.form.subject')}
          name="subject"
          value={draft.subject}
          maxLength={200}
          onChange={(e) => draft.setSubject(e.target.value)}
        />
        {form.visible.map((field) => (
          <FieldInput
            key={field.key}
            field={field}
            wallets={wallets}
            value={draft.values[field.key]}
            error={form.errorFor(field.key)}
            onChange={(value) => {
              form.setValue(field.key, value);
              // A letter in a digits-only field is said at once, not after leaving it or sending.
              if (typesDigitsOnly(field.type) && typeof value === 'string' && /[^\d\s]/.test(value)) draft.touch(field.key);
            }}
            onBlur={() => draft.touch(field.key)}
          />
        ))}
      </section>

      <ContactFields
        me={me}
        contact={draft.contact}
        onChange={form.setContact}
        onBlur={(key) => draft.touch(key)}
        errorFor={form.errorFor}
        returnTo={`${path}?step=form`}
      />

      {/* Next to the button the customer just pressed. */}
      {form.failure !== null && (
        <div id="request-form-error" tabIndex={-1}>
          <Alert tone="error">
            {/* A field's own complaint (a refused file, with its name) is shown beside it once; here only a pointer. */}
            {form.failure instanceof ApiError && Object.keys(form.failure.fields).length > 0
              ? t('portal.form.seeFields')
              : describeError(form.failure, t)}
          </Alert>
        </div>
      )}

      <div className="request-form__actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('portal.form.submitting') : t('portal.form.submit')}
        </button>
        {!me && <p className="form-note">{t('portal.form.guestNote')}</p>}
      </div>
    </form>
  );
}
