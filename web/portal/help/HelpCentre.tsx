import type { HelpAudience } from '../../api/kb';
import { usePathname } from '../../router';
import { NotFoundPage } from '../NotFoundPage';
import { ArticlePage } from './ArticlePage';
import { HelpHome } from './HelpHome';
import { helpBase, helpRoute } from './helpPaths';
import { SearchPage } from './SearchPage';
import { SectionPage } from './SectionPage';

/** The help centre of an audience: home, search results, a section, an article. */
export function HelpCentre({ audience }: { audience: HelpAudience }) {
  const path = usePathname();
  const base = helpBase(audience);
  const route = helpRoute(path, base);
  const props = { base, audience };
  switch (route.kind) {
    case 'home':
      return <HelpHome {...props} />;
    case 'search':
      return <SearchPage {...props} />;
    case 'section':
      return <SectionPage key={route.slug} slug={route.slug} {...props} />;
    case 'article':
      return <ArticlePage key={route.slug} slug={route.slug} {...props} />;
    case 'unknown':
      return <NotFoundPage />;
  }
}
