/* tnum.c — tristate numbers: the bit-level half of the scalar domain.
 *
 * Owns every operation on struct bv_tnum (see tnum.h; the small ones are
 * inline there). Each function is pure and over-approximates: the result
 * contains every concrete result of the operation applied to members of
 * the inputs. The operations follow the
 * semantics of the Linux 6.18 verifier's tnums bit for bit, because bounds
 * derived from them decide verdicts.
 */
#include "tnum.h"

#include <stdio.h>

static struct bv_tnum mk(uint64_t value, uint64_t mask)
{
	return (struct bv_tnum){ .value = value, .mask = mask };
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

struct bv_tnum bv_tnum_union(struct bv_tnum a, struct bv_tnum b)
{
	uint64_t mu = a.mask | b.mask | (a.value ^ b.value);

	return mk(a.value & ~mu, mu);
}

/* size 0 counts as aligned (the kernel's convention). */
bool bv_tnum_is_aligned(struct bv_tnum a, uint64_t size)
{
	if (!size)
		return true;
	return ((a.value | a.mask) & (size - 1)) == 0;
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
		unsigned h = bv_fls64_(outside); /* 1-based */

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
