import type { LeafForm } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';
import type { DraftValues } from '../contact/formDraft';
import { CHECK_LEAVES, formValuesFromCheck, valuesForForm } from './handover';
import { emptyDraft, PaymentCheck } from './PaymentCheck';

/** The wizard's leaves that start with the payment check ("payment did not arrive"). */
export const CHECK_FIRST: ReadonlySet<string> = new Set(Object.values(CHECK_LEAVES));

type Props = {
  slug: string;
  leaf: LeafForm;
  /** On to the form, its fields filled from the check. */
  onWrite: (values: DraftValues) => void;
  onResolved: () => void;
  onSkip: () => void;
};

/**
 * The payment check as the wizard's first step on a "payment did not arrive" leaf: found done or
 * processing answers without a request (counted with the leaf); otherwise the entered data go
 * into the form's fields.
 */
export function WizardCheck({ slug, leaf, onWrite, onResolved, onSkip }: Props) {
  const t = useT();
  const keys = leaf.form.fields.map((f) => f.key);
  return (
    <section className="wizard-check" aria-labelledby="wizard-check-title">
      <header className="page__head">
        <h1 id="wizard-check-title" className="page__title">
          {t('payments.wizard.title')}
        </h1>
        <p className="page__lead">{t('payments.wizard.lead')}</p>
      </header>
      <PaymentCheck
        source="wizard"
        categoryId={leaf.categoryId}
        initial={emptyDraft(slug === CHECK_LEAVES.withoutReceipt ? 'terminal' : 'receipt')}
        onWrite={(draft, result) =>
          onWrite(
            valuesForForm(
              formValuesFromCheck(draft, result ? t('payments.handover.description', { status: result.statusText }) : ''),
              keys,
            ),
          )
        }
        onResolved={onResolved}
      />
      <button type="button" className="button button--ghost wizard-check__skip" onClick={onSkip}>
        {t('payments.wizard.skip')}
      </button>
    </section>
  );
}
