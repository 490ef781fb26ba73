import { Suspense, lazy } from 'react';
import type { Me } from '../../api/auth';
import { PageLoading } from '../../ui/PageLoading';

export { isAdminPath } from './access';

// The admin section is its own chunk: operators never download it.
const AdminApp = lazy(() => import('./AdminApp').then((m) => ({ default: m.AdminApp })));

/** `/console/admin` and `/console/admin/*` for a signed-in staff member. */
export function AdminRoute({ me }: { me: Me }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <AdminApp me={me} />
    </Suspense>
  );
}
