/// The two ways a request is signed: with an access key (HMAC) or with a certificate key (X.509).
public enum SigningCredentials: Sendable {
    case hmac(HMACCredentials)
    case x509(X509SigningIdentity)
}
