CREATE TABLE "ticket_assignee_counts" (
	"assignee_id" uuid NOT NULL,
	"department_key" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_assignee_counts_assignee_id_department_key_shard_pk" PRIMARY KEY("assignee_id","department_key","shard")
);
--> statement-breakpoint
-- "Mine" counters kept by statement-level triggers (transition tables), in the changing transaction,
-- as ticket_queue_counts (0006): requests in working statuses per assignee and department.
CREATE FUNCTION ticket_assignee_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_assignee_counts AS c (assignee_id, department_key, shard, n)
    SELECT x.a, x.k, floor(random() * 8)::smallint, sum(x.d)::integer
      FROM (SELECT assignee_id AS a, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, 1 AS d
              FROM new_rows WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer')) x
     GROUP BY x.a, x.k
    HAVING sum(x.d) <> 0
     ORDER BY x.a, x.k
    ON CONFLICT (assignee_id, department_key, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO ticket_assignee_counts AS c (assignee_id, department_key, shard, n)
    SELECT x.a, x.k, floor(random() * 8)::smallint, sum(x.d)::integer
      FROM (SELECT assignee_id AS a, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, -1 AS d
              FROM old_rows WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer')
            UNION ALL
            SELECT assignee_id AS a, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, 1 AS d
              FROM new_rows WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer')) x
     GROUP BY x.a, x.k
    HAVING sum(x.d) <> 0
     ORDER BY x.a, x.k
    ON CONFLICT (assignee_id, department_key, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE
    INSERT INTO ticket_assignee_counts AS c (assignee_id, department_key, shard, n)
    SELECT x.a, x.k, floor(random() * 8)::smallint, sum(x.d)::integer
      FROM (SELECT assignee_id AS a, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS k, -1 AS d
              FROM old_rows WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer')) x
     GROUP BY x.a, x.k
    HAVING sum(x.d) <> 0
     ORDER BY x.a, x.k
    ON CONFLICT (assignee_id, department_key, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_assignee_counts_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counts_apply();
--> statement-breakpoint
CREATE TRIGGER tickets_assignee_counts_upd AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counts_apply();
--> statement-breakpoint
CREATE TRIGGER tickets_assignee_counts_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counts_apply();
--> statement-breakpoint
-- The requests that exist already.
INSERT INTO ticket_assignee_counts (assignee_id, department_key, shard, n)
SELECT assignee_id, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), 0, count(*)::integer
  FROM tickets WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'reopened', 'pending_customer')
 GROUP BY 1, 2;
