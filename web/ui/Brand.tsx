import { Link } from '../router';
import { useT } from '../i18n/I18nProvider';

/** The paydesk logo mark and word mark, linking home. */
export function Brand({ href, label, suffix }: { href: string; label: string; suffix?: string }) {
  const t = useT();
  return (
    <Link href={href} className="brand" aria-label={label}>
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path
          d="M10 23V9h7a5 5 0 0 1 0 10h-7"
          fill="none"
          stroke="#fff"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="brand__name">{t('brand.name')}</span>
      {suffix && <span className="brand__suffix">{suffix}</span>}
    </Link>
  );
}
