import { useCallback } from 'react';
import { useLoader } from '../../../ui/useLoader';
import { fetchDepartments, fetchSla } from '../api';
import type { Department, SlaPolicy } from '../api';

export type Reference = { departments: Department[]; policies: SlaPolicy[] };

/** Departments and SLA policies, for the pickers of routing and scope. */
export function useReference() {
  const load = useCallback(async (signal: AbortSignal): Promise<Reference> => {
    const [departments, sla] = await Promise.all([fetchDepartments(signal), fetchSla(signal)]);
    return { departments, policies: sla.policies };
  }, []);
  return useLoader<Reference>('reference', load);
}
