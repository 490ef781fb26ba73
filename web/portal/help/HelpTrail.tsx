import type { L10n } from '../../../common/forms/types';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { sectionHref } from './helpPaths';

/** "Help › Wallet › Sign-in": the help centre, then each section down to this page. */
export function HelpTrail({
  base,
  rootLabel,
  trail,
  linkLast,
}: {
  base: string;
  rootLabel: string;
  trail: Array<{ slug: string; name: L10n }>;
  linkLast: boolean;
}) {
  const t = useT();
  const l = useLocalize();
  return (
    <nav className="breadcrumbs" aria-label={t('help.breadcrumbs')}>
      <ol className="breadcrumbs__list">
        <li>
          <Link href={base}>{rootLabel}</Link>
        </li>
        {trail.map((s, i) => (
          <li key={s.slug}>
            {i === trail.length - 1 && !linkLast ? (
              <span aria-current="page">{l(s.name)}</span>
            ) : (
              <Link href={sectionHref(base, s.slug)}>{l(s.name)}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
