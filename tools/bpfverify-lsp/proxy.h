/* The proxy's state and its event loop: messages from the editor go to
 * clangd, messages from clangd go to the editor, and for BPF sources
 * checks run beside them (see proxy.c). */
#ifndef BVLSP_PROXY_H
#define BVLSP_PROXY_H

#include <sys/types.h>
#include "compdb.h"
#include "document.h"
#include "lsp_io.h"

/* A codeAction request the editor sent, whose reply gets our fix-its. */
struct pending_action {
	struct pending_action *next;
	char *id;               /* the request id, printed */
	char *uri;
	long first, last;       /* requested lines */
};

struct proxy {
	struct lsp_reader editor_in, clangd_out;
	struct lsp_writer editor_out, clangd_in;
	int clangd_err;
	pid_t clangd_pid;
	struct document *docs;
	struct pending_action *actions;
	struct check_options check;
	const char *compdb_dir;  /* clangd's --compile-commands-dir */
	long long debounce_ms, timeout_ms;
	int max_checks;
	int code_action_literals; /* the editor takes CodeAction objects */
	int related_information;  /* the editor shows relatedInformation */
	int shutting_down;
};

/* Runs until clangd or the editor goes away; clangd's exit status. */
int proxy_run(struct proxy *px);

#endif
