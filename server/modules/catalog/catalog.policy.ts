import type { FastifyRequest } from 'fastify';
import { requireStaff } from '../../platform/auth/guards';

/** Categories and their forms are edited by admins only. */
export function requireCatalogAdmin(request: FastifyRequest) {
  return requireStaff(request, ['admin']);
}

/** Supervisors read the editor (inactive nodes, routing, forms) without changing anything. */
export function requireCatalogReader(request: FastifyRequest) {
  return requireStaff(request, ['admin', 'supervisor']);
}
