/*
 * oracle.h - shared types of bpfverify-oracle, the tool that asks the real
 * kernel verifier about each program of a BPF object: what one load attempt
 * produced (struct oracle_load), what the verifier log says
 * (struct oracle_log_facts), and the entry points of the tool's files.
 */
#ifndef BPFVERIFY_ORACLE_H
#define BPFVERIFY_ORACLE_H

#include <stdbool.h>
#include <stddef.h>

struct bpf_object;
struct bpf_program;

/* Verifier log size requested from the kernel: 16 MiB, far above what a
 * log level 1 log of a 1M-instruction program needs. */
#define ORACLE_LOG_SIZE (16u * 1024 * 1024)
/* Retry size after ENOSPC (load.c); the kernel caps log_size below 1 GiB. */
#define ORACLE_LOG_SIZE_LARGE (256u * 1024 * 1024)

/* Log level passed to BPF_PROG_LOAD: BPF_LOG_LEVEL1 | BPF_LOG_STATS.  The
 * stats bit adds the "verification time N usec" and "stack depth" lines and
 * changes nothing else. */
#define ORACLE_LOG_LEVEL 5

/* --- capture.c: libbpf's own messages during one load ----------------- */

/* Install the libbpf print callback (once, before any libbpf call). */
void oracle_capture_install(void);
/* Forget what was captured so far. */
void oracle_capture_reset(void);
/* The warnings captured since the last reset, one per entry, newline
 * stripped, libbpf's dump of the verifier log left out.  Valid until the
 * next reset. */
size_t oracle_capture_count(void);
const char *oracle_capture_line(size_t i);

/* --- setup.c: what the real user space would set before loading ------ */

struct oracle_setup_opts {
	const char *attach_target; /* --attach-target, or NULL: defaults */
	unsigned log_level;        /* --log-level, or 0: ORACLE_LOG_LEVEL */
};

/* Prepare @obj (opened, not loaded) so that @prog can load: size maps whose
 * max_entries is 0, give BTF-attached tracing programs without a usable
 * target a real kernel function.  Every change made is appended as one
 * human-readable line to @notes (array of @max strings owned by the
 * caller, freed with free()); returns the number of notes. */
size_t oracle_setup(struct bpf_object *obj, struct bpf_program *prog,
		    const struct oracle_setup_opts *opts, char **notes,
		    size_t max);

/* --- sections.c: sections newer than the linked libbpf ----------------- */

/* When libbpf left @prog without a type because it does not know its
 * section, set the program type, expected attach type and flags libbpf 1.6
 * gives that section.  Returns the section rule applied, or NULL. */
const char *oracle_section_fix(struct bpf_program *prog);

/* --- logparse.c: facts from a log level 1 (+stats) verifier log ------- */

struct oracle_log_facts {
	char *message;        /* first line of the error block, or NULL */
	long insn;            /* index of the last instruction line, or -1 */
	long insns_processed; /* from "processed N insns", or -1 */
	long states;          /* "total_states N", or -1 */
	long time_us;         /* "verification time N usec", or -1 */
	char *stable_log;     /* the log without the timing line, kernel
			       * addresses in ld_imm64 lines masked */
};

/* Parse @log (NUL-terminated).  Returns 0, or -ENOMEM. */
int oracle_log_parse(const char *log, struct oracle_log_facts *facts);
void oracle_log_facts_free(struct oracle_log_facts *facts);

/* --- load.c: one program, loaded alone ------------------------------- */

enum oracle_verdict {
	ORACLE_ACCEPT,     /* the kernel loaded it */
	ORACLE_REJECT,     /* the verifier ran and refused it (a log) */
	ORACLE_LOAD_ERROR, /* refused before verification (no log) */
};

struct oracle_load {
	char *program;  /* bpf_program__name, NULL if the object did not open */
	char *section;
	char *prog_type;
	enum oracle_verdict verdict;
	int err;        /* positive errno of the failed load, 0 on success */
	char *load_error;       /* why a load_error happened, else NULL */
	char *log;              /* raw kernel log ("" when none) */
	char **libbpf_msgs;     /* captured libbpf warnings */
	size_t n_libbpf_msgs;
	char *setup[16];        /* loader set-up notes */
	size_t n_setup;
};

/* Names of the programs of the object at @path, in ELF order.  Returns the
 * count (>= 0) with *names malloc'ed, or -errno with *err_text set to
 * libbpf's or the system's explanation (malloc'ed). */
int oracle_list_programs(const char *path, char ***names, char **err_text);

/* Open @path afresh, switch autoload off for all programs but @name, apply
 * the set-up and load.  Fills @out (free with oracle_load_free).  Returns 0,
 * or -errno for failures of the tool itself (out of memory, no such
 * program). */
int oracle_load_one(const char *path, const char *name,
		    const struct oracle_setup_opts *opts, char *log_buf,
		    struct oracle_load *out);
void oracle_load_free(struct oracle_load *ld);

#endif /* BPFVERIFY_ORACLE_H */
