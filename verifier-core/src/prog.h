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
#include <stddef.h>
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
#define BV_INSN_CALLS_CALLBACK 0x40  /* helper that calls a callback synchronously (bpf_loop, …) */
#define BV_INSN_ITER_NEXT    0x80  /* call of an iterator's next method (iter.c) */

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

/* Pass 2: depth-first walk of the CFG from insn 0, entering subprograms
 * through their calls (as the kernel's check_cfg): "unreachable insn %d",
 * "back-edge from insn %d to %d" (only when the facade is not bpf_capable),
 * "jump into the middle of ldimm64 insn %d"; marks prune and jump points,
 * forced checkpoints (may_goto, callback-calling helpers) and loop heads.
 * ("jump out of range …" and "last insn is not an exit or jmp" are pass 1's,
 * as in the kernel's check_subprogs.) */
int bv_check_cfg(struct bv_prog_info *info, const struct bv_facade *facade,
		 struct bv_log *log);

/* Per-instruction encoding checks the kernel makes during the path walk
 * (do_check and the check_* functions it calls), with the kernel's
 * messages in the kernel's order: "BPF_ALU uses reserved fields",
 * "div by zero", "invalid shift %d", "BPF_JA uses reserved fields", …
 * idx is the instruction about to be interpreted. Returns 0 or a negative
 * errno after bv_reject()/bv_unsupported().
 *
 * The kernel makes a few of these checks only after it has checked that
 * the operand registers are readable ("R%d !read_ok" wins over them):
 * "div by zero" and "invalid shift %d" (after src and dst of an ALU op),
 * "BPF_JMP/JMP32 uses reserved fields" (after dst of a conditional jump,
 * before its src). For the kernel's exact order, call the phase variant
 * twice: BV_ENC_BEFORE_READS before any register check, BV_ENC_AFTER_DST_READ
 * right after the dst register check (ALU: after src and dst). The plain
 * bv_check_insn_encoding() makes both phases at once (same verdict; only
 * the message differs when an operand register is also uninitialised).
 * "BPF_LD_[ABS|IND] uses reserved fields" follows a program-type check
 * ("BPF_LD_[ABS|IND] instructions not allowed for this program type") the
 * core makes in the walk, so only BV_ENC_ALL makes it: with the phases,
 * the walk's ld_abs check makes it after the program-type check. The arena
 * check of addr_space_cast needs the facade: reported as unsupported. */
enum bv_enc_phase {
	BV_ENC_ALL = 0,
	BV_ENC_BEFORE_READS,
	BV_ENC_AFTER_DST_READ,
};
int bv_check_insn_encoding(struct bv_log *log, const struct bv_facade *f,
			   const struct bv_insn *insns, uint32_t insn_cnt, uint32_t idx);
int bv_check_insn_encoding_phase(struct bv_log *log, const struct bv_facade *f,
				 const struct bv_insn *insns, uint32_t insn_cnt, uint32_t idx,
				 enum bv_enc_phase phase);

/* Is code in the kernel's table of known opcodes (bpf_opcode_in_insntable)?
 * The table depends on the kernel's features (cpu v4, may_goto). */
bool bv_opcode_known(uint8_t code, const struct bv_facade *f);

/* Kernel-format disassembly (disasm.c) with a callback naming helper calls
 * ("bpf_map_lookup_elem"); NULL callback or NULL answer: "unknown". Same
 * output as bv_insn_format() otherwise. Returns the length snprintf would. */
int bv_insn_format_ex(const struct bv_insn *insn,
		      const char *(*helper_name)(void *ctx, int32_t id),
		      void *ctx, char *buf, size_t size);

static inline bool bv_insn_is_ldimm64(const struct bv_insn *insn)
{
	return insn->code == (BV_LD | BV_IMM | BV_DW);
}

static inline bool bv_insn_is_pseudo_call(const struct bv_insn *insn)
{
	return insn->code == (BV_JMP | BV_CALL) && insn->src_reg == BV_PSEUDO_CALL;
}

static inline bool bv_insn_is_kfunc_call(const struct bv_insn *insn)
{
	return insn->code == (BV_JMP | BV_CALL) && insn->src_reg == BV_PSEUDO_KFUNC_CALL;
}

static inline bool bv_insn_is_helper_call(const struct bv_insn *insn)
{
	return insn->code == (BV_JMP | BV_CALL) && insn->src_reg == 0;
}

/* ld_imm64 of a subprogram's address (a callback). */
static inline bool bv_insn_is_pseudo_func(const struct bv_insn *insn)
{
	return bv_insn_is_ldimm64(insn) && insn->src_reg == BV_PSEUDO_FUNC;
}

/* may_goto: JMP|JCOND with src_reg 0 (BPF_MAY_GOTO). */
static inline bool bv_insn_is_may_goto(const struct bv_insn *insn)
{
	return insn->code == (BV_JMP | BV_JCOND) && insn->src_reg == 0;
}

/* A conditional jump: two successors. */
static inline bool bv_insn_is_cond_jmp(const struct bv_insn *insn)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);

	if (cls != BV_JMP && cls != BV_JMP32)
		return false;
	return op != BV_JA && op != BV_CALL && op != BV_EXIT;
}

/* Jump target of a JA/conditional jump at idx (gotol: JMP32|JA uses imm). */
static inline int64_t bv_insn_jmp_target(const struct bv_insn *insn, uint32_t idx)
{
	if (insn->code == (BV_JMP32 | BV_JA))
		return (int64_t)idx + insn->imm + 1;
	return (int64_t)idx + insn->off + 1;
}

/* Subprogram containing insn (index into info->subprogs), or -1. */
int bv_subprog_of(const struct bv_prog_info *info, uint32_t insn);
/* Subprogram starting exactly at insn, or -1. */
int bv_subprog_at(const struct bv_prog_info *info, uint32_t insn);

/* ksym.c: resolve_pseudo_ldimm64 for a typed ksym (insn idx, before the
 * walk): the facade must know the kernel variable. */
int bv_check_pseudo_btf_id(const struct bv_facade *f, struct bv_log *log, uint32_t idx,
			   const struct bv_insn *insn);
/* kfunc.c: is this ld_imm64 BPF_PSEUDO_BTF_ID the address of a kfunc? */
bool bv_kfunc_addr_ok(const struct bv_facade *f, const struct bv_insn *insn);
/* kfunc.c: is this kfunc call an iterator's next method (its kfunc
 * facts say KF_ITER_NEXT)? */
bool bv_kfunc_is_iter_next(const struct bv_facade *f, const struct bv_insn *insn);

#endif
