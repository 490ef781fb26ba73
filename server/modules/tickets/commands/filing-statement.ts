import { namedStatement } from './named-sql';

/**
 * The whole opening of a request as ONE statement (atomic on its own: no BEGIN/COMMIT round trips
 * on the web path; inside the caller's transaction on the others), assembled from named parts:
 * - `k` (idempotency, platform): a replay of the same Idempotency-Key answers what the first got;
 * - `h` (rate limits, platform): every limit counted, as one upsert of all rows;
 * - `ok`: a row only when it is not a replay and no limit is exceeded; every write selects from
 *   it, so a replay or a refusal writes nothing but the counters;
 * - the request, its first message, its files (tickets); the audit row (audit); the outbox events
 *   in order (outbox); the mails (mail); a guest's tracking token (tickets); the idempotency key.
 * Ids and the number are drawn in the app, so every row is known before it is written; the foreign
 * keys are checked at the end of the statement. Keep in step with the Drizzle schema
 * (server/db/schema); filing.roundtrips.test.ts and the command tests check every row it writes.
 */
const parts = {
  idempotencyLookup: `k AS (
  SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = @idem_key::text
)`,
  rateLimits: `h AS (
  INSERT INTO rate_counters AS rc (key, window_start, count)
  SELECT u.key, now(), 1 FROM unnest(@limit_keys::text[]) AS u(key) WHERE NOT EXISTS (SELECT 1 FROM k)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN rc.window_start <= now() - make_interval(secs => @limit_window::integer) THEN 1 ELSE rc.count + 1 END,
    window_start = CASE WHEN rc.window_start <= now() - make_interval(secs => @limit_window::integer) THEN now() ELSE rc.window_start END
  RETURNING key, count, window_start
)`,
  gate: `ok AS (
  SELECT 1 AS ok
   WHERE NOT EXISTS (SELECT 1 FROM k)
     AND NOT EXISTS (SELECT 1 FROM h JOIN unnest(@limit_keys::text[], @limit_values::integer[]) AS l(key, lim) ON l.key = h.key WHERE h.count > l.lim)
)`,
  ticket: `t AS (
  INSERT INTO tickets (id, number, category_id, form_id, department_id, priority, priority_customer, status, channel,
    subject, customer_id, guest_email, requester_name, locale, reply_channel, fields, sealed_fields, sla_policy_id,
    first_response_due_at, resolution_due_at, confirm_token_hash, confirmed_at)
  SELECT @id::uuid, @number::text, @category_id::uuid, @form_id::uuid, @department_id::uuid, @priority::text,
    @priority_customer::boolean, @status::text, @channel::text, @subject::text, @customer_id::uuid, @guest_email::text,
    @requester_name::text, @locale::text, @reply_channel::text, @fields::jsonb, @sealed_fields::jsonb, @sla_policy_id::uuid,
    @first_response_due_at::timestamptz, @resolution_due_at::timestamptz, @confirm_token_hash::text, @confirmed_at::timestamptz
    FROM ok
  RETURNING id
)`,
  message: `m AS (
  INSERT INTO ticket_messages (id, ticket_id, author_kind, author_id, body, channel)
  SELECT @message_id::uuid, @id::uuid, @author_kind::text, @customer_id::uuid, @body::text, @channel::text FROM ok
)`,
  files: `f AS (
  INSERT INTO attachments (ticket_id, message_id, field_key, name, size, content_type, storage_key, sha256)
  SELECT @id::uuid, @message_id::uuid, a.field_key, a.name, a.size, a.content_type, a.storage_key, a.sha256
    FROM ok, jsonb_to_recordset(@files::jsonb) AS a(field_key text, name text, size bigint, content_type text, storage_key text, sha256 text)
)`,
  audit: `au AS (
  INSERT INTO audit_log (actor_kind, actor_id, action, entity_type, entity_id, ip, request_id, data)
  SELECT @actor_kind::text, @customer_id::uuid, 'ticket.filed', 'ticket', @id::text, @ip::text, @request_id::text, @audit_data::jsonb FROM ok
)`,
  events: `e AS (
  INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload)
  SELECT e.type, e.aggregate_type, e.aggregate_id, e.payload
    FROM ok, jsonb_to_recordset(@events::jsonb) AS e(n integer, type text, aggregate_type text, aggregate_id text, payload jsonb)
   ORDER BY e.n
)`,
  mails: `ml AS (
  INSERT INTO outgoing_mail (id, dedupe_key, template, locale, to_address, subject, text_body, html_body, ticket_id, message_id, headers)
  SELECT x.id, x.dedupe_key, x.template, @locale::text, x.to_address, x.subject, x.text_body, x.html_body, @id::uuid, x.message_id, x.headers
    FROM ok, jsonb_to_recordset(@mails::jsonb) AS x(id uuid, dedupe_key text, template text, to_address text, subject text,
      text_body text, html_body text, message_id text, headers jsonb)
)`,
  accessToken: `tk AS (
  INSERT INTO ticket_access_tokens (ticket_id, token_hash)
  SELECT @id::uuid, @access_token_hash::text FROM ok WHERE @access_token_hash::text IS NOT NULL
)`,
  idempotencyStore: `ik AS (
  INSERT INTO idempotency_keys (key, request_hash, status_code, response)
  SELECT @idem_key::text, @idem_hash::text, @idem_status::integer, @idem_response::jsonb FROM ok WHERE @idem_key::text IS NOT NULL
)`,
};

export const FILING = namedStatement<FilingParam>(
  'paydesk_open_request',
  `WITH ${Object.values(parts).join(', ')}
SELECT
  (SELECT json_build_object('hash', request_hash, 'status', status_code, 'response', response) FROM k) AS replay,
  (SELECT json_agg(json_build_object('key', h.key, 'count', h.count, 'window_start', h.window_start)) FROM h) AS hits,
  (SELECT id::text FROM t) AS id`,
);

export type FilingParam =
  | 'idem_key'
  | 'idem_hash'
  | 'idem_status'
  | 'idem_response'
  | 'limit_keys'
  | 'limit_values'
  | 'limit_window'
  | 'id'
  | 'number'
  | 'category_id'
  | 'form_id'
  | 'department_id'
  | 'priority'
  | 'priority_customer'
  | 'status'
  | 'channel'
  | 'subject'
  | 'customer_id'
  | 'guest_email'
  | 'requester_name'
  | 'locale'
  | 'reply_channel'
  | 'fields'
  | 'sealed_fields'
  | 'sla_policy_id'
  | 'first_response_due_at'
  | 'resolution_due_at'
  | 'confirm_token_hash'
  | 'confirmed_at'
  | 'message_id'
  | 'author_kind'
  | 'body'
  | 'files'
  | 'actor_kind'
  | 'ip'
  | 'request_id'
  | 'audit_data'
  | 'events'
  | 'mails'
  | 'access_token_hash';

export type FilingRow = {
  replay: { hash: string; status: number; response: unknown } | null;
  hits: Array<{ key: string; count: number; window_start: string }> | null;
  id: string | null;
};
