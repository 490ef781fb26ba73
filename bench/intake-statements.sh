#!/usr/bin/env bash
# PostgreSQL's own time per filing, statement by statement, from the server log: a probe database
# with log_min_duration_statement = 0, the app started on it (web + worker, demo data), 50 warm-up
# and 200 measured sequential filings by the demo customer (bench/intake-statements.mjs), then the
# log lines of that database summed per statement and phase (parse / bind (= plan) / execute).
# Durations are wall time inside PostgreSQL; run it on a quiet machine.
# Usage: bash bench/intake-statements.sh [APP_DIR]   (needs python3; PG_LOG: the server's log file)
set -euo pipefail
APPDIR=${1:-$(cd "$(dirname "$0")/.." && pwd)}
HERE=$(cd "$(dirname "$0")" && pwd)
PG_LOG=${PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log | head -1)}
psql -h 127.0.0.1 -U postgres -qc "drop database if exists probe_intake with (force)" -c "create database probe_intake" -c "alter database probe_intake set log_min_duration_statement = 0" 2>/dev/null
cd "$APPDIR"
DATABASE_URL=postgres://postgres@127.0.0.1:5432/probe_intake SEED_DEMO=true LOG_LEVEL=warn PORT=39111 HOST=127.0.0.1 PAYDESK_ROLES=web,worker NODE_ENV=production SECRET_KEY=$(openssl rand -hex 32) TICKETS_PER_IP_HOUR=100000 TICKETS_PER_EMAIL_HOUR=100000 node --import tsx server/main.ts > /tmp/probe-app.log 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
for i in $(seq 1 30); do curl -sf http://127.0.0.1:39111/readyz >/dev/null && break; sleep 1; done
node $HERE/intake-statements.mjs http://127.0.0.1:39111 50 >/dev/null; sleep 3
L1=$(wc -l < $PG_LOG)
node $HERE/intake-statements.mjs http://127.0.0.1:39111 200; sleep 4
kill $APP_PID; wait $APP_PID 2>/dev/null || true
psql -h 127.0.0.1 -U postgres -qc "drop database if exists probe_intake with (force)"
tail -n +$L1 $PG_LOG | python3 -c "
import sys,re,collections
tot=collections.defaultdict(lambda:[0,0.0,0.0,0.0])
pat=re.compile(r'^\S+ \S+ \S+ \[\d+\] postgres@probe_intake LOG:  duration: ([\d.]+) ms  (parse|bind|execute|statement)([^:]*): ?(.*)')
lines=sys.stdin.read().split('\n')
for i,line in enumerate(lines):
    m=pat.match(line)
    if not m: continue
    d=float(m.group(1)); phase=m.group(2); text=m.group(4)
    if phase=='statement': phase='execute'
    if not text.strip():
        text=' '.join(l.strip() for l in lines[i+1:i+4] if l.strip())
    text=re.sub(r'\s+',' ',text)[:90]
    nm=m.group(3).strip()
    if nm and nm!='<unnamed>': text=nm+' '+text[:40]
    t=tot[text]; idx={'parse':1,'bind':2,'execute':3}[phase]; t[idx]+=d
    if phase=='execute': t[0]+=1
items=sorted(tot.items(), key=lambda kv:-(kv[1][1]+kv[1][2]+kv[1][3]))
s=sum(v[1]+v[2]+v[3] for v in tot.values())
print(f'PostgreSQL statement time per filing: {s/200:.3f} ms (parse {sum(v[1] for v in tot.values())/200:.3f}, bind {sum(v[2] for v in tot.values())/200:.3f}, execute {sum(v[3] for v in tot.values())/200:.3f})')
for k,(n,p,b,e) in items[:14]:
    print(f'{(p+b+e)/200:6.3f}/filing n={n:5d} parse {p/200:5.3f} bind {b/200:5.3f} exec {e/200:5.3f}  {k}')
"
