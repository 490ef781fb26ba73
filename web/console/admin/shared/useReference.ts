import { useCallback } from 'react';
import { useApiQuery } from '../../../api/query';
import { fetchDepartments, fetchSla } from '../api';
import type { Department, SlaPolicy } from '../api';

export type Reference = { departments: Department[]; policies: SlaPolicy[] };

/** Departments and SLA policies, for the pickers of routing and scope. */
export function useReference() {
  const load = useCallback(async (signal: AbortSignal): Promise<Reference> => {
    const [departments, sla] = await Promise.all([fetchDepartments(signal), fetchSla(signal)]);
    return { departments, policies: sla.policies };
  }, []);
  return useApiQuery<Reference>('console.admin.reference', 'all', load);
}
