/* scalar.h — the abstract value of a scalar register: a tnum plus signed and
 * unsigned ranges on both the full 64 bits and the low 32-bit subregister.
 *
 * Invariant after bv_scalar_sync(): all five views are consistent, each
 * tightened by the others (the kernel's reg_bounds_sync). Every function is
 * pure over its arguments and over-approximates the concrete semantics of
 * the BPF instruction it models; where the kernel's verifier is deliberately
 * imprecise (it gives up and marks the result unknown), this module gives up
 * in the same places, because verdicts must match the kernel's.
 */
#ifndef BV_SCALAR_H
#define BV_SCALAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/insn.h"
#include "tnum.h"

struct bv_scalar {
	struct bv_tnum var_off;
	int64_t smin, smax;        /* signed 64-bit range */
	uint64_t umin, umax;       /* unsigned 64-bit range */
	int32_t s32_min, s32_max;  /* signed range of the low 32 bits */
	uint32_t u32_min, u32_max; /* unsigned range of the low 32 bits */
};

void bv_scalar_unknown(struct bv_scalar *s);
void bv_scalar_const(struct bv_scalar *s, uint64_t v);
bool bv_scalar_is_const(const struct bv_scalar *s);
/* Constant value (valid only when bv_scalar_is_const). */
uint64_t bv_scalar_value(const struct bv_scalar *s);
bool bv_scalar_subreg_is_const(const struct bv_scalar *s);
/* Tighten every view from the others (kernel: reg_bounds_sync, 6.18: three
 * deduction rounds, sign-boundary-crossing deductions in 64 and 32 bits,
 * and "the u64 range and the tnum share a single member" => constant). */
void bv_scalar_sync(struct bv_scalar *s);

/* dst = dst OP src for a scalar-only ALU instruction. op is one of BV_ADD,
 * BV_SUB, BV_MUL, BV_DIV, BV_OR, BV_AND, BV_LSH, BV_RSH, BV_MOD, BV_XOR,
 * BV_ARSH (BV_MOV/BV_NEG/BV_END have their own functions). alu32: a 32-bit
 * (BV_ALU class) instruction, whose result is zero-extended to 64 bits.
 * is_signed: the cpu v4 signed division/modulo (off == 1). For a BV_K
 * instruction pass src = bv_scalar_const((u64)(s64)imm). 6.18 gives an
 * unknown result for DIV and MOD (signed or not) and for shifts whose
 * amount is not a constant below the width; dst and src may alias. */
void bv_scalar_alu(struct bv_scalar *dst, const struct bv_scalar *src,
		   uint8_t op, bool alu32, bool is_signed);
/* bv_scalar_alu with flags for the ways older verifiers compute. */
#define BV_SCALAR_MUL_UNSIGNED_ONLY 1u  /* BV_MUL keeps bounds only when both
					 * operands are non-negative and fit in
					 * half the width (kernels before 6.14) */
#define BV_SCALAR_CONST_SRC_ONLY 2u     /* BV_OR, BV_XOR and BV_MUL by a
					 * non-constant give an unknown result
					 * (kernels before 6.7) */
void bv_scalar_alu_ex(struct bv_scalar *dst, const struct bv_scalar *src,
		      uint8_t op, bool alu32, bool is_signed, unsigned flags);
/* dst = -dst: tracked as 0 - dst (6.18). */
void bv_scalar_neg(struct bv_scalar *dst, bool alu32);
/* Does the 6.18 verifier split the path before `dst OP= src`? True for
 * BV_AND/BV_OR (ALU64 or ALU32) with a constant src (the whole 64-bit tnum
 * constant, register or immediate) when dst's s32 range is exactly [-1, 0]
 * (e.g. after `r s>>= 63`). The caller then pushes a branch that re-executes
 * the same instruction with bv_scalar_set_subreg_const(dst, 0) (logged as
 * "from N to N: R0=0") and continues with bv_scalar_set_subreg_const(dst,
 * 0xffffffff), and only then applies bv_scalar_alu. */
bool bv_scalar_alu_splits(const struct bv_scalar *dst, const struct bv_scalar *src,
			  uint8_t op);
/* The low 32 bits become the constant v, upper tnum bits kept; synced
 * (kernel: __mark_reg32_known then reg_bounds_sync). */
void bv_scalar_set_subreg_const(struct bv_scalar *s, uint32_t v);
/* BV_END: byte swap to/from big/little endian or unconditional bswap
 * (cpu v4, alu64 class) of `bits` (16, 32, 64), for a little-endian
 * target. 6.18 tracks it: the tnum's bytes are swapped (to_be, bswap) and
 * the 16/32-bit forms truncate; ranges are rebuilt from the tnum. */
void bv_scalar_end(struct bv_scalar *dst, int bits, bool to_be, bool bswap);
/* dst = (u32)dst: keep the low 32 bits, zero the upper ones; synced
 * (kernel: zext_32_to_64 + reg_bounds_sync, as after `w1 = w1`). */
void bv_scalar_zext32(struct bv_scalar *dst);
/* dst = sign-extension of the low `bits` (8, 16, 32) of src, to 64 bits
 * (alu32 false; not synced, as the kernel) or to 32 bits then zero-extended
 * and synced (alu32 true). Precise only when the source range extends to a
 * range of one sign; else the narrow type's default signed range. */
void bv_scalar_movsx(struct bv_scalar *dst, const struct bv_scalar *src,
		     int bits, bool alu32);
/* Value of a `size`-byte load from memory with unknown contents;
 * sign_extend for BV_MEMSX loads. */
void bv_scalar_load(struct bv_scalar *dst, int size, bool sign_extend);
/* Keep the low `size` bytes (kernel: coerce_reg_to_size), e.g. a narrow
 * fill of a spilled scalar. */
void bv_scalar_truncate(struct bv_scalar *dst, int size);

/* Is the branch `a OP b` (jmp op BV_JEQ…BV_JSLE, BV_JSET) decided, from
 * the scalars alone (kernel: is_scalar_branch_taken; JEQ/JNE also use the
 * tnums' known bits)? Returns 1 (always taken), 0 (never taken) or -1.
 * The same-register case (`if r1 > r1`) is the caller's. */
int bv_scalar_branch_taken(const struct bv_scalar *a, const struct bv_scalar *b,
			   uint8_t op, bool jmp32);
/* Refine a and b assuming `a OP b` holds (for the fall-through edge pass
 * bv_jmp_negate(op)); kernel: regs_refine_cond_op then reg_bounds_sync on
 * both. On an impossible edge the result may be inconsistent: run
 * bv_scalar_check_invariants on each scalar afterwards, as 6.18 does.
 * BV_JSET refines only for a single-bit constant; BV_JSET_NOT with a
 * constant clears those bits and (6.18) drops the other bounds. */
void bv_scalar_refine(struct bv_scalar *a, struct bv_scalar *b, uint8_t op,
		      bool jmp32);
/* bv_scalar_refine as older verifiers do it: after a 32-bit jump the 64-bit
 * bounds are learnt from the 32-bit ones when the upper half is known zero,
 * else forgotten (kernels before 6.7: __reg_combine_32_into_64). */
#define BV_SCALAR_JMP32_FORGETS_64 1u
/* ... and learn nothing from `a != b` (kernels before 6.8: a bound equal to
 * the constant is not moved off it). */
#define BV_SCALAR_NE_LEARNS_NOTHING 2u
void bv_scalar_refine_ex(struct bv_scalar *a, struct bv_scalar *b, uint8_t op,
			 bool jmp32, unsigned flags);
/* Condition that holds on the fall-through edge of `a OP b`
 * (JEQ↔JNE, JGT↔JLE, …). The negation of JSET is BV_JSET_NOT
 * ("a & b == 0"), a pseudo-op accepted only by bv_scalar_refine (the
 * kernel's BPF_JSET | BPF_X in regs_refine_cond_op). Returns 0 for ops
 * that are not conditions. */
#define BV_JSET_NOT (BV_JSET | 0x08)
uint8_t bv_jmp_negate(uint8_t op);
/* Same condition with operands swapped (a > b ⇔ b < a). */
uint8_t bv_jmp_flip(uint8_t op);

/* Are the views consistent (every min <= max; a constant tnum agrees with
 * the bounds)? The kernel's reg_bounds_sanity_check after a refinement:
 * false means the edge is impossible in truth, and 6.18 reports it as a
 * verifier bug ("REG INVARIANTS VIOLATION"). */
bool bv_scalar_valid(const struct bv_scalar *s);

/* The kernel's reg_bounds_sanity_check, which 6.18 runs on each scalar
 * after a branch refinement (contexts "true_reg1", "true_reg2",
 * "false_reg1", "false_reg2", in that order; for `if rX OP rX` reg1 and
 * reg2 are the same register, so a violation there is reported twice, the
 * second time against the reset bounds) and after ALU ops ("alu").
 * Returns true if s is consistent. Otherwise writes the text that follows
 * "verifier bug: REG INVARIANTS VIOLATION (<ctx>): " in the kernel's log
 * (e.g. "range bounds violation u64=[0x0, 0x87481ed] ... var_off=(0x0,
 * 0xfffffff)") to msg, resets all eight bounds to unbounded keeping
 * var_off (no sync), as 6.18 does, and returns false. The program is not
 * rejected. */
bool bv_scalar_check_invariants(struct bv_scalar *s, char *msg, size_t size);

/* Does `old` contain every value `cur` may take (for state pruning)? */
bool bv_scalar_contains(const struct bv_scalar *old, const struct bv_scalar *cur);
/* Is the scalar's full range exactly the unknown one? */
bool bv_scalar_is_unknown(const struct bv_scalar *s);

/* The kernel log's text for a scalar (print_scalar_ranges + var_off):
 * a constant prints as its decimal value ("0", "-1"), otherwise
 * "scalar(smin=…,umax=…,var_off=(0x0; 0xff))" showing only the bounds that
 * differ from their defaults, in the kernel's order and merging. */
int bv_scalar_format(const struct bv_scalar *s, char *buf, size_t size);

#endif
