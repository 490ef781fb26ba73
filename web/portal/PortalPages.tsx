import { useParams } from 'react-router';
import type { HelpAudience } from '../api/kb';
import type { Audience } from '../api/requests';
import { ContactPage } from './contact/ContactPage';
import { ArticlePage } from './help/ArticlePage';
import { helpBase } from './help/helpPaths';
import { HelpHome } from './help/HelpHome';
import { SearchPage } from './help/SearchPage';
import { SectionPage } from './help/SectionPage';
import { RequestPage } from './requests/RequestPage';
import { WikiEditPage } from './wiki/WikiEditPage';
import { WikiHistoryPage, WikiPageView, WikiRevisionPage } from './wiki/WikiPageView';

// The portal's pages that take their subject from the URL (react-router's params): each is
// keyed by it, so going from one article or request to another starts the page afresh.

const param = (value: string | undefined) => value ?? '';

export function HelpHomeRoute({ audience }: { audience: HelpAudience }) {
  return <HelpHome base={helpBase(audience)} audience={audience} />;
}

export function HelpSearchRoute({ audience }: { audience: HelpAudience }) {
  return <SearchPage base={helpBase(audience)} audience={audience} />;
}

export function HelpSectionRoute({ audience }: { audience: HelpAudience }) {
  const slug = param(useParams().slug);
  return <SectionPage key={slug} slug={slug} base={helpBase(audience)} audience={audience} />;
}

export function HelpArticleRoute({ audience }: { audience: HelpAudience }) {
  const slug = param(useParams().slug);
  return <ArticlePage key={slug} slug={slug} base={helpBase(audience)} audience={audience} />;
}

export function ContactRoute({ audience }: { audience: Audience }) {
  return <ContactPage audience={audience} />;
}

export function RequestRoute() {
  const number = param(useParams().number);
  return <RequestPage key={number} number={number} />;
}

export function WikiPageRoute() {
  const slug = param(useParams().slug);
  return <WikiPageView key={slug} slug={slug} />;
}

export function WikiEditRoute() {
  const slug = param(useParams().slug);
  return <WikiEditPage key={slug} slug={slug} />;
}

export function WikiHistoryRoute() {
  const slug = param(useParams().slug);
  return <WikiHistoryPage key={slug} slug={slug} />;
}

export function WikiRevisionRoute() {
  const { slug = '', number = '' } = useParams();
  return <WikiRevisionPage key={`${slug}:${number}`} slug={slug} number={Number(number)} />;
}
