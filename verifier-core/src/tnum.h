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

/* Arithmetic shift of the low `insn_bitness` (32 or 64) bits. */
struct bv_tnum bv_tnum_arshift(struct bv_tnum a, uint8_t shift, uint8_t insn_bitness);
struct bv_tnum bv_tnum_sub(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_neg(struct bv_tnum a);
struct bv_tnum bv_tnum_xor(struct bv_tnum a, struct bv_tnum b);
struct bv_tnum bv_tnum_mul(struct bv_tnum a, struct bv_tnum b);
/* Smallest tnum containing both a and b. */
struct bv_tnum bv_tnum_union(struct bv_tnum a, struct bv_tnum b);
/* Is every member of a a multiple of size? */
bool bv_tnum_is_aligned(struct bv_tnum a, uint64_t size);
/* Byte swap of the low `bits` (16, 32, 64) bits; upper bits become 0. */
struct bv_tnum bv_tnum_bswap(struct bv_tnum a, int bits);
/* Do a and b agree on all the bits both know (may they share a member)? */
bool bv_tnum_overlap(struct bv_tnum a, struct bv_tnum b);
/* Smallest member of t greater than z; t's largest member if z is not
 * below it, t's smallest if z is below that. */
uint64_t bv_tnum_step(struct bv_tnum t, uint64_t z);
/* "(0x0; 0xff)" as the kernel log prints var_off. */
int bv_tnum_format(struct bv_tnum a, char *buf, size_t size);

/* The small operations are inline: they run on every scalar operation
 * and comparison, where a call costs as much as the work. */

static inline struct bv_tnum bv_tnum_mk_(uint64_t value, uint64_t mask)
{
	return (struct bv_tnum){ .value = value, .mask = mask };
}

/* Number of the highest set bit, 1-based; 0 for x == 0. */
static inline unsigned bv_fls64_(uint64_t x)
{
	return x ? 64u - (unsigned)__builtin_clzll(x) : 0u;
}

static inline struct bv_tnum bv_tnum_const(uint64_t v)
{
	return bv_tnum_mk_(v, 0);
}

/* The bits above the highest differing bit of min and max are shared by
 * every value in between; everything below it is unknown. */
static inline struct bv_tnum bv_tnum_range(uint64_t min, uint64_t max)
{
	unsigned bits = bv_fls64_(min ^ max);
	uint64_t low;

	if (bits > 63)
		return BV_TNUM_UNKNOWN;
	low = ((uint64_t)1 << bits) - 1;
	return bv_tnum_mk_(min & ~low, low);
}

/* shift must be < 64 (callers check the instruction's shift amount). */
static inline struct bv_tnum bv_tnum_lshift(struct bv_tnum a, uint8_t shift)
{
	return bv_tnum_mk_(a.value << shift, a.mask << shift);
}

static inline struct bv_tnum bv_tnum_rshift(struct bv_tnum a, uint8_t shift)
{
	return bv_tnum_mk_(a.value >> shift, a.mask >> shift);
}

/* Sum of the known parts, widened by every bit a carry from an unknown bit
 * could reach: the bits where (min sum) and (max sum) differ. */
static inline struct bv_tnum bv_tnum_add(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t sm = a.mask + b.mask;
	uint64_t sv = a.value + b.value;
	uint64_t carries = (sm + sv) ^ sv;
	uint64_t mu = carries | a.mask | b.mask;

	return bv_tnum_mk_(sv & ~mu, mu);
}

static inline struct bv_tnum bv_tnum_and(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t may_a = a.value | a.mask;
	uint64_t may_b = b.value | b.mask;
	uint64_t v = a.value & b.value;

	return bv_tnum_mk_(v, may_a & may_b & ~v);
}

static inline struct bv_tnum bv_tnum_or(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t v = a.value | b.value;
	uint64_t mu = a.mask | b.mask;

	return bv_tnum_mk_(v, mu & ~v);
}

/* Values in both a and b. A bit is known if known in either; where a and b disagree on a known bit
 * (no common member) the result says 1, as the kernel's does. */
static inline struct bv_tnum bv_tnum_intersect(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t v = a.value | b.value;
	uint64_t mu = a.mask & b.mask;

	return bv_tnum_mk_(v & ~mu, mu);
}

/* Truncate to `size` bytes, 1..8 (zero-extends). */
static inline struct bv_tnum bv_tnum_cast(struct bv_tnum a, uint8_t size)
{
	uint64_t keep = size >= 8 ? ~(uint64_t)0
				  : ((uint64_t)1 << (size * 8)) - 1;

	return bv_tnum_mk_(a.value & keep, a.mask & keep);
}

static inline bool bv_tnum_is_const(struct bv_tnum a)
{
	return a.mask == 0;
}

static inline bool bv_tnum_equals_const(struct bv_tnum a, uint64_t b)
{
	return a.mask == 0 && a.value == b;
}

static inline bool bv_tnum_is_unknown(struct bv_tnum a)
{
	return a.mask == ~(uint64_t)0;
}

/* Is b a subset of a? */
static inline bool bv_tnum_in(struct bv_tnum a, struct bv_tnum b)
{
	if (b.mask & ~a.mask)
		return false;
	return a.value == (b.value & ~a.mask);
}

/* Low 32 bits / the upper 32 bits cleared / low 32 bits replaced. */
static inline struct bv_tnum bv_tnum_subreg(struct bv_tnum a)
{
	return bv_tnum_cast(a, 4);
}

static inline struct bv_tnum bv_tnum_clear_subreg(struct bv_tnum a)
{
	return bv_tnum_lshift(bv_tnum_rshift(a, 32), 32);
}

static inline struct bv_tnum bv_tnum_with_subreg(struct bv_tnum reg, struct bv_tnum subreg)
{
	return bv_tnum_or(bv_tnum_clear_subreg(reg), bv_tnum_subreg(subreg));
}

static inline struct bv_tnum bv_tnum_const_subreg(struct bv_tnum a, uint32_t value)
{
	return bv_tnum_with_subreg(a, bv_tnum_const(value));
}

static inline bool bv_tnum_subreg_is_const(struct bv_tnum a)
{
	return (uint32_t)a.mask == 0;
}

#endif
