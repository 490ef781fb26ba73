import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../../api/session';
import { fetchLeafForm } from '../../api/requests';
import type { CatalogNode, FiledTicket, LeafForm } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useSearchParam } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { Breadcrumbs } from './Breadcrumbs';
import { trailHref } from './catalogPath';
import { ConfirmationScreen } from './ConfirmationScreen';
import { DeflectedScreen } from './DeflectedScreen';
import { OfferStep } from './OfferStep';
import { RequestForm } from './RequestForm';
import { useRequestDraft } from './useRequestDraft';
import { useWalletPrefill } from './useWalletPrefill';
import { clearHandover, readHandover, valuesForForm } from '../payments/handover';
import { CHECK_FIRST, WizardCheck } from '../payments/WizardCheck';

type Props = { base: string; trail: CatalogNode[] };

type Outcome =
  { kind: 'deflected' } | { kind: 'filed'; ticket: FiledTicket; email: string | null; review: LeafForm['expectedReview'] | null };

/**
 * A leaf of the catalogue: first the answers that may already help (`?step` absent), then the
 * form (`?step=form`), then the end screen (`?step=sent` / `?step=thanks`). On the "payment did
 * not arrive" leaves the payment check comes first (`?step` absent) and the answers at `?step=offer`.
 */
export function LeafFlow({ base, trail }: Props) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const leaf = trail[trail.length - 1] as CatalogNode;
  const leafHref = trailHref(base, trail);
  const step = useSearchParam('step');
  const load = useCallback(() => fetchLeafForm(leaf.id, locale), [leaf.id, locale]);
  const { loaded, reload } = useApiQuery('portal.contact.LeafFlow', `${leaf.id}:${locale}`, load);
  const me = session.status === 'signed-in' && session.me.kind === 'customer' ? session.me : null;
  const draft = useRequestDraft(me?.user.replyChannel ?? 'email');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Data carried over from the payment check («Проверить платёж»), once the form is known.
  const [handover] = useState(readHandover);
  const handedOver = useRef(false);
  const { setValue } = draft;
  useEffect(() => {
    if (!handover || handedOver.current || loaded.status !== 'ready') return;
    handedOver.current = true;
    const own = valuesForForm(
      handover,
      loaded.data.form.fields.map((f) => f.key),
    );
    for (const [key, value] of Object.entries(own)) setValue(key, value);
    clearHandover();
  }, [handover, loaded, setValue]);
  const wallets = useWalletPrefill(me?.user.id ?? null, loaded.status === 'ready' ? loaded.data.form : null, draft);

  if (outcome?.kind === 'filed' && step === 'sent') {
    return <ConfirmationScreen ticket={outcome.ticket} email={outcome.email} base={base} review={outcome.review} />;
  }
  if (outcome?.kind === 'deflected' && step === 'thanks') return <DeflectedScreen base={base} />;

  if (loaded.status === 'loading') return <PageLoading />;
  const crumbs = <Breadcrumbs base={base} trail={trail} rootLabel={t('portal.contact.allTopics')} linkLast={step === 'form'} />;
  if (loaded.status === 'error') {
    return (
      <div className="container page">
        {crumbs}
        <Alert tone="error">{describeError(loaded.error, t)}</Alert>
        <button type="button" className="button button--ghost page__retry" onClick={reload}>
          {t('portal.common.retry')}
        </button>
      </div>
    );
  }

  return (
    <div className="container page page--narrow">
      {crumbs}
      {step === 'form' ? (
        <RequestForm
          leaf={loaded.data}
          draft={draft}
          me={me}
          wallets={wallets}
          onFiled={(ticket, email) => {
            draft.reset();
            setOutcome({ kind: 'filed', ticket, email, review: loaded.data.expectedReview });
            navigate(`${leafHref}?step=sent`, { replace: true });
          }}
        />
      ) : CHECK_FIRST.has(leaf.slug) && step !== 'offer' ? (
        <WizardCheck
          slug={leaf.slug}
          leaf={loaded.data}
          onWrite={(values) => {
            for (const [key, value] of Object.entries(values)) setValue(key, value);
            navigate(`${leafHref}?step=form`);
          }}
          onResolved={() => {
            setOutcome({ kind: 'deflected' });
            navigate(`${leafHref}?step=thanks`);
          }}
          onSkip={() => navigate(`${leafHref}?step=offer`)}
        />
      ) : (
        <OfferStep
          leaf={loaded.data}
          subject={draft.subject}
          onSubjectChange={draft.setSubject}
          onDeflected={() => {
            setOutcome({ kind: 'deflected' });
            navigate(`${leafHref}?step=thanks`);
          }}
          onContinue={() => navigate(`${leafHref}?step=form`)}
        />
      )}
    </div>
  );
}
