/* C boundary for libyaml. */
#ifndef RA_CYAML_SHIM_H
#define RA_CYAML_SHIM_H
#include <yaml.h>
#endif
