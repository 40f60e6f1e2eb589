/* C boundary for OpenSSL 3: the includes, plus static inline wrappers for the macros and
   variadic functions that Swift cannot import. Only RACrypto imports this module. */
#ifndef RA_COPENSSL_SHIM_H
#define RA_COPENSSL_SHIM_H
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/opensslv.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>
#include <openssl/rand.h>
#include <openssl/hmac.h>
#include <openssl/pkcs12.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/ssl.h>
#include <openssl/engine.h>
#include <openssl/ui.h>
#include <openssl/store.h>
#include <openssl/provider.h>
#include <openssl/ecdsa.h>

static inline void ra_openssl_free(void *p) { OPENSSL_free(p); }
static inline long ra_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }
static inline EVP_PKEY *ra_EVP_EC_gen(const char *curve) { return EVP_EC_gen(curve); }
static inline EVP_PKEY *ra_EVP_RSA_gen(unsigned int bits) { return EVP_RSA_gen(bits); }
static inline unsigned long ra_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }

static inline STACK_OF(X509) *ra_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int ra_sk_X509_push(STACK_OF(X509) *sk, X509 *x) { return sk_X509_push(sk, x); }
static inline int ra_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *ra_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
static inline void ra_sk_X509_free(STACK_OF(X509) *sk) { sk_X509_free(sk); }
static inline void ra_sk_X509_pop_free(STACK_OF(X509) *sk) { sk_X509_pop_free(sk, X509_free); }
static inline int ra_sk_GENERAL_NAME_num(const GENERAL_NAMES *sk) { return sk_GENERAL_NAME_num(sk); }
static inline GENERAL_NAME *ra_sk_GENERAL_NAME_value(const GENERAL_NAMES *sk, int i) { return sk_GENERAL_NAME_value(sk, i); }
static inline void ra_GENERAL_NAMES_free(GENERAL_NAMES *sk) { GENERAL_NAMES_free(sk); }
static inline int ra_sk_X509_REVOKED_num(const STACK_OF(X509_REVOKED) *sk) { return sk_X509_REVOKED_num(sk); }
static inline X509_REVOKED *ra_sk_X509_REVOKED_value(const STACK_OF(X509_REVOKED) *sk, int i) { return sk_X509_REVOKED_value(sk, i); }
static inline int ra_sk_ASN1_OBJECT_num(const STACK_OF(ASN1_OBJECT) *sk) { return sk_ASN1_OBJECT_num(sk); }
static inline ASN1_OBJECT *ra_sk_ASN1_OBJECT_value(const STACK_OF(ASN1_OBJECT) *sk, int i) { return sk_ASN1_OBJECT_value(sk, i); }

/* RACrypto additions: stacks used when building certificates, and small macro wrappers. */
static inline GENERAL_NAMES *ra_sk_GENERAL_NAME_new_null(void) { return sk_GENERAL_NAME_new_null(); }
static inline int ra_sk_GENERAL_NAME_push(GENERAL_NAMES *sk, GENERAL_NAME *n) { return sk_GENERAL_NAME_push(sk, n); }
static inline STACK_OF(ASN1_OBJECT) *ra_sk_ASN1_OBJECT_new_null(void) { return sk_ASN1_OBJECT_new_null(); }
static inline int ra_sk_ASN1_OBJECT_push(STACK_OF(ASN1_OBJECT) *sk, ASN1_OBJECT *o) { return sk_ASN1_OBJECT_push(sk, o); }
static inline void ra_EXTENDED_KEY_USAGE_free(EXTENDED_KEY_USAGE *eku) { EXTENDED_KEY_USAGE_free(eku); }
static inline int ra_EVP_CTRL_GCM_SET_IVLEN(void) { return EVP_CTRL_GCM_SET_IVLEN; }
static inline int ra_EVP_CTRL_GCM_GET_TAG(void) { return EVP_CTRL_GCM_GET_TAG; }
static inline int ra_EVP_CTRL_GCM_SET_TAG(void) { return EVP_CTRL_GCM_SET_TAG; }
/* RACrypto hardware keys: the PKCS#11 engine's LOAD_CERT_CTRL parameter block (libp11's layout), and
   ERR_get_error_all without the file/line/function outputs Swift has no use for. */
static inline int ra_ENGINE_load_certificate(ENGINE *e, const char *uri, X509 **out) {
    struct { const char *s_slot_cert_id; X509 *cert; } params = { uri, NULL };
    int ok = ENGINE_ctrl_cmd(e, "LOAD_CERT_CTRL", 0, &params, NULL, 1);
    *out = params.cert;
    return ok;
}
static inline unsigned long ra_ERR_get_error_data(const char **data, int *flags) {
    return ERR_get_error_all(NULL, NULL, NULL, data, flags);
}
static inline int ra_ERR_TXT_STRING(void) { return ERR_TXT_STRING; }
static inline int ra_ERR_SYSTEM_ERROR(unsigned long code) { return ERR_SYSTEM_ERROR(code); }
#endif
