/* tnum.h — tristate numbers: a 64-bit value of which some bits are known.
 *
 * A tnum is (value, mask): bits set in mask are unknown; for bits clear in
 * mask, value holds the known bit. Invariant: (value & mask) == 0.
 * All functions are pure and take/return tnums by value. Each operation
 * over-approximates: the result contains every concrete result of the
 * operation applied to members of the inputs.
 */
#ifndef BV_TNUM_H
#define BV_TNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bv_tnum {
	uint64_t value;
	uint64_t mask;
};

#define BV_TNUM_UNKNOWN ((struct bv_tnum){ .value = 0, .mask = ~(uint64_t)0 })

struct bv_tnum bv_tnum_const(uint64_t v);
/* Smallest tnum containing every value in [min, max] (unsigned). */
struct bv_tnum bv_tnum_range(uint64_t min, uint64_t max);
struct bv_tnum bv_tnum_lshift(struct bv_tnum a, uint8_t shift);
struct bv_tnum bv_tnum_rshift(struct bv_tnum a, uint8_t shift);
/* Arithmetic shift of the low `insn_bitness` (32 or 64) bits. */
struct bv_tnum bv_tnum_arshift(struct bv_tnum a, uint8_t shift, uint8_t insn_bitness);
struct bv_tnum bv_tnum_add(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_sub(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_neg(struct bv_tnum a);
struct bv_tnum bv_tnum_and(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_or(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_xor(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_mul(struct bv_tnum a, struct bv_tnum b);
/* Values in both a and b (a and b assumed to intersect). */
struct bv_tnum bv_tnum_intersect(struct bv_tnum a, struct bv_tnum b);
/* Smallest tnum containing both a and b. */
struct bv_tnum bv_tnum_union(struct bv_tnum a, struct bv_tnum b);
/* Truncate to `size` bytes (zero-extends). */
struct bv_tnum bv_tnum_cast(struct bv_tnum a, uint8_t size);
bool bv_tnum_is_const(struct bv_tnum a);
bool bv_tnum_equals_const(struct bv_tnum a, uint64_t b);
bool bv_tnum_is_unknown(struct bv_tnum a);
/* Is every member of a a multiple of size? */
bool bv_tnum_is_aligned(struct bv_tnum a, uint64_t size);
/* Is b a subset of a? */
bool bv_tnum_in(struct bv_tnum a, struct bv_tnum b);
/* Low 32 bits / the upper 32 bits cleared / low 32 bits replaced. */
struct bv_tnum bv_tnum_subreg(struct bv_tnum a);
struct bv_tnum bv_tnum_clear_subreg(struct bv_tnum a);
struct bv_tnum bv_tnum_with_subreg(struct bv_tnum reg, struct bv_tnum subreg);
struct bv_tnum bv_tnum_const_subreg(struct bv_tnum a, uint32_t value);
bool bv_tnum_subreg_is_const(struct bv_tnum a);
/* Byte swap of the low `bits` (16, 32, 64) bits; upper bits become 0. */
struct bv_tnum bv_tnum_bswap(struct bv_tnum a, int bits);
/* Do a and b agree on all the bits both know (may they share a member)? */
bool bv_tnum_overlap(struct bv_tnum a, struct bv_tnum b);
/* Smallest member of t greater than z; t's largest member if z is not
 * below it, t's smallest if z is below that. */
uint64_t bv_tnum_step(struct bv_tnum t, uint64_t z);
/* "(0x0; 0xff)" as the kernel log prints var_off. */
int bv_tnum_format(struct bv_tnum a, char *buf, size_t size);

#endif
