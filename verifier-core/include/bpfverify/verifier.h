/* bpfverify/verifier.h — the core's entry point: (program, facade) → verdict.
 *
 * bv_verify() is a pure function of its arguments: it keeps no global state,
 * allocates only through libc and frees everything before it returns, so any
 * number of verifications may run concurrently.
 */
#ifndef BPFVERIFY_VERIFIER_H
#define BPFVERIFY_VERIFIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/facade.h"
#include "bpfverify/insn.h"

enum bv_verdict {
	BV_ACCEPT = 0,
	BV_REJECT = 1,   /* the target kernel would refuse the program */
	BV_ERROR = 2,    /* could not be verified: message says why */
	BV_LOAD_ERROR = 3, /* the load fails before the verifier runs on that
			    * kernel (an extern or kfunc it lacks, a program
			    * type it does not know, a CO-RE relocation libbpf
			    * refuses): the message is libbpf's. Never set by
			    * the core; facades report it. */
};

#define BV_MSG_MAX   512
#define BV_NOTES_MAX 8

/* A "why" note: an instruction that explains the failure. */
struct bv_note {
	int32_t insn;                 /* -1: not tied to an instruction */
	char text[BV_MSG_MAX];
};

/* What a rejection is about, in structured form, for edits that fix it
 * (fix-its): the kind of mistake and the instruction that produced the
 * value it concerns. Set by the first rejection only; kind NONE when
 * the rejection is of another kind. */
enum bv_cause_kind {
	BV_CAUSE_NONE = 0,
	BV_CAUSE_NULLABLE,     /* a maybe-NULL pointer used: insn = the call that returned it */
	BV_CAUSE_PACKET_RANGE, /* packet access beyond the proven range: insn = the access */
	BV_CAUSE_UNBOUNDED,    /* variable offset without a bound: insn = the access */
	BV_CAUSE_LEAK,         /* reference held at exit: insn = the acquiring call */
};

struct bv_cause {
	enum bv_cause_kind kind;
	int32_t insn;                 /* see the kinds; -1 if unknown */
	int32_t regno;                /* the register the rejection names; -1: none */
	int32_t path_insn;            /* LEAK: the jump the path took last before
				       * the exit (-1: none) */
};

struct bv_result {
	enum bv_verdict verdict;
	int32_t insn;                 /* rejected instruction (kernel numbering), -1 if none */
	char message[BV_MSG_MAX];     /* the kernel's error line, byte for byte */
	struct bv_note notes[BV_NOTES_MAX];
	uint32_t nr_notes;
	struct bv_cause cause;        /* for fix-its; kind NONE: none */
	/* Statistics, as the kernel's final log line prints them. */
	uint32_t insns_processed;
	uint32_t total_states;
	uint32_t peak_states;
	uint32_t max_states_per_insn;
	uint64_t time_us;
};

/* Log levels, as the kernel's log_level bits. */
#define BV_LOG_LEVEL1 1   /* the failing path, instruction by instruction */
#define BV_LOG_LEVEL2 2   /* every instruction with register states */
#define BV_LOG_STATS  4

struct bv_opts {
	size_t sz;                    /* sizeof(struct bv_opts) */
	uint32_t log_level;           /* 0: no log */
	/* Called with each finished chunk of the kernel-format log. */
	void (*log_cb)(void *log_ctx, const char *text, size_t len);
	void *log_ctx;
};

struct bv_prog {
	const struct bv_insn *insns;
	uint32_t insn_cnt;
	const char *name;             /* for messages only */
};

/* Verifies `prog` for the kernel described by `facade`. Always fills
 * `result`; returns 0, or -errno when the arguments themselves are unusable
 * (then result->verdict is BV_ERROR). */
int bv_verify(const struct bv_prog *prog, const struct bv_facade *facade,
	      const struct bv_opts *opts, struct bv_result *result);

/* Kernel-format disassembly of one instruction ("(b7) r0 = 0"), as the
 * verifier log prints it; ld_imm64 needs insn[1]. Returns the length. */
int bv_insn_format(const struct bv_insn *insn, char *buf, size_t size);

const char *bv_verdict_name(enum bv_verdict v);

#endif
