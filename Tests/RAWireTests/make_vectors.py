#!/usr/bin/env python3
"""Regenerates Tests/RAWireTests/SigV4GoldenVectors.swift from botocore, the reference SigV4 peer.

Usage (any venv with botocore installed):

    python3 -m venv /tmp/venv-wire && /tmp/venv-wire/bin/pip install botocore
    /tmp/venv-wire/bin/python Tests/RAWireTests/make_vectors.py > Tests/RAWireTests/SigV4GoldenVectors.swift

AWS4-HMAC-SHA256 vectors are produced end to end by ``botocore.auth.SigV4Auth.add_auth`` with the
clock pinned. SigV4-X509 vectors reuse botocore's canonical request (the awslabs Python client,
iam-rolesanywhere-session, inherits it unchanged from SigV4Auth) and build the string to sign the
way that client and the official Go helper do: ALGORITHM, X-Amz-Date, scope, hex(sha256(canonical)).
For the header sets used here (no repeated keys, no runs of spaces) the Go helper's canonicalisation
gives the same bytes. The X.509 signature itself is not a fixed value (ECDSA is randomised), so it is
checked by round trip in the Swift tests instead.
"""

import datetime
import hashlib
import json
from unittest import mock
from urllib.parse import quote, urlencode

import botocore
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN/with+slash=="
FIXED_NOW = datetime.datetime(2024, 7, 6, 11, 38, 59)
AMZ_DATE = FIXED_NOW.strftime("%Y%m%dT%H%M%SZ")


def swift_string(text):
    """A Swift string literal, escaped so the exact bytes survive."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class RecordingSigV4Auth(SigV4Auth):
    """SigV4Auth that keeps the intermediate strings of the signing it just did."""

    def string_to_sign(self, request, canonical_request):
        self.recorded_canonical = canonical_request
        self.recorded_string_to_sign = super().string_to_sign(request, canonical_request)
        return self.recorded_string_to_sign


def hmac_vector(name, method, url, region, service, headers, body=b"", token=None, params=None):
    request = AWSRequest(method=method, url=url, data=body, params=params)
    for key, value in headers:
        request.headers[key] = value  # HTTPHeaders appends, so repeated names stay repeated
    signer = RecordingSigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, token), service, region)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=FIXED_NOW):
        signer.add_auth(request)
    return {
        "name": name,
        "canonical": signer.recorded_canonical,
        "string_to_sign": signer.recorded_string_to_sign,
        "authorization": request.headers["Authorization"],
    }


def x509_vector(name, url, region, headers, body, algorithm):
    request = AWSRequest(method="POST", url=url, data=body)
    for key, value in headers:
        request.headers[key] = value
    canonicaliser = SigV4Auth(None, "rolesanywhere", region)
    canonical = canonicaliser.canonical_request(request)
    scope = "%s/%s/rolesanywhere/aws4_request" % (AMZ_DATE[:8], region)
    string_to_sign = "\n".join([algorithm, AMZ_DATE, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    return {"name": name, "canonical": canonical, "string_to_sign": string_to_sign}


def main():
    hmac_vectors = [
        # Decoded form of the raw query "a=b c&A=1&b=%2F&empty": botocore encodes and sorts it.
        hmac_vector("GetTrickyQuery", "GET", "https://rolesanywhere.us-east-1.amazonaws.com/trustanchors",
                    "us-east-1", "rolesanywhere", [],
                    params=[("a", "b c"), ("A", "1"), ("b", "/"), ("empty", "")]),
        hmac_vector("PostJSON", "POST", "https://rolesanywhere.eu-west-1.amazonaws.com/trustanchors",
                    "eu-west-1", "rolesanywhere", [("Content-Type", "application/json")],
                    body=b'{"enabled":true,"name":"anchor <1> & co","source":{"sourceData":'
                         b'{"acmPcaArn":"arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/x"},'
                         b'"sourceType":"AWS_ACM_PCA"}}'),
        hmac_vector("STSGetCallerIdentity", "POST", "https://sts.amazonaws.com/", "us-east-1", "sts",
                    [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                    body=b"Action=GetCallerIdentity&Version=2011-06-15", token=SESSION_TOKEN),
        # Non-default port, dot segments, a double slash and an encoded space in the path; repeated
        # and space-padded x-amz-* headers.
        hmac_vector("IAMOddPath", "GET",
                    "http://127.0.0.1:8080/roles/my%20role/./x/../tags//?Version=2010-05-08&Action=ListRoles",
                    "us-east-1", "iam",
                    [("X-Amz-Meta-Note", "  a   b  c "), ("X-Amz-Meta-Multi", "one"), ("X-Amz-Meta-Multi", "two")]),
    ]
    # Cross-check: botocore canonicalises the encoded raw query to the same string as the params form.
    raw = hmac_vector("raw", "GET", "https://rolesanywhere.us-east-1.amazonaws.com/trustanchors?a=b%20c&A=1&b=%2F&empty",
                      "us-east-1", "rolesanywhere", [])
    assert raw["canonical"] == hmac_vectors[0]["canonical"], "raw and params query forms disagree"

    cert = "MIIBfakeLEAFcertificateDERbase64+/AAAA=="
    chain = "MIIBfakeINTERMEDIATEone+/BBBB==,MIIBfakeROOTtwo+/CCCC=="
    profile = "arn:aws:rolesanywhere:us-east-2:111122223333:profile/8a4fd1b0-55b3-4a0e-9c4b-1d2a8f3c7e61"
    role = "arn:aws:iam::111122223333:role/Workload Role"
    anchor = "arn:aws:rolesanywhere:us-east-2:111122223333:trust-anchor/5c2e9f7a-0b1d-4e3f-8a6b-2c9d4e5f6a7b"
    query = urlencode([("profileArn", profile), ("roleArn", role), ("trustAnchorArn", anchor)], quote_via=quote)
    x509_vectors = [
        x509_vector("HelperPre15", "https://rolesanywhere.us-east-2.amazonaws.com/sessions?" + query, "us-east-2",
                    [("Content-Type", "application/json"), ("Host", "rolesanywhere.us-east-2.amazonaws.com"),
                     ("User-Agent", "CredHelper/1.1.1 (go1.21.5; linux; amd64)"), ("X-Amz-Date", AMZ_DATE),
                     ("X-Amz-X509", cert)],
                    b'{"durationSeconds":3600}', "AWS4-X509-RSA-SHA256"),
        x509_vector("Helper15", "https://127.0.0.1:8443/sessions?" + query, "us-east-2",
                    [("Amz-Sdk-Invocation-Id", "3f1c2b4a-6d5e-4f70-8a9b-0c1d2e3f4a5b"),
                     ("Amz-Sdk-Request", "attempt=1; max=3"), ("Content-Type", "application/json"),
                     ("Host", "127.0.0.1:8443"), ("User-Agent", "CredHelper/1.7.0 (go1.24.1; linux; amd64)"),
                     ("X-Amz-Date", AMZ_DATE), ("X-Amz-X509", cert), ("X-Amz-X509-Chain", chain)],
                    b'{"durationSeconds":900,"roleSessionName":"job-42"}', "AWS4-X509-ECDSA-SHA256"),
        x509_vector("PythonBody", "https://rolesanywhere.us-east-2.amazonaws.com/sessions", "us-east-2",
                    [("Host", "rolesanywhere.us-east-2.amazonaws.com"),
                     ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Date", AMZ_DATE),
                     ("X-Amz-X509", cert), ("X-Amz-X509-Chain", chain)],
                    json.dumps({"durationSeconds": 3600, "profileArn": profile, "roleArn": role,
                                "trustAnchorArn": anchor}).encode(), "AWS4-X509-ECDSA-SHA256"),
    ]

    print("// Generated by Tests/RAWireTests/make_vectors.py with botocore %s; do not edit by hand." % botocore.__version__)
    print("// Fixed credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, fixed date %s." % AMZ_DATE)
    print()
    print("enum SigV4GoldenVectors {")
    print("    static let amzDate = %s" % swift_string(AMZ_DATE))
    print("    static let accessKeyID = %s" % swift_string(ACCESS_KEY))
    print("    static let secretAccessKey = %s" % swift_string(SECRET_KEY))
    print("    static let sessionToken = %s" % swift_string(SESSION_TOKEN))
    print("    static let x509Certificate = %s" % swift_string(cert))
    print("    static let x509Chain = %s" % swift_string(chain))
    print("    static let profileArn = %s" % swift_string(profile))
    print("    static let roleArn = %s" % swift_string(role))
    print("    static let trustAnchorArn = %s" % swift_string(anchor))
    print("    static let helperQuery = %s" % swift_string(query))
    for vector in hmac_vectors:
        print()
        print("    enum %s {" % vector["name"])
        print("        static let canonicalRequest = %s" % swift_string(vector["canonical"]))
        print("        static let stringToSign = %s" % swift_string(vector["string_to_sign"]))
        print("        static let authorization = %s" % swift_string(vector["authorization"]))
        print("    }")
    for vector in x509_vectors:
        print()
        print("    enum %s {" % vector["name"])
        print("        static let canonicalRequest = %s" % swift_string(vector["canonical"]))
        print("        static let stringToSign = %s" % swift_string(vector["string_to_sign"]))
        print("    }")
    print("}")


if __name__ == "__main__":
    main()
