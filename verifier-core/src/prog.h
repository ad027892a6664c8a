/* prog.h — the static structure of a program, found before the path walk:
 * instruction validity, subprograms, and the control-flow graph checks.
 *
 * These passes run in the kernel's order (instruction checks and subprogram
 * discovery, then the CFG walk) and report with the kernel's messages
 * through bv_reject(). They read the instructions and the facade only.
 */
#ifndef BV_PROG_H
#define BV_PROG_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/facade.h"
#include "bpfverify/insn.h"
#include "log.h"

#define BV_MAX_SUBPROGS 256

struct bv_subprog {
	uint32_t start;           /* first instruction */
	uint32_t end;             /* one past the last instruction */
	bool global;              /* BTF global function: verified on its own */
	bool has_tail_call;
	bool has_ld_abs;
	const char *name;         /* from func info, may be NULL */
	uint32_t btf_id;
};

/* Per-instruction facts the CFG pass records for the path walk. */
#define BV_INSN_PRUNE_POINT  0x01  /* a jump target or after a jump: states kept here */
#define BV_INSN_JMP_POINT    0x02  /* target of a jump */
#define BV_INSN_LDIMM64_HI   0x04  /* second half of an ld_imm64 */
#define BV_INSN_CALL_TARGET  0x08  /* first instruction of a subprogram */
#define BV_INSN_LOOP_HEAD    0x10  /* target of a back-edge */
#define BV_INSN_FORCE_CHECKPOINT 0x20

struct bv_prog_info {
	const struct bv_insn *insns;
	uint32_t insn_cnt;
	struct bv_subprog subprogs[BV_MAX_SUBPROGS + 1];
	uint32_t nr_subprogs;
	uint8_t *insn_flags;      /* insn_cnt entries, owned: bv_prog_info_free */
};

/* Resets info and allocates its tables. Returns 0 or -ENOMEM. */
int bv_prog_info_init(struct bv_prog_info *info, const struct bv_insn *insns,
		      uint32_t insn_cnt);
void bv_prog_info_free(struct bv_prog_info *info);

/* Pass 1: every instruction is a valid encoding (opcode, reserved fields,
 * ld_imm64 pairs and their pseudo sources, map indexes known to the
 * facade, helper ids syntactically valid, jump offsets in range) and the
 * subprograms (from pseudo calls and func info) are found.
 * Kernel messages, e.g. "unknown opcode %02x", "invalid BPF_LD_IMM insn",
 * "jump out of range from insn %d to %d", "BPF_EXIT uses reserved fields". */
int bv_check_insns(struct bv_prog_info *info, const struct bv_facade *facade,
		   struct bv_log *log);

/* Pass 2: depth-first walk of the CFG from every subprogram entry:
 * "unreachable insn %d", "back-edge from insn %d to %d" (only when the
 * facade is not bpf_capable), "jump out of range …" across subprograms,
 * "last insn is not an exit or jmp"; marks prune and jump points. */
int bv_check_cfg(struct bv_prog_info *info, const struct bv_facade *facade,
		 struct bv_log *log);

/* Subprogram containing insn (index into info->subprogs), or -1. */
int bv_subprog_of(const struct bv_prog_info *info, uint32_t insn);
/* Subprogram starting exactly at insn, or -1. */
int bv_subprog_at(const struct bv_prog_info *info, uint32_t insn);

#endif
