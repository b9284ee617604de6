// SPDX-License-Identifier: MIT
// Read by jemalloc when the program starts (its `malloc_conf` option string). By default it
// keeps pages that were freed for ten seconds, to reuse them; a report takes a few seconds
// and frees most of what reading built before it expands and classifies, so the pages freed
// after reading would count in the peak memory until the end. A quarter of a second gives
// them back soon, at a small cost in system time (madvise); MALLOC_CONF still overrides it.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "dirty_decay_ms:250";
}
