/* tnum.c — tristate numbers: the bit-level half of the scalar domain.
 *
 * Owns every operation on struct bv_tnum (see tnum.h). Each function is
 * pure and over-approximates: the result contains every concrete result of
 * the operation applied to members of the inputs. The operations follow the
 * semantics of the Linux 6.18 verifier's tnums bit for bit, because bounds
 * derived from them decide verdicts.
 */
#include "tnum.h"

#include <stdio.h>

static struct bv_tnum mk(uint64_t value, uint64_t mask)
{
	return (struct bv_tnum){ .value = value, .mask = mask };
}

/* Number of the highest set bit, 1-based; 0 for x == 0. (One count of
 * leading zeros: a bit-by-bit loop cost ~50 instructions per range.) */
static unsigned fls64(uint64_t x)
{
	return x ? 64u - (unsigned)__builtin_clzll(x) : 0u;
}

struct bv_tnum bv_tnum_const(uint64_t v)
{
	return mk(v, 0);
}

/* The bits above the highest differing bit of min and max are shared by
 * every value in between; everything below it is unknown. */
struct bv_tnum bv_tnum_range(uint64_t min, uint64_t max)
{
	unsigned bits = fls64(min ^ max);
	uint64_t low;

	if (bits > 63)
		return BV_TNUM_UNKNOWN;
	low = ((uint64_t)1 << bits) - 1;
	return mk(min & ~low, low);
}

/* shift must be < 64 (callers check the instruction's shift amount). */
struct bv_tnum bv_tnum_lshift(struct bv_tnum a, uint8_t shift)
{
	return mk(a.value << shift, a.mask << shift);
}

struct bv_tnum bv_tnum_rshift(struct bv_tnum a, uint8_t shift)
{
	return mk(a.value >> shift, a.mask >> shift);
}

/* Arithmetic shift: an unknown sign bit stays unknown in every copy.
 * For a 32-bit instruction only the low 32 bits take part and the result
 * is zero-extended. */
struct bv_tnum bv_tnum_arshift(struct bv_tnum a, uint8_t shift, uint8_t insn_bitness)
{
	if (insn_bitness == 32)
		return mk((uint32_t)((int32_t)(uint32_t)a.value >> shift),
			  (uint32_t)((int32_t)(uint32_t)a.mask >> shift));
	return mk((uint64_t)((int64_t)a.value >> shift),
		  (uint64_t)((int64_t)a.mask >> shift));
}

/* Sum of the known parts, widened by every bit a carry from an unknown bit
 * could reach: the bits where (min sum) and (max sum) differ. */
struct bv_tnum bv_tnum_add(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t sm = a.mask + b.mask;
	uint64_t sv = a.value + b.value;
	uint64_t carries = (sm + sv) ^ sv;
	uint64_t mu = carries | a.mask | b.mask;

	return mk(sv & ~mu, mu);
}

/* Like add: the borrows that unknown bits may cause are unknown. */
struct bv_tnum bv_tnum_sub(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t dv = a.value - b.value;
	uint64_t hi = dv + a.mask;
	uint64_t lo = dv - b.mask;
	uint64_t mu = (hi ^ lo) | a.mask | b.mask;

	return mk(dv & ~mu, mu);
}

struct bv_tnum bv_tnum_neg(struct bv_tnum a)
{
	return bv_tnum_sub(bv_tnum_const(0), a);
}

struct bv_tnum bv_tnum_and(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t may_a = a.value | a.mask;
	uint64_t may_b = b.value | b.mask;
	uint64_t v = a.value & b.value;

	return mk(v, may_a & may_b & ~v);
}

struct bv_tnum bv_tnum_or(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t v = a.value | b.value;
	uint64_t mu = a.mask | b.mask;

	return mk(v, mu & ~v);
}

struct bv_tnum bv_tnum_xor(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t mu = a.mask | b.mask;

	return mk((a.value ^ b.value) & ~mu, mu);
}

/* Shift-and-add over the bits of a: a known 1 adds (the shifted) b; an
 * unknown bit takes the union of "added" and "not added". Not commutative
 * in precision: the kernel multiplies dst by src, so a is dst. */
struct bv_tnum bv_tnum_mul(struct bv_tnum a, struct bv_tnum b)
{
	struct bv_tnum acc = mk(0, 0);

	while (a.value || a.mask) {
		if (a.value & 1)
			acc = bv_tnum_add(acc, b);
		else if (a.mask & 1)
			acc = bv_tnum_union(acc, bv_tnum_add(acc, b));
		a = bv_tnum_rshift(a, 1);
		b = bv_tnum_lshift(b, 1);
	}
	return acc;
}

/* A bit is known if known in either; where a and b disagree on a known bit
 * (no common member) the result says 1, as the kernel's does. */
struct bv_tnum bv_tnum_intersect(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t v = a.value | b.value;
	uint64_t mu = a.mask & b.mask;

	return mk(v & ~mu, mu);
}

struct bv_tnum bv_tnum_union(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t mu = a.mask | b.mask | (a.value ^ b.value);

	return mk(a.value & ~mu, mu);
}

/* size in bytes, 1..8. */
struct bv_tnum bv_tnum_cast(struct bv_tnum a, uint8_t size)
{
	uint64_t keep = size >= 8 ? ~(uint64_t)0
				  : ((uint64_t)1 << (size * 8)) - 1;

	return mk(a.value & keep, a.mask & keep);
}

bool bv_tnum_is_const(struct bv_tnum a)
{
	return a.mask == 0;
}

bool bv_tnum_equals_const(struct bv_tnum a, uint64_t b)
{
	return a.mask == 0 && a.value == b;
}

bool bv_tnum_is_unknown(struct bv_tnum a)
{
	return a.mask == ~(uint64_t)0;
}

/* size 0 counts as aligned (the kernel's convention). */
bool bv_tnum_is_aligned(struct bv_tnum a, uint64_t size)
{
	if (!size)
		return true;
	return ((a.value | a.mask) & (size - 1)) == 0;
}

bool bv_tnum_in(struct bv_tnum a, struct bv_tnum b)
{
	if (b.mask & ~a.mask)
		return false;
	return a.value == (b.value & ~a.mask);
}

struct bv_tnum bv_tnum_subreg(struct bv_tnum a)
{
	return bv_tnum_cast(a, 4);
}

struct bv_tnum bv_tnum_clear_subreg(struct bv_tnum a)
{
	return bv_tnum_lshift(bv_tnum_rshift(a, 32), 32);
}

struct bv_tnum bv_tnum_with_subreg(struct bv_tnum reg, struct bv_tnum subreg)
{
	return bv_tnum_or(bv_tnum_clear_subreg(reg), bv_tnum_subreg(subreg));
}

struct bv_tnum bv_tnum_const_subreg(struct bv_tnum a, uint32_t value)
{
	return bv_tnum_with_subreg(a, bv_tnum_const(value));
}

bool bv_tnum_subreg_is_const(struct bv_tnum a)
{
	return (uint32_t)a.mask == 0;
}

/* Byte swaps of the low 2, 4 or 8 bytes; known bits move with their bytes. */
static uint64_t swap_bytes(uint64_t v, int bytes)
{
	uint64_t r = 0;
	int i;

	for (i = 0; i < bytes; i++)
		r |= ((v >> (8 * i)) & 0xff) << (8 * (bytes - 1 - i));
	return r;
}

struct bv_tnum bv_tnum_bswap(struct bv_tnum a, int bits)
{
	int bytes = bits / 8;

	return mk(swap_bytes(a.value, bytes), swap_bytes(a.mask, bytes));
}

/* Do a and b agree on every bit both know? (If not, they have no common
 * member.) */
bool bv_tnum_overlap(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t known = ~a.mask & ~b.mask;

	return (a.value & known) == (b.value & known);
}

/* Members are value + s for the submasks s of mask, so the next member
 * above z is value + (the least submask above d = z - value). If d has a 1
 * outside the mask, at bit h, no submask agreeing with d above h can exceed
 * d, so every bit of d up to h may as well be 1; then adding 1 with all
 * non-mask bits set carries into the lowest mask bit where d is 0. */
uint64_t bv_tnum_step(struct bv_tnum t, uint64_t z)
{
	uint64_t tmax = t.value | t.mask;
	uint64_t d, outside, low;

	if (z >= tmax)
		return tmax;
	if (z < t.value)
		return t.value;
	d = z - t.value;
	outside = d & ~t.mask;
	if (outside) {
		unsigned h = fls64(outside); /* 1-based */

		low = h >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << h) - 1;
		d |= low;
	}
	return t.value | (((d | ~t.mask) + 1) & t.mask);
}

/* The kernel prints "%#llx" with its own vsnprintf, which writes 0 as
 * "0x0" (glibc would write "0"); hence the explicit prefix. */
int bv_tnum_format(struct bv_tnum a, char *buf, size_t size)
{
	return snprintf(buf, size, "(0x%llx; 0x%llx)",
			(unsigned long long)a.value, (unsigned long long)a.mask);
}
