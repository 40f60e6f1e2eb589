/// The hash inside a signature algorithm. Roles Anywhere rejects certificates signed with MD5 or
/// SHA-1, so policies need the digest separated from the key type.
public enum DigestAlgorithm: String, Sendable, Hashable {
    case md5, sha1, sha224, sha256, sha384, sha512, other
}
