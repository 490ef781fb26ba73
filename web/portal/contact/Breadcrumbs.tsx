import type { CatalogNode } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { trailHref } from './catalogPath';

type Props = {
  base: string;
  trail: CatalogNode[];
  rootLabel: string;
  /** Link the last item too (e.g. from the form back to the leaf's suggestions). */
  linkLast?: boolean;
};

/** "All topics › Terminals › Payment not credited": every step but the current one is a link. */
export function Breadcrumbs({ base, trail, rootLabel, linkLast = false }: Props) {
  const t = useT();
  const l = useLocalize();
  if (trail.length === 0) return null;
  return (
    <nav className="breadcrumbs" aria-label={t('portal.contact.breadcrumbs')}>
      <ol className="breadcrumbs__list">
        <li>
          <Link href={base}>{rootLabel}</Link>
        </li>
        {trail.map((node, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={node.id}>
              {last && !linkLast ? (
                <span aria-current="page">{l(node.name)}</span>
              ) : (
                <Link href={trailHref(base, trail.slice(0, i + 1))}>{l(node.name)}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
