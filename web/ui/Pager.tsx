import { useT } from '../i18n/I18nProvider';
import { Link } from '../router';

type PagerProps = { page: number; pages: number } & (
  | { /** Portal lists: each page has its address. */ hrefFor: (page: number) => string }
  | { /** Console tabs: the page lives in the component's state. */ onPage: (page: number) => void }
);

/** "Previous · page X of Y · next" under a paged list; nothing when it all fits on one page. */
export function Pager(props: PagerProps) {
  const t = useT();
  const { page, pages } = props;
  if (pages <= 1) return null;
  const step = (to: number, label: string, enabled: boolean) => {
    if ('hrefFor' in props) return enabled ? <Link href={props.hrefFor(to)}>{label}</Link> : null;
    return (
      <button type="button" className="button button--ghost button--small" disabled={!enabled} onClick={() => props.onPage(to)}>
        {label}
      </button>
    );
  };
  return (
    <nav className="pager" aria-label={t('notices.pager')}>
      {step(page - 1, t('notices.prev'), page > 1)}
      <span>{t('notices.pageOf', { page, pages })}</span>
      {step(page + 1, t('notices.next'), page < pages)}
    </nav>
  );
}
