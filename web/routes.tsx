import { Outlet, ScrollRestoration, createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import type { ReactNode } from 'react';
import type { HelpAudience } from './api/kb';
import { bindNavigate } from './router';
import { PageLoading } from './ui/PageLoading';

// Every URL of the app. The portal's frame and each page are lazy chunks, so a customer's
// first page downloads only itself; the console (/console/*) is one chunk of its own that
// customers never download. URLs are the ones mail links, bookmarks and journeys use.

const portal = () => import('./portal/PortalPages');
type Pages = Awaited<ReturnType<typeof portal>>;

/** A lazy route whose page is one of PortalPages' components, given fixed props. */
function page<K extends keyof Pages>(name: K, ...props: Parameters<Pages[K]>) {
  return async () => {
    const Page = (await portal())[name] as (p: object) => ReactNode;
    const fixed: object = props[0] ?? {};
    return { Component: () => <Page {...fixed} /> };
  };
}

/** «Проверить платёж» for customers or in the agents' section. */
const paymentCheck = (audience: 'customer' | 'agent') => async () => {
  const { PaymentCheckPage } = await import('./portal/payments/PaymentCheckPage');
  return { Component: () => <PaymentCheckPage audience={audience} /> };
};

const notFound = async () => ({ Component: (await import('./portal/NotFoundPage')).NotFoundPage });

/** /help and /agents/help: home, search, a section (/s/<slug>), an article (/<slug>). */
function help(audience: HelpAudience): RouteObject[] {
  return [
    { index: true, lazy: page('HelpHomeRoute', { audience }) },
    { path: 'search', lazy: page('HelpSearchRoute', { audience }) },
    { path: 's/:slug', lazy: page('HelpSectionRoute', { audience }) },
    { path: ':slug', lazy: page('HelpArticleRoute', { audience }) },
    { path: '*', lazy: notFound },
  ];
}

export const routes: RouteObject[] = [
  {
    element: (
      <>
        <ScrollRestoration />
        <Outlet />
      </>
    ),
    hydrateFallbackElement: <PageLoading />,
    children: [
      { path: '/console/*', lazy: async () => ({ Component: (await import('./console/ConsoleApp')).ConsoleApp }) },
      {
        path: '/',
        lazy: async () => ({ Component: (await import('./portal/PortalApp')).PortalApp }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./portal/HomePage')).HomePage }) },
          { path: 'login', lazy: async () => ({ Component: (await import('./portal/CustomerLoginPage')).CustomerLoginPage }) },
          { path: 'help', children: help('customer') },
          { path: 'agents/help', children: help('agent') },
          { path: 'contact/*', lazy: page('ContactRoute', { audience: 'customer' }) },
          { path: 'agents/contact/*', lazy: page('ContactRoute', { audience: 'agent' }) },
          { path: 'payments/check', lazy: paymentCheck('customer') },
          { path: 'agents/payments/check', lazy: paymentCheck('agent') },
          { path: 'contacts', lazy: async () => ({ Component: (await import('./portal/contacts/ContactsPage')).ContactsPage }) },
          { path: 'notices', lazy: async () => ({ Component: (await import('./portal/notices/NoticesPage')).NoticesPage }) },
          {
            path: 'wiki',
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./portal/wiki/WikiListPage')).WikiListPage }) },
              {
                path: 'mine',
                lazy: async () => ({ Component: (await import('./portal/wiki/WikiEditPage')).WikiMyProposalsPage }),
              },
              { path: ':slug', lazy: page('WikiPageRoute') },
              { path: ':slug/edit', lazy: page('WikiEditRoute') },
              { path: ':slug/history', lazy: page('WikiHistoryRoute') },
              { path: ':slug/revisions/:number', lazy: page('WikiRevisionRoute') },
              { path: '*', lazy: notFound },
            ],
          },
          {
            path: 'requests',
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./portal/requests/RequestsListPage')).RequestsListPage }),
              },
              { path: 'confirm', lazy: async () => ({ Component: (await import('./portal/requests/ConfirmPage')).ConfirmPage }) },
              { path: ':number', lazy: page('RequestRoute') },
              { path: '*', lazy: notFound },
            ],
          },
          { path: '*', lazy: notFound },
        ],
      },
    ],
  },
];

/** The app's router; `navigate()` (web/router.tsx) goes through it. */
export function createAppRouter() {
  const router = createBrowserRouter(routes);
  bindNavigate((to, options) => void router.navigate(to, { replace: Boolean(options?.replace) }));
  return router;
}
