/**
 * Realtime rooms that hear about a change to a request: its own room, and its department's
 * queue room (old and new department after a transfer). Never a room everyone joins: a
 * security-service request must not reach other departments even as an id.
 */
export function roomsOf(
  ticket: { id: string; departmentId: string | null },
  extraDepartments: Array<string | null> = [],
): string[] {
  const deps = new Set([ticket.departmentId, ...extraDepartments].filter((d): d is string => Boolean(d)));
  return [`ticket:${ticket.id}`, ...[...deps].map((d) => `queues:${d}`)];
}
