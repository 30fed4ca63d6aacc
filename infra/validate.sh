#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the Bicep CLI restored from NuGet. Any warning or error fails:
# bicepconfig.json raises the rules that matter (secrets in outputs, stale API versions, ...) to errors,
# and a plain warning line fails this script too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet restore "$here/tools/BicepTools.csproj" --nologo -v quiet >/dev/null
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"$bicep" build "$here/main.bicep" --stdout > /dev/null 2> "$log" || status=1
"$bicep" lint "$here/main.bicep" >> "$log" 2>&1 || status=1
if [ -s "$log" ] || [ "$status" -ne 0 ]; then
  cat "$log" >&2
  echo "Bicep: build or lint reported problems." >&2
  exit 1
fi
echo "Bicep: infra/main.bicep builds and lints clean ($("$bicep" --version))."
