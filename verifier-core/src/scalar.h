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
/* Tighten every view from the others (kernel: reg_bounds_sync). */
void bv_scalar_sync(struct bv_scalar *s);

/* dst = dst OP src for a scalar-only ALU instruction. op is one of BV_ADD,
 * BV_SUB, BV_MUL, BV_DIV, BV_OR, BV_AND, BV_LSH, BV_RSH, BV_MOD, BV_XOR,
 * BV_ARSH (BV_MOV/BV_NEG/BV_END have their own functions). alu32: a 32-bit
 * (BV_ALU class) instruction, whose result is zero-extended to 64 bits.
 * is_signed: the cpu v4 signed division/modulo (off == 1). */
void bv_scalar_alu(struct bv_scalar *dst, const struct bv_scalar *src,
		   uint8_t op, bool alu32, bool is_signed);
void bv_scalar_neg(struct bv_scalar *dst, bool alu32);
/* BV_END: byte swap to/from big/little endian or unconditional bswap
 * (cpu v4, alu64 class) of `bits` (16, 32, 64). */
void bv_scalar_end(struct bv_scalar *dst, int bits, bool to_be, bool bswap);
/* dst = (u32)dst: keep the low 32 bits, zero the upper ones. */
void bv_scalar_zext32(struct bv_scalar *dst);
/* dst = sign-extension of the low `bits` (8, 16, 32) of src, to 64 bits
 * (alu32 false) or to 32 bits then zero-extended (alu32 true). */
void bv_scalar_movsx(struct bv_scalar *dst, const struct bv_scalar *src,
		     int bits, bool alu32);
/* Value of a `size`-byte load from memory with unknown contents;
 * sign_extend for BV_MEMSX loads. */
void bv_scalar_load(struct bv_scalar *dst, int size, bool sign_extend);
/* Narrow a known value to `size` bytes, as a spilled-then-filled register. */
void bv_scalar_truncate(struct bv_scalar *dst, int size);

/* Is the branch `a OP b` (jmp op BV_JEQ…BV_JSLE, BV_JSET) decided?
 * Returns 1 (always taken), 0 (never taken) or -1 (unknown). */
int bv_scalar_branch_taken(const struct bv_scalar *a, const struct bv_scalar *b,
			   uint8_t op, bool jmp32);
/* Refine a and b assuming `a OP b` holds (for the fall-through edge pass
 * the negated op). Both stay sound; results are synced. */
void bv_scalar_refine(struct bv_scalar *a, struct bv_scalar *b, uint8_t op,
		      bool jmp32);
/* Condition that holds on the fall-through edge of `a OP b`
 * (JEQ↔JNE, JGT↔JLE, …); JSET has none: returns 0 (then refine only a). */
uint8_t bv_jmp_negate(uint8_t op);
/* Same condition with operands swapped (a > b ⇔ b < a). */
uint8_t bv_jmp_flip(uint8_t op);

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
