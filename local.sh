#!/usr/bin/env bash
# The embedded default on one machine: installs Azurite from package-lock.json, starts it on free loopback
# ports, publishes Rules/, uploads the sample reports, runs the workflow once, shows the scorecard (text and
# the page site/index.html) and where the emails are, then keeps watching for new uploads until Ctrl+C (or exits, with --no-watch).
# Azurite is this script's child and is stopped by its PID on exit; nothing is left running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
watch=1
[ "${1:-}" = "--no-watch" ] && watch=0

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob=$(free_port); queue=$(free_port); table=$(free_port)
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --inMemoryPersistence \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "$blob" --queuePort "$queue" --tablePort "$table" &
azurite=$!
trap 'kill "$azurite" 2>/dev/null; wait "$azurite" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

for port in "$blob" "$table"; do
  for _ in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.2
  done
done

key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export GENDERPLAN_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
echo "Azurite (PID $azurite) is listening on 127.0.0.1:$blob (blob) and 127.0.0.1:$table (table)."

# The address the local host serves on (7071, where the Functions host would listen, or a free port when 7071 is
# taken). The emails link to it as the deployed ones link to the Function App: the scorecard page and each unit's
# own upload page. With --no-watch nothing keeps serving, so the scorecard link points at the page written to
# site/ instead, which opens without a server.
http_port=7071
(exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null && http_port=$(free_port)
export GenderPlan__Uploads__PublicUrl="http://127.0.0.1:$http_port"
if [ "$watch" = 1 ]; then
  export GenderPlan__ScorecardUrl="http://127.0.0.1:$http_port/"
else
  export GenderPlan__ScorecardUrl="file://$root/site/index.html"
fi

rm -rf outbox site
./genderplan rules publish
./genderplan upload Rules/samples/dak-to-2019.csv --unit ldtbxh
./genderplan upload Rules/samples/tan-canh-2020-H1.csv --unit ubnd-tan-canh
# The four communes that formed Xã Đăk Tô on 1 July 2025 report 2020: the new commune's baselines are added up from them.
for commune in tt-dak-to tan-canh po-ko dien-binh; do
  ./genderplan upload "Rules/samples/$commune-2020.csv" --unit "ubnd-$commune"
done
./genderplan serve --once --outbox outbox
# Xã Đăk Tô's 2025 report under the 2021-2030 plan, scored once its former communes' 2020 figures are stored.
./genderplan upload Rules/samples/xa-dak-to-2025.csv --unit vh-xh-xa-dak-to
./genderplan serve --once --outbox outbox
echo
./genderplan scorecard --period 2019 --jurisdiction dak-to
echo
./genderplan dashboard --out site > /dev/null
echo "Scorecard pages: $root/site/index.html lists the plans (2016-2020 and 2021-2030) and links each place's page (also published to the \$web container)"
# Dated as the office would have signed it, a few days after the deadline, rather than today.
./genderplan report --period 2019 --date 2019-11-28 --format xlsx --out site/bao-cao/bao-cao-dak-to-2019.xlsx
./genderplan report --period 2019 --date 2019-11-28 --format docx --out site/bao-cao/bao-cao-dak-to-2019.docx
echo "The district's 2019 report to the province: $root/site/bao-cao/bao-cao-dak-to-2019.xlsx (workbook) and .docx (Word draft)"
./genderplan report --period 2025 --jurisdiction xa-dak-to --date 2025-11-28 --format docx --out site/bao-cao/bao-cao-xa-dak-to-2025.docx
echo "Xã Đăk Tô's 2025 report under the 2021-2030 plan: $root/site/bao-cao/bao-cao-xa-dak-to-2025.docx"
echo
echo "Emails written to $root/outbox (open a .eml in a mail client or a browser):"
ls -1 outbox/*.eml
echo "Their links: the scorecard at $GenderPlan__ScorecardUrl; upload pages at $GenderPlan__Uploads__PublicUrl/upload?... (these work while ./local.sh serves, i.e. without --no-watch)."
echo
echo "Scorecard as JSON: ./genderplan scorecard --period 2019 --jurisdiction dak-to --json (with GENDERPLAN_STORAGE as above)"

if [ "$watch" = 1 ]; then
  # The HTTP endpoints listen where the emails' links point (http_port, chosen above).
  echo
  echo "Open in a browser while this runs:"
  echo "  Scorecard page:  http://127.0.0.1:$http_port/"
  echo "  Scorecard JSON:  http://127.0.0.1:$http_port/api/scorecard/2019/dak-to"
  echo "  Health:          http://127.0.0.1:$http_port/api/health"
  echo
  echo "Each unit's upload page (send these links to the units; ldtbxh's may send for any unit):"
  links="$(./genderplan links --base "http://127.0.0.1:$http_port")"
  echo "$links" | sed 's/^/  /'
  coordinator="$(echo "$links" | awk -F'\t' '$1 == "ldtbxh" { print $2 }')"
  echo "The rules page (the coordinator edits, previews and applies rules there): ${coordinator/upload?unit=ldtbxh&/rules?}"
  echo
  echo "Or upload from here: GENDERPLAN_STORAGE='$GENDERPLAN_STORAGE' ./genderplan upload FILE --unit yte"
  ./genderplan serve --outbox outbox --http "127.0.0.1:$http_port"
fi
