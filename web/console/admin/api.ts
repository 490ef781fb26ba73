import { ApiError } from '../../api/client';
import { api, ok } from '../../api/http';
import type { Answer, Body } from '../../api/http';
import type { Audience, LeafForm } from '../../api/requests';
import type { FormDef } from '../../../common/forms/types';
import type { components } from '../../api/schema';

// Types and calls of the admin API: docs/API-console.md "Admin" (`/console/admin/*`) and the
// catalogue editor (`/catalog/admin/*`, docs/API-requests.md), from the server's OpenAPI
// document (web/api/schema.d.ts) through its typed client.

export type { Audience };
export { PRIORITIES } from '../../api/console';
export type { Priority } from '../../api/console';

/** A node of the admin tree: inactive nodes too, and leaves with their routing and form version. */
export type AdminNode = components['schemas']['CatalogNode'];
export type AdminLeafRouting = NonNullable<AdminNode['routing']>;

export type Department = Answer<'/api/v1/console/admin/departments', 'get'>['items'][number];
export type Member = Department['members'][number];
export type StaffMember = Answer<'/api/v1/console/admin/staff', 'get'>['items'][number];
export type StaffChange = Body<'/api/v1/console/admin/staff/{id}', 'patch'>;
/** A role the server knows (the PATCH body's enum). */
export type StaffRole = NonNullable<StaffChange['roles']>[number];

export type SlaData = Answer<'/api/v1/console/admin/sla', 'get'>;
export type SlaPolicy = SlaData['policies'][number];
export type SlaCalendarRow = SlaData['calendars'][number];
export type PolicyInput = Body<'/api/v1/console/admin/sla/policies/{id}', 'patch'>;

export type Canned = Answer<'/api/v1/console/admin/canned', 'get'>['items'][number];
type CannedBody = Body<'/api/v1/console/admin/canned', 'post'>;
/** A canned answer as the editor holds it: its language always chosen. */
export type CannedInput = CannedBody & { locale: NonNullable<CannedBody['locale']> };

export type CreateNodeInput = Body<'/api/v1/catalog/admin/nodes', 'post'>;
export type UpdateNodeInput = Body<'/api/v1/catalog/admin/nodes/{id}', 'patch'>;

const byId = (id: string) => ({ params: { path: { id } } });

// Catalogue

/** The whole tree of one audience, inactive nodes and leaves' routing included (admins, supervisors). */
export async function fetchAdminTree(audience: Audience, signal?: AbortSignal): Promise<AdminNode[]> {
  return (await ok(api.GET('/api/v1/catalog/admin/tree', { params: { query: { audience } }, signal }))).items;
}

export async function createNode(input: CreateNodeInput): Promise<string> {
  return (await ok(api.POST('/api/v1/catalog/admin/nodes', { body: input }))).id;
}

export async function updateNode(id: string, input: UpdateNodeInput): Promise<void> {
  await ok(api.PATCH('/api/v1/catalog/admin/nodes/{id}', { ...byId(id), body: input }));
}

export async function reorderNodes(parentId: string | null, order: string[]): Promise<void> {
  await ok(api.PUT('/api/v1/catalog/admin/order', { body: { parentId, order } }));
}

/** A leaf's current form, also when it is inactive; null when it has none. */
export async function fetchAdminLeafForm(id: string, signal?: AbortSignal): Promise<LeafForm | null> {
  try {
    const answer = await ok(
      api.GET('/api/v1/catalog/admin/nodes/{id}/form', { params: { path: { id }, query: { locale: 'ru' } }, signal }),
    );
    // The form definition's exact type is the shared validator's (common/forms).
    return { ...answer, form: answer.form as unknown as FormDef };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Publishes a new version of a leaf's form; requests filed earlier keep theirs. */
export async function publishForm(
  id: string,
  form: Body<'/api/v1/catalog/admin/nodes/{id}/form', 'put'>['form'],
): Promise<number> {
  return (await ok(api.PUT('/api/v1/catalog/admin/nodes/{id}/form', { ...byId(id), body: { form } }))).version;
}

// Departments and staff

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (await ok(api.GET('/api/v1/console/admin/departments', { signal }))).items;
}

export async function fetchStaff(signal?: AbortSignal): Promise<StaffMember[]> {
  return (await ok(api.GET('/api/v1/console/admin/staff', { signal }))).items;
}

/** Changes a person's roles (at least one) or deactivates / reactivates them (their sessions end on deactivation). */
export async function updateStaff(id: string, change: StaffChange): Promise<void> {
  await ok(api.PATCH('/api/v1/console/admin/staff/{id}', { ...byId(id), body: change }));
}

export async function createDepartment(code: string, name: Department['name']): Promise<string> {
  return (await ok(api.POST('/api/v1/console/admin/departments', { body: { code, name } }))).id;
}

export async function updateDepartment(
  id: string,
  input: Body<'/api/v1/console/admin/departments/{id}', 'patch'>,
): Promise<void> {
  await ok(api.PATCH('/api/v1/console/admin/departments/{id}', { ...byId(id), body: input }));
}

export async function setMembers(id: string, members: Array<{ staffId: string; tier: number }>): Promise<void> {
  await ok(api.PUT('/api/v1/console/admin/departments/{id}/members', { ...byId(id), body: { members } }));
}

// SLA

export async function fetchSla(signal?: AbortSignal): Promise<SlaData> {
  return ok(api.GET('/api/v1/console/admin/sla', { signal }));
}

export async function updatePolicy(id: string, input: PolicyInput): Promise<void> {
  await ok(api.PATCH('/api/v1/console/admin/sla/policies/{id}', { ...byId(id), body: input }));
}

export async function saveCalendar(
  id: string,
  definition: Body<'/api/v1/console/admin/sla/calendars/{id}', 'put'>['definition'],
): Promise<void> {
  await ok(api.PUT('/api/v1/console/admin/sla/calendars/{id}', { ...byId(id), body: { definition } }));
}

// Canned answers

export async function fetchCanned(signal?: AbortSignal): Promise<Canned[]> {
  return (await ok(api.GET('/api/v1/console/admin/canned', { signal }))).items;
}

export async function createCanned(input: CannedInput): Promise<string> {
  return (await ok(api.POST('/api/v1/console/admin/canned', { body: input }))).id;
}

export async function updateCanned(id: string, input: Body<'/api/v1/console/admin/canned/{id}', 'patch'>): Promise<void> {
  await ok(api.PATCH('/api/v1/console/admin/canned/{id}', { ...byId(id), body: input }));
}
