import type { L10n } from '../../../common/forms/types';
import { ApiError, apiRequest } from '../../api/client';
import type { Answer } from '../../api/http';
import type { Audience, LeafForm } from '../../api/requests';

// Types and calls of the admin API: docs/API-console.md "Admin" (`/console/admin/*`) and the
// catalogue editor (`/catalog/admin/*`, docs/API-requests.md). Bodies are trusted to match the
// contract (the server serialises them through its OpenAPI schemas).

export type { Audience };
export { PRIORITIES } from '../../api/console';
export type { Priority } from '../../api/console';
import type { Priority } from '../../api/console';

export type AdminNode = {
  id: string;
  slug: string;
  name: L10n;
  hint: L10n;
  audience: Audience;
  isLeaf: boolean;
  /** Present in the admin tree; the public tree (what supervisors read) lists only active nodes. */
  active?: boolean;
  /** Leaves in the admin tree: where requests go and the current form version. */
  routing?: AdminLeafRouting;
  children: AdminNode[];
};

export type AdminLeafRouting = {
  departmentCode: string | null;
  priority: Priority;
  slaCode: string | null;
  articleSlugs: string[];
  formVersion: number | null;
};

export type Member = { staffId: string; name: string; email: string; roles: string[]; tier: number };
export type Department = { id: string; code: string; name: L10n; active: boolean; members: Member[] };
export type StaffMember = { id: string; email: string; name: string; roles: string[]; active: boolean };

export type SlaPolicy = {
  id: string;
  code: string;
  name: L10n;
  calendarCode: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  atRiskPercent: number;
};
export type SlaCalendarRow = { id: string; code: string; name: string; definition: Record<string, unknown> };
export type SlaData = { policies: SlaPolicy[]; calendars: SlaCalendarRow[] };

export type Canned = Answer<'/api/v1/console/admin/canned', 'get'>['items'][number];
export type CannedInput = {
  title: string;
  body: string;
  locale: 'ru' | 'uk' | 'en';
  categoryId: string | null;
  departmentCode: string | null;
  active?: boolean;
};

export type LeafRouting = {
  departmentCode: string;
  priority: Priority;
  slaCode: string;
  articleSlugs: string[];
};

export type CreateNodeInput = {
  parentId: string | null;
  slug: string;
  name: L10n;
  hint: L10n;
  audience: Audience;
  /** Place among the siblings (0 = first). */
  position?: number;
  leaf?: LeafRouting & { form: unknown };
};

export type UpdateNodeInput = Partial<LeafRouting> & { name?: L10n; hint?: L10n; active?: boolean };

const enc = encodeURIComponent;
const CONSOLE = '/console/admin';
const CATALOG = '/catalog/admin';

// Catalogue

/** The whole tree of one audience, inactive nodes and leaves' routing included (admins, supervisors). */
export async function fetchAdminTree(audience: Audience, signal?: AbortSignal): Promise<AdminNode[]> {
  const body = (await apiRequest('GET', `${CATALOG}/tree?audience=${audience}`, undefined, signal ? { signal } : {})) as {
    items: AdminNode[];
  };
  return body.items;
}

export async function createNode(input: CreateNodeInput): Promise<string> {
  const body = (await apiRequest('POST', `${CATALOG}/nodes`, input)) as { id: string };
  return body.id;
}

export async function updateNode(id: string, input: UpdateNodeInput): Promise<void> {
  await apiRequest('PATCH', `${CATALOG}/nodes/${enc(id)}`, input);
}

export async function reorderNodes(parentId: string | null, order: string[]): Promise<void> {
  await apiRequest('PUT', `${CATALOG}/order`, { parentId, order });
}

/** A leaf's current form, also when it is inactive; null when it has none. */
export async function fetchAdminLeafForm(id: string, signal?: AbortSignal): Promise<LeafForm | null> {
  try {
    return (await apiRequest(
      'GET',
      `${CATALOG}/nodes/${enc(id)}/form?locale=ru`,
      undefined,
      signal ? { signal } : {},
    )) as LeafForm;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Publishes a new version of a leaf's form; requests filed earlier keep theirs. */
export async function publishForm(id: string, form: unknown): Promise<number> {
  const body = (await apiRequest('PUT', `${CATALOG}/nodes/${enc(id)}/form`, { form })) as { version: number };
  return body.version;
}

// Departments and staff

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  const body = (await apiRequest('GET', `${CONSOLE}/departments`, undefined, signal ? { signal } : {})) as {
    items: Department[];
  };
  return body.items;
}

export async function fetchStaff(signal?: AbortSignal): Promise<StaffMember[]> {
  const body = (await apiRequest('GET', `${CONSOLE}/staff`, undefined, signal ? { signal } : {})) as { items: StaffMember[] };
  return body.items;
}

export async function createDepartment(code: string, name: L10n): Promise<string> {
  const body = (await apiRequest('POST', `${CONSOLE}/departments`, { code, name })) as { id: string };
  return body.id;
}

export async function updateDepartment(id: string, input: { name?: L10n; active?: boolean }): Promise<void> {
  await apiRequest('PATCH', `${CONSOLE}/departments/${enc(id)}`, input);
}

export async function setMembers(id: string, members: Array<{ staffId: string; tier: number }>): Promise<void> {
  await apiRequest('PUT', `${CONSOLE}/departments/${enc(id)}/members`, { members });
}

// SLA

export async function fetchSla(signal?: AbortSignal): Promise<SlaData> {
  return (await apiRequest('GET', `${CONSOLE}/sla`, undefined, signal ? { signal } : {})) as SlaData;
}

export type PolicyInput = Partial<Omit<SlaPolicy, 'id' | 'code'>>;

export async function updatePolicy(id: string, input: PolicyInput): Promise<void> {
  await apiRequest('PATCH', `${CONSOLE}/sla/policies/${enc(id)}`, input);
}

export async function saveCalendar(id: string, definition: unknown): Promise<void> {
  await apiRequest('PUT', `${CONSOLE}/sla/calendars/${enc(id)}`, { definition });
}

// Canned answers

export async function fetchCanned(signal?: AbortSignal): Promise<Canned[]> {
  const body = (await apiRequest('GET', `${CONSOLE}/canned`, undefined, signal ? { signal } : {})) as { items: Canned[] };
  return body.items;
}

export async function createCanned(input: CannedInput): Promise<string> {
  const body = (await apiRequest('POST', `${CONSOLE}/canned`, input)) as { id: string };
  return body.id;
}

export async function updateCanned(id: string, input: Partial<CannedInput>): Promise<void> {
  await apiRequest('PATCH', `${CONSOLE}/canned/${enc(id)}`, input);
}
