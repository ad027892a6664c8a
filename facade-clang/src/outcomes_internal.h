/* outcomes_internal.h — one (program, kernel) result as plain data, the
 * way bvf_outcomes_add() hands it to the merging, so that merging can be
 * tested without an object file (facade-clang/test/test_outcomes.c).
 */
#ifndef BVF_OUTCOMES_INTERNAL_H
#define BVF_OUTCOMES_INTERNAL_H

#include <stdint.h>

#include "bpfverify/bvf.h"

struct bvf_outcome_input {
	const char *program;
	const char *section;
	const char *kernel;
	enum bv_verdict verdict;
	const char *message;            /* ignored for accept */
	int32_t insn;                   /* -1: none */
	struct bvf_source_loc loc;      /* of insn; line 0: unknown */
	struct bvf_source_loc entry;    /* of the program's first insn */
	uint32_t insns_processed;
	const struct bvf_outcome_note *notes;   /* text, insn, loc as given */
	size_t nr_notes;
	const struct bvf_fixit *fixit;          /* NULL: none */
};

/* The one-line text of a result for `kernels` ("kernel 6.18", "kernels
 * 6.1, 6.12"): bvf_format_error's forms. Returns 0, -ENOSPC when cut, or
 * -EINVAL (accept is not formatted here). */
int bvf_format_outcome(char *buf, size_t size, enum bv_verdict v, const char *message,
		       const char *program, const char *kernels);

/* Copies everything it keeps. */
int bvf_outcomes_add_input(struct bvf_outcomes *o, const struct bvf_outcome_input *in);

#endif
