#!/usr/bin/env bash
# Installs what building, the demo and the tests need, and nothing that is already there:
# Debian packages through apt-get only when absent, and a Python venv (.venv) for the peer clients.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES="pkg-config libssl-dev libsqlite3-dev libyaml-dev libmicrohttpd-dev libcurl4-openssl-dev openssl ca-certificates curl"
# Hardware-key peers for the tests only (`scripts/bootstrap.sh --test`): SoftHSM2 behind p11-kit and
# the OpenSSL PKCS#11 engine; a software TPM with the OpenSSL TPM2 provider.
if [ "${1:-}" = "--test" ]; then
    PACKAGES="$PACKAGES softhsm2 opensc p11-kit libengine-pkcs11-openssl swtpm swtpm-tools tpm2-tools tpm2-openssl libtss2-tcti-swtpm0"
fi
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "bootstrap: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do [ -x "$d/swift" ] && export PATH="$d:$PATH"; done
fi
command -v swift >/dev/null 2>&1 || { echo "bootstrap: the Swift toolchain is not on PATH" >&2; exit 1; }

# Peer clients for the end-to-end tests and the demo (never a run-time dependency of the product).
VENV=.venv
PEERS=(boto3 awscli iam-rolesanywhere-session cryptography "moto[server]")
if [ ! -x "$VENV/bin/aws" ] || [ ! -x "$VENV/bin/moto_server" ] \
    || ! "$VENV/bin/python" -c "import boto3, iam_rolesanywhere_session, cryptography, moto" 2>/dev/null; then
    echo "bootstrap: creating $VENV with ${PEERS[*]}" >&2
    PY=python3
    command -v "$PY" >/dev/null 2>&1 || { apt-get install -y -qq python3 python3-venv >/dev/null; }
    "$PY" -m venv "$VENV" 2>/dev/null || { apt-get install -y -qq python3-venv >/dev/null; "$PY" -m venv "$VENV"; }
    "$VENV/bin/pip" install -q --disable-pip-version-check "${PEERS[@]}"
fi
