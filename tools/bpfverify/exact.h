/*
 * exact.h - exact mode: ask a kernel profile's REAL kernel verifier instead
 * of the embedded one.  Profiles 6.1 and 6.12 boot the pinned Debian kernel
 * (tools/oracle/kernel-K.pin) under QEMU; 6.18 is the live kernel, only
 * when `uname -r` is the build recorded for it
 * (tools/oracle/kernel-6.18.release); "host" is the live kernel, whatever
 * its build.  The work is done by scripts/oracle-run (which uses
 * scripts/oracle-qemu and bpfverify-oracle); this file runs it and reads
 * its JSON.  C11, needs only libc and cJSON.
 */
#ifndef BPFVERIFY_EXACT_H
#define BPFVERIFY_EXACT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum bv_exact_verdict {
	BV_EXACT_ACCEPT,
	BV_EXACT_REJECT,	/* the verifier refused it (message, insn) */
	BV_EXACT_LOAD_ERROR,	/* refused before verification (load_error) */
};

/* One program of one object, as the real kernel judged it. */
struct bv_exact_result {
	size_t object;			/* index into the objects passed */
	char *name;			/* bpf_program__name */
	char *section;			/* ELF section */
	enum bv_exact_verdict verdict;
	char *message;			/* reject: the verifier's message, else NULL */
	long insn;			/* reject: instruction index, else -1 */
	long insns_processed;		/* -1 when the kernel printed none */
	long states;			/* total_states, -1 when none */
	long time_us;			/* verification time, -1 when none */
	char *load_error;		/* load_error: libbpf's message, else NULL */
};

struct bv_exact_report {
	struct bv_exact_result *results;
	size_t n;
	char *kernel_release;		/* uname -r of the kernel asked */
	char *kernel_package;		/* the pinned package=version, or NULL (live) */
};

/* Optional settings; NULL (or zeroed fields) for the defaults. */
struct bv_exact_opts {
	/* The source tree holding scripts/oracle-run.  Default:
	 * $BPFVERIFY_SOURCE_DIR, else the BV_EXACT_SOURCE_DIR compiled in,
	 * else two folders up from the running executable (build/bin/..). */
	const char *source_dir;
	/* Work folder with the download cache: default $BPFVERIFY_ORACLE_DIR,
	 * else <source_dir>/build-oracle. */
	const char *oracle_dir;
};

/*
 * Verifies every program of objects[0..nobjects-1] with the real kernel of
 * profile `profile` ("6.1", "6.12", "6.18" or "host"), in one run (one QEMU
 * boot for all objects).  Returns 0 and fills *out (free it with
 * bv_exact_report_free), or -1 with a one-line reason in err (e.g. QEMU or
 * the pinned package is missing, the live kernel is another build, not
 * root, an unreadable object).
 */
int bv_exact_verify(const char *profile, const char *const *objects,
		    size_t nobjects, const struct bv_exact_opts *opts,
		    struct bv_exact_report *out, char *err, size_t errsz);

/* Can profile's kernel be asked on this machine?  0 yes; -1 no, why in err. */
int bv_exact_available(const char *profile, const struct bv_exact_opts *opts,
		       char *err, size_t errsz);

void bv_exact_report_free(struct bv_exact_report *r);

struct bv_result;
/* The kernel's judgement of program `name` of object `object` as a
 * bv_result (verdict, message, insn, statistics; a load error's message is
 * libbpf's line), so that it is reported like an embedded verification.
 * Returns 0, or -ENOENT (res is BV_ERROR, saying so) when the kernel's run
 * did not report that program. */
int bv_exact_to_result(const struct bv_exact_report *r, size_t object, const char *name,
		       struct bv_result *res);

const char *bv_exact_verdict_name(enum bv_exact_verdict v);

#ifdef __cplusplus
}
#endif

#endif
