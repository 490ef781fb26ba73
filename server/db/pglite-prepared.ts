import { protocol, types, type PGlite } from '@electric-sql/pglite';

type Statement = { text: string; paramTypes: number[]; fields: Array<{ name: string; dataTypeID: number }> };

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * Named prepared statements on PGlite, as node-postgres keeps them on PostgreSQL: a statement is
 * parsed and described once per database, and each call is then one Bind/Execute/Sync message into
 * the WASM. PGlite's `query()` parses, plans and describes the text again on every call (six
 * protocol round trips): ~0.45 ms of CPU for the payment check's one-row lookup against ~0.1 ms
 * here (bench:payment-check, docs/PERFORMANCE.md). Parameters and results go through PGlite's own
 * serializers and parsers by type, as in `query()`; the call holds the same two locks `query()`
 * does, so it never runs inside another caller's transaction.
 */
export function preparedStatements(pglite: PGlite) {
  const statements = new Map<string, Promise<Statement>>();
  const { serialize } = protocol;
  const exclusive = <T>(fn: () => Promise<T>) => pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(fn));

  function prepare(name: string, text: string): Promise<Statement> {
    const known = statements.get(name);
    if (known) return known;
    const prepared = exclusive(async () => {
      const { messages } = await pglite.execProtocol(
        concat([serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      );
      const params = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
      const rows = messages.find((m) => m.name === 'rowDescription') as
        { fields: Array<{ name: string; dataTypeID: number }> } | undefined;
      return {
        text,
        paramTypes: params?.dataTypeIDs ?? [],
        fields: (rows?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      };
    });
    statements.set(name, prepared);
    // A statement that failed to prepare (a syntax error) is tried afresh next time.
    prepared.catch(() => statements.delete(name));
    return prepared;
  }

  return async function runPrepared<Row>(name: string, text: string, params: unknown[] = []): Promise<{ rows: Row[] }> {
    const statement = await prepare(name, text);
    if (statement.text !== text) throw new Error(`prepared statement ${name} is already defined with another text`);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pglite.serializers[statement.paramTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await exclusive(() =>
      pglite.execProtocol(concat([serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()])),
    );
    const rows: Row[] = [];
    for (const m of messages) {
      if (m.name !== 'dataRow') continue;
      const cells = (m as unknown as { fields: Array<string | null> }).fields;
      const row: Record<string, unknown> = {};
      statement.fields.forEach((f, i) => {
        row[f.name] = types.parseType(cells[i] ?? null, f.dataTypeID, pglite.parsers);
      });
      rows.push(row as Row);
    }
    return { rows };
  };
}
