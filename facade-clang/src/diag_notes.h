/* diag_notes.h — the notes a result is reported with (diag_notes.c). */
#ifndef BVF_DIAG_NOTES_H
#define BVF_DIAG_NOTES_H

#include <stddef.h>

#include "bpfverify/bvf.h"

/* The core's notes (at most four causal ones) plus the class note, one
 * explanation the report layer adds, and the suggestion. */
#define BVF_NOTES_MAX (BV_NOTES_MAX + 4)

struct bvf_note_list {
	struct bvf_outcome_note notes[BVF_NOTES_MAX];
	char texts[BVF_NOTES_MAX][BV_MSG_MAX + 1];
	size_t nr;
};

/* The notes to show with res (prog's result for one kernel), each at a
 * source location when the line info has one:
 *  - for a rejection, first its class ("… [nullable-pointer]"), then the
 *    core's "why" notes — the causal path — then what only the report
 *    layer can tell (the context field by name, a build hint), then a
 *    suggestion;
 *  - a note about no instruction is about the error's own place: it has
 *    the error's location, or none (line 0) when the error has none, for
 *    the consumer to place it where it places the error;
 *  - no text twice, and none that repeats the kernel's message at the
 *    error's own line.
 * An accept has no notes. out->notes[i].text points into out->texts. */
/* The source location of instruction insn (all zero when the line info
 * has none, or insn < 0); its text is not kept. */
struct bvf_source_loc bvf_insn_loc(const struct bvf_program *prog, int32_t insn);

void bvf_result_notes(const struct bvf_program *prog, const struct bv_result *res,
		      struct bvf_note_list *out);

#endif
