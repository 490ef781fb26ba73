import type { FastifyRequest } from 'fastify';
import { requireStaff } from '../../platform/auth/guards';

/**
 * Categories and their forms are edited by admins only (`config: { staff: ADMINS }` on the route);
 * supervisors read the editor (inactive nodes, routing, forms) without changing anything
 * (`SUPERVISORS`). The roles are checked before validation (platform/auth/access.ts).
 */
export function requireCatalogAdmin(request: FastifyRequest) {
  return requireStaff(request);
}

export function requireCatalogReader(request: FastifyRequest) {
  return requireStaff(request);
}
