// Files N requests one after another as the demo customer against a running app (bench/intake-statements.sh).
// Usage: node bench/intake-statements.mjs BASE_URL [N]
// 200 sequential customer filings against a running app; prints nothing but a count.
const base = process.argv[2];
const n = Number(process.argv[3] ?? 200);
const j = async (path, opts = {}) => {
  const res = await fetch(base + path, opts);
  return res;
};
let res = await j('/api/v1/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ kind: 'customer', login: 'customer@paydesk.local', password: 'demo-customer' }),
});
if (!res.ok) {
  console.error('login', res.status, await res.text());
  process.exit(1);
}
const cookie = res.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .find((c) => c.startsWith('pd_session='));
const body = await res.json();
const csrf = body.csrfToken;
const cats = await (await j('/api/v1/catalog', { headers: { cookie } })).json();
const find = (nodes) => {
  for (const x of nodes) {
    if (x.slug === 'feedback-suggestion') return x;
    const r = find(x.children ?? []);
    if (r) return r;
  }
};
const leaf = find(cats.items);
let ok = 0;
for (let i = 0; i < n; i++) {
  const r = await j('/api/v1/tickets', {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      categoryId: leaf.id,
      fields: { topic: 'wallet', description: 'Добавьте тёмную тему в приложение, пожалуйста.' },
    }),
  });
  if (r.status === 201) ok++;
  else if (i < 3) console.error(r.status, await r.text());
}
console.log('filed', ok);
