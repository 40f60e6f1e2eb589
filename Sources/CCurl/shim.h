/* C boundary for libcurl. curl_easy_setopt/getinfo are variadic; these typed wrappers import. */
#ifndef RA_CCURL_SHIM_H
#define RA_CCURL_SHIM_H
#include <curl/curl.h>
static inline CURLcode ra_curl_setopt_str(CURL *c, CURLoption o, const char *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode ra_curl_setopt_long(CURL *c, CURLoption o, long v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode ra_curl_setopt_ptr(CURL *c, CURLoption o, void *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode ra_curl_setopt_write_cb(CURL *c, CURLoption o, size_t (*cb)(char *, size_t, size_t, void *)) { return curl_easy_setopt(c, o, cb); }
static inline CURLcode ra_curl_getinfo_long(CURL *c, CURLINFO i, long *v) { return curl_easy_getinfo(c, i, v); }
#endif
