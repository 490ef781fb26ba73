import { useCallback } from 'react';
import { fetchCatalog } from '../../api/requests';
import type { Audience } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';
import { Link, usePathname } from '../../router';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errorMessage';
import { PageLoading } from '../../ui/PageLoading';
import { useApiQuery } from '../../api/query';
import { Breadcrumbs } from './Breadcrumbs';
import { CatalogLevel } from './CatalogLevel';
import { contactBase, resolveSlugs, slugsFromPath } from './catalogPath';
import { LeafFlow } from './LeafFlow';

/**
 * The contact-support wizard: topic by topic through the catalogue (the URL names the current
 * node, so back / forward work), then at a leaf the suggested answers and the form.
 */
export function ContactPage({ audience }: { audience: Audience }) {
  const t = useT();
  const path = usePathname();
  const base = contactBase(audience);
  const load = useCallback(() => fetchCatalog(audience), [audience]);
  const { loaded, reload } = useApiQuery('portal.contact.ContactPage', audience, load);

  const title = audience === 'agent' ? t('portal.contact.agentTitle') : t('portal.contact.title');

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'error') {
    return (
      <div className="container page">
        <h1 className="page__title">{title}</h1>
        <Alert tone="error">{describeError(loaded.error, t)}</Alert>
        <button type="button" className="button button--ghost" onClick={reload}>
          {t('portal.common.retry')}
        </button>
      </div>
    );
  }

  const resolved = resolveSlugs(loaded.data, slugsFromPath(path, base));
  if (!resolved.found) {
    return (
      <div className="container page">
        <h1 className="page__title">{t('portal.contact.unknownTitle')}</h1>
        <p className="page__lead">{t('portal.contact.unknownText')}</p>
        <Link href={base} className="button button--primary">
          {t('portal.contact.allTopics')}
        </Link>
      </div>
    );
  }

  const { trail } = resolved;
  const node = trail[trail.length - 1];
  if (node?.isLeaf) return <LeafFlow key={node.id} base={base} trail={trail} />;

  return (
    <div className="container page">
      <Breadcrumbs base={base} trail={trail} rootLabel={t('portal.contact.allTopics')} />
      <CatalogLevel audience={audience} base={base} trail={trail} nodes={node ? node.children : loaded.data} title={title} />
    </div>
  );
}
