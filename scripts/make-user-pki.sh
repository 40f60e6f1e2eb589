#!/usr/bin/env bash
# A user's own PKI, made with the openssl command line only (not `rolesanywhere ca`), so the
# end-to-end tests prove the server trusts any ordinary CA, not just the one it ships with.
#
#   scripts/make-user-pki.sh DIR
#
# Writes into DIR (created if missing; refuses to overwrite an existing PKI):
#   root.pem, root.key                  root CA, EC P-256, self-signed (the trust anchor)
#   intermediate.pem, intermediate.key  intermediate CA, EC P-256, signed by the root
#   edge-ec.pem, edge-ec.key            leaf, EC P-256,  OU=DataCenter-Northeast, signed by the intermediate
#   edge-rsa.pem, edge-rsa.key          leaf, RSA-2048,  OU=DataCenter-Northeast, signed by the intermediate
#   retail.pem, retail.key              leaf, EC P-256,  OU=Retail-West,          signed by the intermediate
#   revoked.pem, revoked.key            leaf, EC P-256,  OU=DataCenter-Northeast, revoked in the CRL
#   intermediate-crl.pem, .der          CRL from `openssl ca -gencrl` (the intermediate), listing revoked.pem
#   openssl.cnf, intermediate-ca/       the `openssl ca` configuration and database behind the CRL
#
# CA certificates: basicConstraints critical CA:TRUE, keyUsage critical keyCertSign+cRLSign.
# Leaves: basicConstraints critical CA:FALSE, keyUsage critical digitalSignature. All SHA-256.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
DIR=$1
if [ -e "$DIR/root.pem" ] || [ -e "$DIR/root.key" ]; then
    echo "$DIR already holds a PKI (root.pem or root.key exists); refusing to overwrite it" >&2
    exit 1
fi
mkdir -p "$DIR/intermediate-ca/newcerts"
DIR=$(cd "$DIR" && pwd)
umask 077

CNF="$DIR/openssl.cnf"
cat > "$CNF" <<CONFIG
# Written by make-user-pki.sh: the intermediate CA as \`openssl ca\` sees it.
[ ca ]
default_ca = intermediate_ca

[ intermediate_ca ]
dir              = $DIR/intermediate-ca
database         = \$dir/index.txt
new_certs_dir    = \$dir/newcerts
serial           = \$dir/serial
crlnumber        = \$dir/crlnumber
certificate      = $DIR/intermediate.pem
private_key      = $DIR/intermediate.key
default_md       = sha256
default_days     = 365
default_crl_days = 30
policy           = policy_loose
preserve         = yes
unique_subject   = no
copy_extensions  = none
email_in_dn      = no

[ policy_loose ]
countryName            = optional
stateOrProvinceName    = optional
localityName           = optional
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied
emailAddress           = optional

[ req ]
distinguished_name = req_dn
prompt             = no
default_md         = sha256

[ req_dn ]
CN = placeholder

[ v3_root ]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash

[ v3_intermediate ]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_leaf ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ crl_ext ]
authorityKeyIdentifier = keyid:always
CONFIG

touch "$DIR/intermediate-ca/index.txt"
echo 1000 > "$DIR/intermediate-ca/crlnumber"
openssl rand -hex 16 | sed 's/^./1/' > "$DIR/intermediate-ca/serial"

ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
rsa_key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }

# Root CA: self-signed.
ec_key "$DIR/root.key"
openssl req -config "$CNF" -new -x509 -key "$DIR/root.key" -sha256 -days 3650 \
    -subj "/O=Example Corp/OU=Security/CN=Example Corp User Root CA" \
    -extensions v3_root -set_serial "0x1$(openssl rand -hex 15)" -out "$DIR/root.pem"

# Intermediate CA: signed by the root.
ec_key "$DIR/intermediate.key"
openssl req -config "$CNF" -new -key "$DIR/intermediate.key" -sha256 \
    -subj "/O=Example Corp/OU=Security/CN=Example Corp Issuing CA 1" -out "$DIR/intermediate.csr"
openssl x509 -req -in "$DIR/intermediate.csr" -CA "$DIR/root.pem" -CAkey "$DIR/root.key" -sha256 -days 1825 \
    -extfile "$CNF" -extensions v3_intermediate -set_serial "0x1$(openssl rand -hex 15)" \
    -out "$DIR/intermediate.pem" 2>/dev/null

# Leaves: signed by the intermediate through `openssl ca`, so its database can revoke them.
leaf() { # NAME KEYKIND SUBJECT
    local name=$1 kind=$2 subject=$3
    "${kind}_key" "$DIR/$name.key"
    openssl req -config "$CNF" -new -key "$DIR/$name.key" -sha256 -subj "$subject" -out "$DIR/$name.csr"
    openssl ca -config "$CNF" -batch -notext -extensions v3_leaf -in "$DIR/$name.csr" -out "$DIR/$name.pem" 2>/dev/null
}
leaf edge-ec  ec  "/O=Example Corp/OU=DataCenter-Northeast/CN=edge-ec-01"
leaf edge-rsa rsa "/O=Example Corp/OU=DataCenter-Northeast/CN=edge-rsa-01"
leaf retail   ec  "/O=Example Corp/OU=Retail-West/CN=pos-17"
leaf revoked  ec  "/O=Example Corp/OU=DataCenter-Northeast/CN=edge-stolen-02"

# Revoke one leaf and publish the intermediate's CRL, in PEM and DER.
openssl ca -config "$CNF" -revoke "$DIR/revoked.pem" -crl_reason keyCompromise 2>/dev/null
openssl ca -config "$CNF" -gencrl -crlexts crl_ext -out "$DIR/intermediate-crl.pem" 2>/dev/null
openssl crl -in "$DIR/intermediate-crl.pem" -outform DER -out "$DIR/intermediate-crl.der"

rm -f "$DIR"/*.csr
chmod 644 "$DIR"/*.pem "$DIR"/*.der
for name in root intermediate edge-ec edge-rsa retail revoked; do
    printf '%-13s %s\n' "$name" "$(openssl x509 -in "$DIR/$name.pem" -noout -serial -subject -nameopt RFC2253 | tr '\n' ' ')"
done
echo "CRL           $(openssl crl -in "$DIR/intermediate-crl.pem" -noout -crlnumber) revokes $(openssl x509 -in "$DIR/revoked.pem" -noout -serial)"
