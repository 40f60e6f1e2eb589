/* C boundary for SQLite 3. SQLITE_TRANSIENT is a function-pointer cast that Swift cannot import. */
#ifndef RA_CSQLITE_SHIM_H
#define RA_CSQLITE_SHIM_H
#include <sqlite3.h>
static inline sqlite3_destructor_type ra_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
