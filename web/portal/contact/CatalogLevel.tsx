import type { Audience, CatalogNode } from '../../api/requests';
import { useT } from '../../i18n/I18nProvider';
import { useLocalize } from '../../i18n/useLocalize';
import { Link } from '../../router';
import { useHotlines } from '../contacts/useContacts';
import { contactBase, trailHref } from './catalogPath';

type Props = { audience: Audience; base: string; trail: CatalogNode[]; nodes: CatalogNode[]; title: string };

/** One level of the catalogue: a card per topic with its name and what it covers. */
export function CatalogLevel({ audience, base, trail, nodes, title }: Props) {
  const t = useT();
  const l = useLocalize();
  const current = trail[trail.length - 1];
  const [agentLine] = useHotlines(['agents']);
  return (
    <>
      <header className="page__head">
        <h1 className="page__title">{current ? l(current.name) : title}</h1>
        <p className="page__lead">{current ? t('portal.contact.pickSubtopic') : t('portal.contact.lead')}</p>
      </header>
      {nodes.length === 0 ? (
        <p className="page__lead">{t('portal.contact.emptyLevel')}</p>
      ) : (
        <ul className="topic-cards">
          {nodes.map((node) => (
            <li key={node.id}>
              <Link className="topic-card" href={trailHref(base, [...trail, node])}>
                <span className="topic-card__name">{l(node.name)}</span>
                {l(node.hint) && <span className="topic-card__hint">{l(node.hint)}</span>}
                <span className="topic-card__arrow" aria-hidden="true">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {!current && audience === 'agent' && agentLine && (
        <p className="page__aside">
          {t('portal.contact.agentHotline')}{' '}
          <a className="page__phone" href={`tel:${agentLine.tel}`}>
            {agentLine.display}
          </a>
        </p>
      )}
      {!current && (
        <p className="page__aside">
          {audience === 'agent' ? (
            <Link href={contactBase('customer')}>{t('portal.contact.toCustomers')}</Link>
          ) : (
            <Link href={contactBase('agent')}>{t('portal.contact.toAgents')}</Link>
          )}
        </p>
      )}
    </>
  );
}
