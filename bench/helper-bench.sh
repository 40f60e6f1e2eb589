#!/usr/bin/env bash
# Times `aws_signing_helper credential-process` end to end against `rolesanywhere serve` on loopback
# HTTPS, uncached and cached (--cache-file), side by side with AWS's Python client
# iam-rolesanywhere-session doing the same job in a fresh process, and prints medians, ratios and
# the issue's targets as PASS/MISS lines. Not part of `make test`.
#
#   bench/helper-bench.sh            # what `make bench-helper` runs
#   BENCH_RUNS=200 bench/helper-bench.sh
#   BENCH_SCRATCH_PATH=/tmp/build-x bench/helper-bench.sh   # build into another scratch path
#   RA_BIN=.build/release bench/helper-bench.sh              # time these binaries, build nothing
#   BENCH_NO_HYPERFINE=1 bench/helper-bench.sh               # use the fallback timing loop
#
# Timing uses hyperfine (Debian package `hyperfine`) when present, else a bounded loop in Python
# that measures the wall time of each run; either way the numbers include process start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export PATH="/opt/swift/usr/bin:$PATH"

RUNS=${BENCH_RUNS:-100}            # per helper variant
PY_RUNS=${BENCH_PY_RUNS:-15}       # the Python client takes about half a second per run
UNCACHED_TARGET_MS=10
CACHED_TARGET_MS=3
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "bench: $PY is missing; run scripts/bootstrap.sh --test first" >&2; exit 1; }

BUILD=(swift build -c release --static-swift-stdlib)
[ -n "${BENCH_SCRATCH_PATH:-}" ] && BUILD+=(--scratch-path "$BENCH_SCRATCH_PATH")
if [ -z "${RA_BIN:-}" ]; then
    echo "bench: building release binaries (${BUILD[*]})" >&2
    "${BUILD[@]}" > "${TMPDIR:-/tmp}/helper-bench-build.log" 2>&1 \
        || { grep -E 'error' "${TMPDIR:-/tmp}/helper-bench-build.log" >&2; exit 1; }
fi
BIN=${RA_BIN:-$("${BUILD[@]}" --show-bin-path)}
RA="$BIN/rolesanywhere"
HELPER="$BIN/aws_signing_helper"
for exe in "$RA" "$HELPER"; do [ -x "$exe" ] || { echo "bench: $exe was not built" >&2; exit 1; }; done

WORK=$(mktemp -d /tmp/helper-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- The server, as scripts/demo.sh sets it up -----------------------------------------------------
"$RA" ca init --dir "$WORK/ca" --subject "CN=Bench Edge Root CA,O=Example Corp" >/dev/null
"$RA" ca init --dir "$WORK/tls-ca" --subject "CN=Bench TLS CA,O=Example Corp" >/dev/null
"$RA" ca issue --dir "$WORK/tls-ca" --server --subject "CN=localhost" --san dns:localhost --san ip:127.0.0.1 \
    --out "$WORK/tls" >/dev/null
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ENDPOINT="https://localhost:$PORT"
"$RA" serve --data-dir "$WORK/data" --listen "127.0.0.1:$PORT" --tls-cert "$WORK/tls.pem" --tls-key "$WORK/tls.key" \
    2> "$WORK/server.log" &
SERVER_PID=$!
export AWS_CA_BUNDLE="$WORK/tls-ca/ca.pem"
for _ in $(seq 1 100); do
    curl -sf --cacert "$AWS_CA_BUNDLE" "$ENDPOINT/ping" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
done
"$RA" deploy --data-dir "$WORK/data" examples/edge-workload.yaml --stack-name edge \
    --parameter CACertificateBody=@"$WORK/ca/ca.pem" > "$WORK/stack.json"
arn() { "$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['outputs'][sys.argv[2]])" "$WORK/stack.json" "$1"; }
ANCHOR=$(arn TrustAnchorArn)
PROFILE=$(arn ProfileArn)
ROLE=$(arn RoleArn)
"$RA" ca issue --dir "$WORK/ca" --subject "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp" --out "$WORK/edge" >/dev/null

# --- The three contenders ----------------------------------------------------------------------------
HELPER_ARGS="credential-process --certificate $WORK/edge.pem --private-key $WORK/edge.key --trust-anchor-arn $ANCHOR --profile-arn $PROFILE --role-arn $ROLE --endpoint $ENDPOINT"
UNCACHED="$HELPER $HELPER_ARGS"
CACHED="$HELPER $HELPER_ARGS --cache-file $WORK/cache/credentials.cache"
cat > "$WORK/python_client.py" <<'PYTHON'
# The same job as `credential-process`, with AWS's Python client: sign, call CreateSession, print the
# credential_process JSON.
import json, sys
from iam_rolesanywhere_session import IAMRolesAnywhereSession
port, ca, certificate, key, anchor, profile, role = sys.argv[1:8]
with open(certificate, "rb") as c, open(key, "rb") as k:
    session = IAMRolesAnywhereSession(profile_arn=profile, role_arn=role, trust_anchor_arn=anchor,
                                      certificate=c.read(), private_key=k.read(), region="us-east-1",
                                      endpoint="localhost:" + port, verify=ca)
frozen = session.get_refreshable_credentials().get_frozen_credentials()
sys.stdout.write(json.dumps({"Version": 1, "AccessKeyId": frozen.access_key, "SecretAccessKey": frozen.secret_key,
                             "SessionToken": frozen.token}))
PYTHON
PYTHON_CLIENT="$PY $WORK/python_client.py $PORT $AWS_CA_BUNDLE $WORK/edge.pem $WORK/edge.key $ANCHOR $PROFILE $ROLE"

# Each must produce credentials before it is timed.
for command in "$UNCACHED" "$CACHED" "$PYTHON_CLIENT"; do
    # shellcheck disable=SC2086
    out=$($command) || { echo "bench: failed: $command" >&2; tail -n 5 "$WORK/server.log" >&2; exit 1; }
    "$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["AccessKeyId"].startswith("ASIA")' "$out" \
        || { echo "bench: no credentials from: $command" >&2; exit 1; }
done

# --- Timing -------------------------------------------------------------------------------------------
HYPERFINE=""
[ -z "${BENCH_NO_HYPERFINE:-}" ] && HYPERFINE=$(command -v hyperfine || true)
# Prints "median mean min max runs" in milliseconds for one command.
measure() {
    local runs=$1 command=$2 json="$WORK/timing.json"
    if [ -n "$HYPERFINE" ]; then
        "$HYPERFINE" -N --style none --warmup 3 --runs "$runs" --export-json "$json" "$command" >/dev/null 2>&1 \
            || { echo "bench: hyperfine failed for: $command" >&2; exit 1; }
        "$PY" - "$json" <<'PYTHON'
import json, statistics, sys
times = [t * 1000 for t in json.load(open(sys.argv[1]))["results"][0]["times"]]
print("%.2f %.2f %.2f %.2f %d" % (statistics.median(times), statistics.mean(times), min(times), max(times), len(times)))
PYTHON
    else
        "$PY" - "$runs" "$command" <<'PYTHON'
import shlex, statistics, subprocess, sys, time
runs, argv = int(sys.argv[1]), shlex.split(sys.argv[2])
times = []
for i in range(runs + 3):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    if i >= 3:  # the first three are warm-up, as with hyperfine
        times.append((time.perf_counter() - start) * 1000)
print("%.2f %.2f %.2f %.2f %d" % (statistics.median(times), statistics.mean(times), min(times), max(times), len(times)))
PYTHON
    fi
}

TOOL="a Python wall-clock loop (apt-get install hyperfine for better numbers)"
[ -n "$HYPERFINE" ] && TOOL="hyperfine $("$HYPERFINE" --version | cut -d' ' -f2)"
echo "bench: timing with $TOOL on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
read -r FLOOR_MED _ <<< "$(measure "$RUNS" "$HELPER version")"
read -r UNC_MED UNC_MEAN UNC_MIN UNC_MAX UNC_N <<< "$(measure "$RUNS" "$UNCACHED")"
read -r CAC_MED CAC_MEAN CAC_MIN CAC_MAX CAC_N <<< "$(measure "$RUNS" "$CACHED")"
read -r PY_MED PY_MEAN PY_MIN PY_MAX PY_N <<< "$(measure "$PY_RUNS" "$PYTHON_CLIENT")"

"$PY" - "$UNCACHED_TARGET_MS" "$CACHED_TARGET_MS" "$FLOOR_MED" \
    "$UNC_MED" "$UNC_MEAN" "$UNC_MIN" "$UNC_MAX" "$UNC_N" \
    "$CAC_MED" "$CAC_MEAN" "$CAC_MIN" "$CAC_MAX" "$CAC_N" \
    "$PY_MED" "$PY_MEAN" "$PY_MIN" "$PY_MAX" "$PY_N" <<'PYTHON'
import sys
a = sys.argv[1:]
uncached_target, cached_target, floor = float(a[0]), float(a[1]), float(a[2])
rows = [("aws_signing_helper, uncached", a[3:8]), ("aws_signing_helper, cached (--cache-file)", a[8:13]),
        ("python iam-rolesanywhere-session", a[13:18])]
print()
print("credential-process end to end, loopback HTTPS (times in ms, process start-up included)")
print("%-44s %9s %9s %9s %9s %5s" % ("", "median", "mean", "min", "max", "runs"))
for name, (median, mean, low, high, runs) in rows:
    print("%-44s %9s %9s %9s %9s %5s" % (name, median, mean, low, high, runs))
print("%-44s %9.2f" % ("(start-up floor: aws_signing_helper version)", floor))
unc, cac, py = float(a[3]), float(a[8]), float(a[13])
print()
print("ratio python / helper uncached: %.1fx" % (py / unc))
print("ratio python / helper cached:   %.1fx" % (py / cac))
print("ratio uncached / cached:        %.1fx" % (unc / cac))
print()
print("%s uncached median %.2f ms < %g ms" % ("PASS" if unc < uncached_target else "MISS", unc, uncached_target))
print("%s cached median %.2f ms < %g ms" % ("PASS" if cac < cached_target else "MISS", cac, cached_target))
PYTHON
