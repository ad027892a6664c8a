/* Runs one check: the compiler with the plugin on a document's unsaved
 * text, in its own process group, with a deadline. The proxy's event loop
 * reads its output; nothing here blocks. */
#ifndef BVLSP_CHECK_H
#define BVLSP_CHECK_H

#include "document.h"

/* Starts argv in dir with the document's text (under a #line naming its
 * path) on standard input. 0 on success, -1 (and a message) on failure. */
int check_start(struct document *d, char **argv, const char *dir, long long now_ms,
		long long timeout_ms, int verbose);
/* Kills a running check (stale or timed out) and forgets it. */
void check_kill(struct document *d);
/* After its output ended: reaps it when it has exited (1; the output
 * stays in d->check.out), else 0: try again later. */
int check_try_finish(struct document *d);

#endif
