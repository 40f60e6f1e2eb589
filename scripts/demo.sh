#!/usr/bin/env bash
# The article's scenario on this machine, end to end, on loopback with a temporary data dir:
# a CA is trusted, a role admits one OU, a workload with only a certificate gets one-hour
# credentials through credential_process, the real AWS CLI uses them, another OU is refused,
# a revoked certificate is refused at its next request, and the audit trail shows it all.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${RA_BIN:-$(swift build --show-bin-path)}
RA="$BIN/rolesanywhere"
HELPER="$BIN/aws_signing_helper"
PY="$ROOT/.venv/bin/python"
AWS="$ROOT/.venv/bin/aws"

WORK=$(mktemp -d /tmp/rolesanywhere-demo.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

step "1. A CA for the edge fleet (the built-in one; bring your own PKI just as well)"
"$RA" ca init --dir "$WORK/ca" --subject "CN=Example Edge Root CA,O=Example Corp"
"$RA" ca init --dir "$WORK/tls-ca" --subject "CN=Example TLS CA,O=Example Corp" >/dev/null
"$RA" ca issue --dir "$WORK/tls-ca" --server --subject "CN=localhost" --san dns:localhost --san ip:127.0.0.1 --out "$WORK/tls" >/dev/null

PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ENDPOINT="https://localhost:$PORT"
step "2. Start the server over HTTPS on $ENDPOINT"
"$RA" serve --data-dir "$WORK/data" --listen "127.0.0.1:$PORT" --tls-cert "$WORK/tls.pem" --tls-key "$WORK/tls.key" \
    2> "$WORK/server.log" &
SERVER_PID=$!
export AWS_CA_BUNDLE="$WORK/tls-ca/ca.pem"
for _ in $(seq 1 100); do
    curl -sf --cacert "$AWS_CA_BUNDLE" "$ENDPOINT/ping" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.1
done
echo "server running (pid $SERVER_PID)"

step "3. Deploy examples/edge-workload.yaml: trust anchor, role for OU=DataCenter-Northeast, one-hour profile"
"$RA" deploy --data-dir "$WORK/data" examples/edge-workload.yaml --stack-name edge \
    --parameter CACertificateBody=@"$WORK/ca/ca.pem" | tee "$WORK/stack.json"
ANCHOR=$(json 'd["outputs"]["TrustAnchorArn"]' < "$WORK/stack.json")
PROFILE=$(json 'd["outputs"]["ProfileArn"]' < "$WORK/stack.json")
ROLE=$(json 'd["outputs"]["RoleArn"]' < "$WORK/stack.json")

step "4. Certificates: one for the edge server (OU=DataCenter-Northeast), one from another OU"
"$RA" ca issue --dir "$WORK/ca" --subject "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp" --out "$WORK/edge"
"$RA" ca issue --dir "$WORK/ca" --subject "CN=pos-17,OU=Retail-West,O=Example Corp" --out "$WORK/retail"

step "5. ~/.aws/config: the workload has a certificate and no access key"
mkdir -p "$WORK/aws"
for who in edge retail; do
    name=$([ "$who" = edge ] && echo edge-workload || echo retail-workload)
    cat >> "$WORK/aws/config" <<CONFIG
[profile $name]
region = us-east-1
credential_process = $HELPER credential-process --certificate $WORK/$who.pem --private-key $WORK/$who.key --trust-anchor-arn $ANCHOR --profile-arn $PROFILE --role-arn $ROLE --endpoint $ENDPOINT
CONFIG
done
export AWS_CONFIG_FILE="$WORK/aws/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws/credentials"
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
sed "s#$WORK#\$DEMO#g" "$WORK/aws/config"

step "6. What credential_process hands the AWS SDKs (secret masked)"
"$HELPER" credential-process --certificate "$WORK/edge.pem" --private-key "$WORK/edge.key" \
    --trust-anchor-arn "$ANCHOR" --profile-arn "$PROFILE" --role-arn "$ROLE" --endpoint "$ENDPOINT" \
    | "$PY" -c 'import json,sys; d=json.load(sys.stdin); d["SecretAccessKey"]=d["SecretAccessKey"][:4]+"…(masked)"; d["SessionToken"]=d["SessionToken"][:12]+"…(%d chars)"%len(d["SessionToken"]); print(json.dumps(d, indent=2, ensure_ascii=False))'

step "7. The unchanged AWS CLI, profile edge-workload: who am I?"
"$AWS" sts get-caller-identity --profile edge-workload --endpoint-url "$ENDPOINT"

step "8. A certificate from another OU is refused by the role's trust policy"
if "$AWS" sts get-caller-identity --profile retail-workload --endpoint-url "$ENDPOINT" 2> "$WORK/err.txt"; then
    echo "UNEXPECTED: the other OU got credentials"; exit 1
fi
tail -n 3 "$WORK/err.txt"

step "9. Revoke the edge certificate at the CA and import the CRL: refused at its next request"
"$RA" ca revoke --dir "$WORK/ca" "$WORK/edge.pem"
"$RA" ca crl --dir "$WORK/ca" --out "$WORK/ca.crl"
"$RA" crl import --data-dir "$WORK/data" --trust-anchor-arn "$ANCHOR" --name edge-ca-crl "$WORK/ca.crl"
if "$AWS" sts get-caller-identity --profile edge-workload --endpoint-url "$ENDPOINT" 2> "$WORK/err.txt"; then
    echo "UNEXPECTED: the revoked certificate still got credentials"; exit 1
fi
tail -n 3 "$WORK/err.txt"

step "10. The audit trail: every request, with the certificate's serial number"
"$RA" audit --data-dir "$WORK/data" | "$PY" -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    cert = r.get("certificate") or {}
    outcome = "granted " + r["responseElements"]["assumedRoleArn"] if r.get("responseElements") else "denied: %s (%s)" % (r.get("errorCode"), r.get("denialReason"))
    if r["eventName"] != "CreateSession":
        outcome = (r.get("principal") or "") + (" " + r["errorCode"] if r.get("errorCode") else " ok")
    print("%s %-17s serial=%s %s" % (r["eventTime"], r["eventName"], cert.get("serialNumberHex", "-"), outcome))
'

step "11. Stop the server"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" && echo "server stopped cleanly"; SERVER_PID=""
echo; echo "demo complete"
