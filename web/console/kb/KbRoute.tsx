import type { Me } from '../../api/auth';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { authorsKb } from '../roles';
import { KB_PATH, type KbView } from '../routes';
import { KbEditorPage } from './KbEditorPage';
import { KbListPage } from './KbListPage';
import { KbUnhelpfulPage } from './KbUnhelpfulPage';

/** The knowledge base in the console: articles (everyone reads), editing and the unhelpful list (authors). */
export function KbRoute({ view, me }: { view: KbView; me: Me }) {
  const t = useT();
  useDocumentTitle(t('kb.title'));
  const author = authorsKb(me);
  return (
    <div className="kb-console">
      <h1 className="queue__title">{t('kb.title')}</h1>
      <nav className="kb-tabs" aria-label={t('kb.title')}>
        <Link
          href={KB_PATH}
          className="button button--ghost button--small"
          aria-current={view.page === 'list' ? 'page' : undefined}
        >
          {t('kb.tab.articles')}
        </Link>
        {author && (
          <>
            <Link
              href={`${KB_PATH}/unhelpful`}
              className="button button--ghost button--small"
              aria-current={view.page === 'unhelpful' ? 'page' : undefined}
            >
              {t('kb.tab.unhelpful')}
            </Link>
            <Link href={`${KB_PATH}/new`} className="button button--primary button--small">
              {t('kb.new')}
            </Link>
          </>
        )}
      </nav>
      {view.page === 'list' && <KbListPage />}
      {view.page === 'unhelpful' && <KbUnhelpfulPage />}
      {view.page === 'new' && <KbEditorPage key="new" id={null} me={me} />}
      {view.page === 'article' && <KbEditorPage key={view.id} id={view.id} me={me} />}
    </div>
  );
}
