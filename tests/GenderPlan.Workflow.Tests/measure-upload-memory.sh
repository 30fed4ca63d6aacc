#!/usr/bin/env bash
# Peak memory of `genderplan serve --http` under 20 concurrent 5 MB uploads (docs/robustness.md): starts Azurite and the
# host on free loopback ports, sends the uploads with curl and reads the peak (VmHWM) from /proc; nothing is left running.
# usage: tests/GenderPlan.Workflow.Tests/measure-upload-memory.sh CLI_DIR [REPO_DIR]   (CLI_DIR holds genderplan.dll)
set -uo pipefail
cli="$(cd "$1" && pwd)"; repo="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"; cd "$repo"
work="$(mktemp -d)"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob=$(free_port); queue=$(free_port); table=$(free_port); http=$(free_port)
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --inMemoryPersistence \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --blobPort "$blob" --queuePort "$queue" --tablePort "$table" &
azurite=$!
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; kill "$azurite" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for port in "$blob" "$table"; do for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done; done
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export GENDERPLAN_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
gp() { dotnet "$cli/genderplan.dll" "$@"; }
gp rules publish > /dev/null 2>&1
token="$(gp links 2>/dev/null --base "http://127.0.0.1:$http" | awk -F'\t' '$1 == "yte" { sub(/.*token=/, "", $2); print $2 }')"
dotnet "$cli/genderplan.dll" serve --outbox "$work/outbox" --http "127.0.0.1:$http" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$http/api/health" > /dev/null && break; sleep 0.2; done
send() { curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $token" -F "file=@$1" "http://127.0.0.1:$http/api/reports?unit=yte"; }
send Rules/samples/dak-to-2019.csv > /dev/null   # warm up
sleep 1
# 5 MB less one byte: random bytes named .xlsx (refused at once by the reader: only the upload path is measured),
# and a CSV of the sample's rows repeated (the reader stops at 10,000 rows).
head -c $((5 * 1024 * 1024 - 1)) /dev/urandom > "$work/big.xlsx"
python3 -c 'import sys; lines = open("Rules/samples/dak-to-2019.csv", "rb").read().splitlines(True); body = lines[0] + b"".join(lines[1:]) * 4000; sys.stdout.buffer.write(body[:5 * 1024 * 1024 - 1])' > "$work/big.csv"
status() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$server/status"; }
echo "before: rss $(status VmRSS) MB, peak so far $(status VmHWM) MB"
for file in big.xlsx big.csv; do
  codes="$(for _ in $(seq 1 20); do send "$work/$file" & done; wait)"
  echo "after 20 x $file: answers $(echo "$codes" | sort | uniq -c | tr -s ' \n' ' '), rss $(status VmRSS) MB, peak $(status VmHWM) MB"
done
