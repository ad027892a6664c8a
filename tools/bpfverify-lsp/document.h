/* Open documents: the editor's unsaved text (kept in step with didOpen and
 * didChange, full or incremental), its version, clangd's last diagnostics
 * for it, the last bpfverify results, and the state of its check. */
#ifndef BVLSP_DOCUMENT_H
#define BVLSP_DOCUMENT_H

#include <stddef.h>
#include <sys/types.h>
#include <cjson/cJSON.h>
#include "lsp_io.h"

struct check_run {
	pid_t pid;              /* 0: none running */
	int out_fd;             /* its standard output (the JSON report) */
	struct byte_buf out;
	long long version;      /* document version it checks */
	long long started_ms;
	long long cpu_ms;       /* its CPU time, once reaped */
	int status;             /* its wait status, once reaped */
	long long deadline_ms;  /* killed after this */
	char *input_path;       /* temp file with the text, removed after */
};

struct document {
	struct document *next;
	char *uri;
	char *path;             /* local file name, NULL if not a file: URI */
	int open;               /* opened by the editor (else: only diagnostics) */
	char *text;
	size_t len;
	long long version;
	cJSON *clangd_diags;    /* clangd's last diagnostics array (owned) */
	cJSON *bv_diags;        /* bpfverify's diagnostics array (owned) */
	cJSON *bv_actions;      /* code actions from bpfverify fix-its (owned) */
	int bpf;                /* -1 unknown, 0 no, 1 a BPF source */
	long long due_ms;       /* a check is due at this time (0: none) */
	struct check_run check;
};

struct document *doc_find(struct document **list, const char *uri, int create);
void doc_close(struct document **list, struct document *d);
void doc_set_text(struct document *d, const char *text);
/* Applies one TextDocumentContentChangeEvent (with or without range), and
 * moves bpfverify's diagnostics and fix-its below the edit by the lines it
 * added or removed, so that until the new text's check ends they stay on
 * their lines (clangd's new set goes out with them meanwhile). */
void doc_apply_change(struct document *d, const cJSON *change);
/* Shifts every range of this document under node starting after line
 * last by delta lines; ranges starting inside [first, last] go to first. */
void doc_shift_ranges(cJSON *node, const char *uri, long first, long last, long delta);
/* Byte offset of an LSP position (line, UTF-16 character), clamped. */
size_t doc_offset(const struct document *d, long line, long character);
/* Column (0-based, UTF-16) of byte column bcol (0-based) on line
 * (0-based); and the UTF-16 end column of the line's last non-blank. */
long doc_utf16_col(const struct document *d, long line, long bcol);
long doc_line_end(const struct document *d, long line);

char *uri_to_path(const char *uri);
char *path_to_uri(const char *path);

#endif
