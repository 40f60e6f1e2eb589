/* C boundary for libmicrohttpd. MHD_start_daemon and MHD_get_daemon_info are variadic, so the
   options travel as one MHD_OptionItem array through these wrappers. */
#ifndef RA_CMICROHTTPD_SHIM_H
#define RA_CMICROHTTPD_SHIM_H
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>
static inline struct MHD_Daemon *ra_mhd_start(unsigned int flags, uint16_t port,
    MHD_AccessHandlerCallback dh, void *dh_cls, const struct MHD_OptionItem *opts) {
  return MHD_start_daemon(flags, port, NULL, NULL, dh, dh_cls, MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
}
static inline uint16_t ra_mhd_bound_port(struct MHD_Daemon *d) {
  const union MHD_DaemonInfo *i = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  return i ? i->port : 0;
}
static inline const struct sockaddr *ra_mhd_client_addr(struct MHD_Connection *c) {
  const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return i ? i->client_addr : NULL;
}
#endif
