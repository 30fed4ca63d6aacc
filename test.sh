#!/usr/bin/env bash
# Builds everything (the benchmarks included, so they cannot rot) and runs every test project.
# Ends with one line "N passed, N failed, N skipped" summed over the test projects.
#   ./test.sh          every test: what CI runs
#   ./test.sh --quick  leaves out the tests tagged [Trait("Category", "Browser")] or [Trait("Category", "Slow")]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
filter=()
case "${1:-}" in
  "") ;;
  --quick) filter=(--filter "Category!=Browser&Category!=Slow") ;;
  *) echo "usage: ./test.sh [--quick]" >&2; echo "0 passed, 1 failed"; exit 2 ;;
esac
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# The scorecard page is tested in Debian's Chromium, driven by Playwright (it downloads no browser).
if [ ${#filter[@]} -eq 0 ] && [ ! -x /usr/bin/chromium ] && [ -z "${GENDERPLAN_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "Chromium is missing: sudo apt-get install chromium (or set GENDERPLAN_CHROMIUM to a Chromium binary)" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
fi

# The storage tests start their own Azurite from the repository's lock file.
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

dotnet build GenderPlan.sln -c Debug --nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test GenderPlan.sln -c Debug --no-build --nologo "${filter[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
