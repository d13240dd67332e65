#!/usr/bin/env bash
# sqlmap against a local jixiao server: the login, list and read endpoints.
#
#   scripts/sqlmap.sh            # builds if needed, starts a throw-away server on 127.0.0.1, scans, stops it
#
# Exit 0 when sqlmap finds no injection, 1 when it finds one, 2 when it cannot run.
# Needs sqlmap (Debian: apt-get install -y sqlmap). See docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sqlmap >/dev/null 2>&1; then
  echo "sqlmap: not installed (apt-get install -y sqlmap)" >&2
  exit 2
fi
[ -f packages/server/dist/main.js ] || npx tsc -b packages/server

WORK="$(mktemp -d)"
PORT="${SQLMAP_PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:${PORT}"
PASSWORD="sqlmap-demo-password"

# A throw-away server: embedded PGlite in a temporary directory with the demo data. The rate limits and
# the login lock-out are off for the scan: they would answer sqlmap's thousands of requests with 429 / 423
# and hide the endpoints rather than test them.
DATA_DIR="$WORK/data" PORT="$PORT" HOST=127.0.0.1 LOG_LEVEL=warn DEMO_PASSWORD="$PASSWORD" \
  RATE_LIMIT_LOGIN_PER_MINUTE=0 RATE_LIMIT_API_PER_MINUTE=0 LOGIN_MAX_ATTEMPTS=100 PASSWORD_HASH_COST=10 \
  node packages/server/dist/main.js --demo >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "${SQLMAP_KEEP:-}" ] && echo "sqlmap: logs kept in $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 240); do
  grep -q '服务已启动' "$WORK/server.log" 2>/dev/null && break
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$WORK/server.log" >&2; exit 2; fi
  sleep 0.5
done
grep -q '服务已启动' "$WORK/server.log" || { echo "sqlmap: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 2; }

curl -sf -c "$WORK/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"preparer\",\"password\":\"${PASSWORD}\"}" "$BASE/api/auth/login" >/dev/null
COOKIE="$(awk '$6 == "jixiao_session" { print $6 "=" $7 }' "$WORK/cookies")"
ID="$(curl -sf -b "$COOKIE" "$BASE/api/evaluations?year=2020" | sed -n 's/.*"items":\[{"id":"\([0-9a-f-]*\)".*/\1/p')"
ORG="$(curl -sf -b "$COOKIE" "$BASE/api/auth/session" | sed -n 's/.*"orgId":"\([0-9a-f-]*\)".*/\1/p')"
[ -n "$COOKIE" ] && [ -n "$ID" ] && [ -n "$ORG" ] || { echo "sqlmap: could not log in and find an evaluation" >&2; exit 2; }

COMMON=(--batch --flush-session --ignore-code=401,423 --disable-coloring --output-dir="$WORK/sqlmap" --level=3 --risk=2 --time-sec=2 --threads=4 --dbms=PostgreSQL)
status=0
scan() {
  local name="$1"
  shift
  echo "== sqlmap: $name" >&2
  sqlmap "${COMMON[@]}" "$@" >"$WORK/$name.txt" 2>&1 || true
  if grep -qiE 'identified the following injection point|is vulnerable|parameter .* (is|appears to be) .*injectable' "$WORK/$name.txt"; then
    echo "sqlmap: INJECTION FOUND in $name" >&2
    cat "$WORK/$name.txt" >&2
    status=1
  elif grep -qE 'do not appear to be injectable|does not seem to be injectable' "$WORK/$name.txt"; then
    echo "sqlmap: $name — no injection ($(grep -cE 'testing ' "$WORK/$name.txt") tests)" >&2
  else
    echo "sqlmap: $name — no verdict, output follows" >&2
    tail -40 "$WORK/$name.txt" >&2
    [ "$status" -eq 1 ] || status=2
  fi
}

# Login: both JSON fields (and, at level 3, the User-Agent and Referer headers).
scan login -u "$BASE/api/auth/login" --method=POST \
  --data="{\"username\":\"preparer\",\"password\":\"x\"}" --headers='Content-Type: application/json'

# List: every filter and paging parameter, and the session cookie.
scan list -u "$BASE/api/evaluations?year=2020&org=${ORG}&level=project&status=draft&grade=%E4%BC%98&hasErrors=true&q=report&page=1&pageSize=20" \
  --cookie="$COOKIE"

# Read: the id in the path (marked *) and the session cookie.
scan read -u "$BASE/api/evaluations/${ID}*" --cookie="$COOKIE"

exit "$status"
