-- Extensions used by search (trigram similarity, accent folding). Both ship with PGlite
-- (loaded by server/db/connection.ts) and with PostgreSQL's contrib package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
