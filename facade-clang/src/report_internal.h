/* report_internal.h — one row of the JSON results document, as plain data.
 *
 * bvf_report_add() turns (program, kernel, result) into a row; the row is
 * what the document is made of. Kept separate so the document's exact
 * shape can be tested without an object file (facade-clang/test/test_report.c).
 */
#ifndef BVF_REPORT_INTERNAL_H
#define BVF_REPORT_INTERNAL_H

#include <stdint.h>

#include "bpfverify/bvf.h"

/* NULL strings and negative numbers are written as JSON null. */
struct bvf_report_row {
	const char *program;
	const char *section;
	const char *prog_type;
	const char *kernel;
	const char *verdict;       /* "accept", "reject", "load_error", "error" */
	const char *message;
	int64_t insn;
	const char *file;
	int64_t line;
	int64_t column;
	uint64_t insns_processed;
	uint64_t states;
	uint64_t time_us;
	const char *class_id;      /* rejection class (diag_class.c); NULL for accept */
	const struct bvf_outcome_note *notes;  /* loc.line 0: unknown */
	size_t nr_notes;
	const struct bvf_fixit *fixit;         /* NULL: none ("fixits": []) */
};

int bvf_report_add_row(struct bvf_report *rep, const struct bvf_report_row *row);

#endif
