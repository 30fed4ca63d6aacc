#!/usr/bin/env bash
# Cold start of `genderplan score` as a whole process, against a hello-world console app published the same
# way (framework-dependent, ReadyToRun, Release) and started the same way (`dotnet APP.dll`).
#
#   tests/GenderPlan.Benchmarks/coldstart.sh [ROUNDS]      (default 30)
#
# The two programs run alternately, ROUNDS times each after two warm-up runs, so a busy shared machine slows
# both alike; the ratio of the medians is the figure (goal: at most 3). The CLI is the one ./genderplan
# builds and runs, scoring Rules/samples/dak-to-2019.csv (exit 1 on that sample: some indicators fall behind).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-30}"
cd "$root"

./genderplan --version > /dev/null    # builds .build/cli when a source changed, as users get it

hello="$(mktemp -d)"
trap 'rm -rf "$hello"' EXIT
cat > "$hello/hello.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <PublishReadyToRun>true</PublishReadyToRun>
    <SelfContained>false</SelfContained>
  </PropertyGroup>
</Project>
EOF
echo 'Console.WriteLine("Hello, World!");' > "$hello/Program.cs"
dotnet publish "$hello/hello.csproj" -c Release -o "$hello/out" --nologo -v quiet -clp:ErrorsOnly > /dev/null

hello_cmd=(dotnet "$hello/out/hello.dll")
score_cmd=(dotnet "$root/.build/cli/genderplan.dll" score Rules/samples/dak-to-2019.csv)

# Milliseconds one run of "$@" takes, output discarded.
run_ms() {
  local start=$EPOCHREALTIME
  "$@" > /dev/null 2>&1 || true
  local end=$EPOCHREALTIME
  echo "$start $end" | awk '{ printf "%.1f\n", ($2 - $1) * 1000 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for _ in 1 2; do run_ms "${hello_cmd[@]}" > /dev/null; run_ms "${score_cmd[@]}" > /dev/null; done
hello_times=()
score_times=()
for _ in $(seq "$rounds"); do
  hello_times+=("$(run_ms "${hello_cmd[@]}")")
  score_times+=("$(run_ms "${score_cmd[@]}")")
done

hello_median=$(printf '%s\n' "${hello_times[@]}" | median)
score_median=$(printf '%s\n' "${score_times[@]}" | median)
echo "hello world      median ${hello_median} ms   (${rounds} runs)"
echo "genderplan score median ${score_median} ms   (${rounds} runs)"
awk -v s="$score_median" -v h="$hello_median" 'BEGIN { printf "ratio            %.2f (goal: at most 3)\n", s / h }'
