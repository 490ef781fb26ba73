CREATE TABLE "ticket_queue_counts" (
	"department_key" uuid NOT NULL,
	"assigned" boolean NOT NULL,
	"status" text NOT NULL,
	"at_risk" boolean NOT NULL,
	"breached" boolean NOT NULL,
	"shard" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_queue_counts_department_key_assigned_status_at_risk_breached_shard_pk" PRIMARY KEY("department_key","assigned","status","at_risk","breached","shard")
);
--> statement-breakpoint
-- Queue counters kept by statement-level triggers (transition tables), in the changing transaction.
CREATE FUNCTION ticket_queue_counts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_queue_counts AS c (department_key, assigned, status, at_risk, breached, shard, n)
  SELECT x.k, x.a, x.s, x.r, x.b, floor(random() * 8)::smallint, sum(x.d)::integer
    FROM (SELECT coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, assignee_id IS NOT NULL AS a, status AS s,
             at_risk_at IS NOT NULL AS r, breached_at IS NOT NULL AS b, 1 AS d
        FROM new_rows WHERE status IN ('new', 'open', 'reopened', 'pending_customer')) x
   GROUP BY x.k, x.a, x.s, x.r, x.b
  HAVING sum(x.d) <> 0
   ORDER BY x.k, x.a, x.s, x.r, x.b
  ON CONFLICT (department_key, assigned, status, at_risk, breached, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ticket_queue_counts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_queue_counts AS c (department_key, assigned, status, at_risk, breached, shard, n)
  SELECT x.k, x.a, x.s, x.r, x.b, floor(random() * 8)::smallint, sum(x.d)::integer
    FROM (SELECT coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, assignee_id IS NOT NULL AS a, status AS s,
             at_risk_at IS NOT NULL AS r, breached_at IS NOT NULL AS b, -1 AS d
        FROM old_rows WHERE status IN ('new', 'open', 'reopened', 'pending_customer')
      UNION ALL
      SELECT coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, assignee_id IS NOT NULL AS a, status AS s,
             at_risk_at IS NOT NULL AS r, breached_at IS NOT NULL AS b, 1 AS d
        FROM new_rows WHERE status IN ('new', 'open', 'reopened', 'pending_customer')) x
   GROUP BY x.k, x.a, x.s, x.r, x.b
  HAVING sum(x.d) <> 0
   ORDER BY x.k, x.a, x.s, x.r, x.b
  ON CONFLICT (department_key, assigned, status, at_risk, breached, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ticket_queue_counts_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_queue_counts AS c (department_key, assigned, status, at_risk, breached, shard, n)
  SELECT x.k, x.a, x.s, x.r, x.b, floor(random() * 8)::smallint, sum(x.d)::integer
    FROM (SELECT coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, assignee_id IS NOT NULL AS a, status AS s,
             at_risk_at IS NOT NULL AS r, breached_at IS NOT NULL AS b, -1 AS d
        FROM old_rows WHERE status IN ('new', 'open', 'reopened', 'pending_customer')) x
   GROUP BY x.k, x.a, x.s, x.r, x.b
  HAVING sum(x.d) <> 0
   ORDER BY x.k, x.a, x.s, x.r, x.b
  ON CONFLICT (department_key, assigned, status, at_risk, breached, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_queue_counts_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_queue_counts_ins();
--> statement-breakpoint
CREATE TRIGGER tickets_queue_counts_upd AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_queue_counts_upd();
--> statement-breakpoint
CREATE TRIGGER tickets_queue_counts_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_queue_counts_del();
--> statement-breakpoint
-- The requests that exist already.
INSERT INTO ticket_queue_counts (department_key, assigned, status, at_risk, breached, shard, n)
SELECT coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), assignee_id IS NOT NULL, status,
       at_risk_at IS NOT NULL, breached_at IS NOT NULL, 0, count(*)::integer
  FROM tickets WHERE status IN ('new', 'open', 'reopened', 'pending_customer')
 GROUP BY 1, 2, 3, 4, 5;
