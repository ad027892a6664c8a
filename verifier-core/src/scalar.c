/* scalar.c — the scalar abstract domain: tnum + signed/unsigned 64/32-bit
 * ranges, the ALU transfer functions, branch decisions and branch
 * refinement, pruning containment and the log text of a scalar.
 *
 * The semantics are the Linux 6.18 verifier's (reg_bounds_sync and its
 * deductions, the scalar*_min_max_* transfer functions, is_scalar_branch_taken,
 * regs_refine_cond_op, the coerce_* helpers and print_scalar_ranges), restated
 * from their behaviour. Where the kernel is deliberately imprecise this file
 * is imprecise in the same way, since bounds decide verdicts. All functions
 * are pure over their arguments; arithmetic that may wrap is done on unsigned
 * types (the kernel builds with wrapping signed arithmetic).
 */
#include "scalar.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bpfverify/insn.h"

#define U32_MAX_ ((uint32_t)0xffffffffu)
#define S32_MIN_ ((int32_t)(-2147483647 - 1))
#define S32_MAX_ ((int32_t)2147483647)
#define U64_MAX_ (~(uint64_t)0)
#define S64_MIN_ ((int64_t)(-9223372036854775807LL - 1))
#define S64_MAX_ ((int64_t)9223372036854775807LL)

static uint64_t umax64(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t umin64(uint64_t a, uint64_t b) { return a < b ? a : b; }
static int64_t smax64(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t smin64(int64_t a, int64_t b) { return a < b ? a : b; }
static uint32_t umax32(uint32_t a, uint32_t b) { return a > b ? a : b; }
static uint32_t umin32(uint32_t a, uint32_t b) { return a < b ? a : b; }
static int32_t smax32(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t smin32(int32_t a, int32_t b) { return a < b ? a : b; }

/* Wrapping signed arithmetic without undefined behaviour. */
static int64_t wadd64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static int32_t wadd32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }

/* ---- constructors and the all-views helpers ------------------------- */

static void mark_unbounded64(struct bv_scalar *s)
{
	s->smin = S64_MIN_;
	s->smax = S64_MAX_;
	s->umin = 0;
	s->umax = U64_MAX_;
}

static void mark_unbounded32(struct bv_scalar *s)
{
	s->s32_min = S32_MIN_;
	s->s32_max = S32_MAX_;
	s->u32_min = 0;
	s->u32_max = U32_MAX_;
}

/* Every view set to the constant v (kernel: ___mark_reg_known). */
static void mark_known(struct bv_scalar *s, uint64_t v)
{
	s->var_off = bv_tnum_const(v);
	s->smin = s->smax = (int64_t)v;
	s->umin = s->umax = v;
	s->s32_min = s->s32_max = (int32_t)(uint32_t)v;
	s->u32_min = s->u32_max = (uint32_t)v;
}

/* Low 32 bits become the constant v; upper tnum bits and 64-bit bounds
 * untouched (kernel: __mark_reg32_known). */
static void mark_known32(struct bv_scalar *s, uint32_t v)
{
	s->var_off = bv_tnum_const_subreg(s->var_off, v);
	s->s32_min = s->s32_max = (int32_t)v;
	s->u32_min = s->u32_max = v;
}

void bv_scalar_unknown(struct bv_scalar *s)
{
	s->var_off = BV_TNUM_UNKNOWN;
	mark_unbounded64(s);
	mark_unbounded32(s);
}

void bv_scalar_const(struct bv_scalar *s, uint64_t v)
{
	mark_known(s, v);
}

bool bv_scalar_is_const(const struct bv_scalar *s)
{
	return bv_tnum_is_const(s->var_off);
}

uint64_t bv_scalar_value(const struct bv_scalar *s)
{
	return s->var_off.value;
}

bool bv_scalar_subreg_is_const(const struct bv_scalar *s)
{
	return bv_tnum_subreg_is_const(s->var_off);
}

/* ---- reg_bounds_sync -------------------------------------------------- */

/* Bounds implied by the 32-bit tnum: the sign bit at its least/most. */
static void update_bounds32(struct bv_scalar *s)
{
	struct bv_tnum t = bv_tnum_subreg(s->var_off);
	uint32_t v = (uint32_t)t.value, m = (uint32_t)t.mask;

	s->s32_min = smax32(s->s32_min, (int32_t)(v | (m & 0x80000000u)));
	s->s32_max = smin32(s->s32_max, (int32_t)(v | (m & 0x7fffffffu)));
	s->u32_min = umax32(s->u32_min, v);
	s->u32_max = umin32(s->u32_max, v | m);
}

/* If the u64 range and the tnum have exactly one member in common, the
 * scalar is that constant. Three shapes are recognised: the common member
 * is umin, is the tnum's largest member, or is the next member above umin
 * with the one after it beyond umax. (64-bit only, as in the kernel.) */
static void single_value64(struct bv_scalar *s)
{
	struct bv_tnum t = s->var_off;
	uint64_t tmax = t.value | t.mask;
	uint64_t next = bv_tnum_step(t, s->umin);
	bool umin_in = (s->umin & ~t.mask) == t.value;

	if (umin_in && next > s->umax)
		mark_known(s, s->umin);
	else if (!umin_in && next == tmax)
		mark_known(s, tmax);
	else if (!umin_in && next <= s->umax && bv_tnum_step(t, next) > s->umax)
		mark_known(s, next);
}

static void update_bounds64(struct bv_scalar *s)
{
	uint64_t v = s->var_off.value, m = s->var_off.mask;

	s->smin = smax64(s->smin, (int64_t)(v | (m & ((uint64_t)1 << 63))));
	s->smax = smin64(s->smax, (int64_t)(v | (m & ~((uint64_t)1 << 63))));
	s->umin = umax64(s->umin, v);
	s->umax = umin64(s->umax, v | m);
	single_value64(s);
}

static void update_bounds(struct bv_scalar *s)
{
	update_bounds32(s);
	update_bounds64(s);
}

/* 32-bit bounds from the 64-bit ones (where the low halves of the 64-bit
 * range form a range) and u32 <-> s32 where no sign boundary is crossed. */
static void deduce32(struct bv_scalar *s)
{
	/* Upper halves equal: the low halves of umin..umax are a u32 range. */
	if ((s->umin >> 32) == (s->umax >> 32)) {
		s->u32_min = umax32(s->u32_min, (uint32_t)s->umin);
		s->u32_max = umin32(s->u32_max, (uint32_t)s->umax);
		if ((int32_t)(uint32_t)s->umin <= (int32_t)(uint32_t)s->umax) {
			s->s32_min = smax32(s->s32_min, (int32_t)(uint32_t)s->umin);
			s->s32_max = smin32(s->s32_max, (int32_t)(uint32_t)s->umax);
		}
	}
	if ((s->smin >> 32) == (s->smax >> 32)) {
		if ((uint32_t)s->smin <= (uint32_t)s->smax) {
			s->u32_min = umax32(s->u32_min, (uint32_t)s->smin);
			s->u32_max = umin32(s->u32_max, (uint32_t)s->smax);
		}
		if ((int32_t)(uint32_t)s->smin <= (int32_t)(uint32_t)s->smax) {
			s->s32_min = smax32(s->s32_min, (int32_t)(uint32_t)s->smin);
			s->s32_max = smin32(s->s32_max, (int32_t)(uint32_t)s->smax);
		}
	}
	/* Upper halves are two consecutive numbers and the low halves go from
	 * negative to non-negative: still a valid s32 range, e.g. [-1, 1]. */
	if ((uint32_t)(s->umin >> 32) + 1 == (uint32_t)(s->umax >> 32) &&
	    (int32_t)(uint32_t)s->umin < 0 && (int32_t)(uint32_t)s->umax >= 0) {
		s->s32_min = smax32(s->s32_min, (int32_t)(uint32_t)s->umin);
		s->s32_max = smin32(s->s32_max, (int32_t)(uint32_t)s->umax);
	}
	if ((uint32_t)((uint64_t)s->smin >> 32) + 1 ==
		    (uint32_t)((uint64_t)s->smax >> 32) &&
	    (int32_t)(uint32_t)s->smin < 0 && (int32_t)(uint32_t)s->smax >= 0) {
		s->s32_min = smax32(s->s32_min, (int32_t)(uint32_t)s->smin);
		s->s32_max = smin32(s->s32_max, (int32_t)(uint32_t)s->smax);
	}
	/* u32 range on one side of the sign boundary is an s32 range. */
	if ((int32_t)s->u32_min <= (int32_t)s->u32_max) {
		s->s32_min = smax32(s->s32_min, (int32_t)s->u32_min);
		s->s32_max = smin32(s->s32_max, (int32_t)s->u32_max);
	}
	/* and vice versa; an s32 range crossing the sign boundary is two
	 * pieces of the u32 line, and a u32 range touching one piece only
	 * narrows both (as deduce64 below). */
	if ((uint32_t)s->s32_min <= (uint32_t)s->s32_max) {
		s->u32_min = umax32((uint32_t)s->s32_min, s->u32_min);
		s->u32_max = umin32((uint32_t)s->s32_max, s->u32_max);
	} else if (s->u32_max < (uint32_t)s->s32_min) {
		s->s32_min = (int32_t)s->u32_min;
		s->u32_max = umin32(s->u32_max, (uint32_t)s->s32_max);
	} else if ((uint32_t)s->s32_max < s->u32_min) {
		s->s32_max = (int32_t)s->u32_max;
		s->u32_min = umax32(s->u32_min, (uint32_t)s->s32_min);
	}
}

/* u64 <-> s64. When the s64 range crosses the sign boundary it covers both
 * ends of the u64 line:
 *
 *   0                                                    U64_MAX
 *   |xxxx s64 ....]                              [.... s64 xxxx|
 *   0          smax                          smin             -1
 *
 * and a u64 range touching only one of the two pieces narrows both. */
static void deduce64(struct bv_scalar *s)
{
	if ((int64_t)s->umin <= (int64_t)s->umax) {
		s->smin = smax64(s->smin, (int64_t)s->umin);
		s->smax = smin64(s->smax, (int64_t)s->umax);
	}
	if ((uint64_t)s->smin <= (uint64_t)s->smax) {
		s->umin = umax64((uint64_t)s->smin, s->umin);
		s->umax = umin64((uint64_t)s->smax, s->umax);
	} else {
		if (s->umax < (uint64_t)s->smin) {
			/* only the non-negative piece [0, smax] */
			s->smin = (int64_t)s->umin;
			s->umax = umin64(s->umax, (uint64_t)s->smax);
		} else if ((uint64_t)s->smax < s->umin) {
			/* only the negative piece [smin, -1] */
			s->smax = (int64_t)s->umax;
			s->umin = umax64(s->umin, (uint64_t)s->smin);
		}
	}
}

/* 64-bit bounds from the 32-bit ones: replace the low halves of the 64-bit
 * ends by the 32-bit ends where that keeps a well-formed range. */
static void deduce_mixed(struct bv_scalar *s)
{
	const uint64_t hi = ~(uint64_t)0xffffffffu;
	uint64_t nu_min, nu_max;
	int64_t ns_min, ns_max;

	nu_min = (s->umin & hi) | s->u32_min;
	nu_max = (s->umax & hi) | s->u32_max;
	s->umin = umax64(s->umin, nu_min);
	s->umax = umin64(s->umax, nu_max);
	ns_min = (int64_t)(((uint64_t)s->smin & hi) | s->u32_min);
	ns_max = (int64_t)(((uint64_t)s->smax & hi) | s->u32_max);
	s->smin = smax64(s->smin, ns_min);
	s->smax = smin64(s->smax, ns_max);

	if ((uint32_t)s->s32_min <= (uint32_t)s->s32_max) {
		nu_min = (s->umin & hi) | (uint32_t)s->s32_min;
		nu_max = (s->umax & hi) | (uint32_t)s->s32_max;
		s->umin = umax64(s->umin, nu_min);
		s->umax = umin64(s->umax, nu_max);
		ns_min = (int64_t)(((uint64_t)s->smin & hi) | (uint32_t)s->s32_min);
		ns_max = (int64_t)(((uint64_t)s->smax & hi) | (uint32_t)s->s32_max);
		s->smin = smax64(s->smin, ns_min);
		s->smax = smin64(s->smax, ns_max);
	}

	/* After a sign-extending load: the 64-bit range lies within
	 * [(s64)S32_MIN, S32_MAX] and the low half is non-negative, so the
	 * upper half cannot be all ones. */
	if (s->s32_min >= 0 && s->smin >= S32_MIN_ && s->smax <= S32_MAX_) {
		s->smin = s->s32_min;
		s->smax = s->s32_max;
		s->umin = (uint64_t)s->s32_min;
		s->umax = (uint64_t)s->s32_max;
		s->var_off = bv_tnum_intersect(s->var_off,
					       bv_tnum_range((uint64_t)s->smin,
							     (uint64_t)s->smax));
	}
}

static void deduce(struct bv_scalar *s)
{
	deduce32(s);
	deduce64(s);
	deduce_mixed(s);
}

/* Known bits from the unsigned ranges (64-bit, then the low 32 bits). */
static void bound_offset(struct bv_scalar *s)
{
	struct bv_tnum t64 = bv_tnum_intersect(s->var_off,
					       bv_tnum_range(s->umin, s->umax));
	struct bv_tnum t32 = bv_tnum_intersect(bv_tnum_subreg(t64),
					       bv_tnum_range(s->u32_min, s->u32_max));

	s->var_off = bv_tnum_or(bv_tnum_clear_subreg(t64), t32);
}

/* Whether two scalars are the same in every field (branch-free). */
static bool scalar_same(const struct bv_scalar *a, const struct bv_scalar *b)
{
	return ((a->var_off.value ^ b->var_off.value) | (a->var_off.mask ^ b->var_off.mask) |
		((uint64_t)a->smin ^ (uint64_t)b->smin) | ((uint64_t)a->smax ^ (uint64_t)b->smax) |
		(a->umin ^ b->umin) | (a->umax ^ b->umax) |
		(uint64_t)((uint32_t)a->s32_min ^ (uint32_t)b->s32_min) |
		(uint64_t)((uint32_t)a->s32_max ^ (uint32_t)b->s32_max) |
		(uint64_t)(a->u32_min ^ b->u32_min) | (uint64_t)(a->u32_max ^ b->u32_max)) == 0;
}

void bv_scalar_sync(struct bv_scalar *s)
{
	struct bv_scalar prev;

	update_bounds(s);
	/* 6.17+ runs three rounds of deduction. deduce() depends only on the
	 * scalar, so a round that changes nothing makes the later ones no-ops
	 * too: most syncs stop after one or two rounds. */
	prev = *s;
	deduce(s);
	if (!scalar_same(&prev, s)) {
		prev = *s;
		deduce(s);
		if (!scalar_same(&prev, s))
			deduce(s);
	}
	bound_offset(s);
	update_bounds(s);
}

/* 64-bit views from the 32-bit ones after a zero-extension
 * (kernel: __reg_assign_32_into_64). */
static void assign_32_into_64(struct bv_scalar *s)
{
	s->umin = s->u32_min;
	s->umax = s->u32_max;
	if (s->s32_min >= 0 && s->s32_max >= 0) {
		s->smin = s->s32_min;
		s->smax = s->s32_max;
	} else {
		s->smin = 0;
		s->smax = U32_MAX_;
	}
}

/* Zero-extension without the final sync (kernel: zext_32_to_64). */
static void zext(struct bv_scalar *s)
{
	s->var_off = bv_tnum_subreg(s->var_off);
	assign_32_into_64(s);
}

void bv_scalar_zext32(struct bv_scalar *dst)
{
	zext(dst);
	bv_scalar_sync(dst);
}

/* ---- ALU transfer functions ------------------------------------------ */

/* u32 bounds -> s32 bounds when the u32 range is on one side of the sign
 * boundary, else s32 unbounded (the bitwise ops' rule). */
static void s32_from_u32(struct bv_scalar *d)
{
	if ((int32_t)d->u32_min <= (int32_t)d->u32_max) {
		d->s32_min = (int32_t)d->u32_min;
		d->s32_max = (int32_t)d->u32_max;
	} else {
		d->s32_min = S32_MIN_;
		d->s32_max = S32_MAX_;
	}
}

static void s64_from_u64(struct bv_scalar *d)
{
	if ((int64_t)d->umin <= (int64_t)d->umax) {
		d->smin = (int64_t)d->umin;
		d->smax = (int64_t)d->umax;
	} else {
		d->smin = S64_MIN_;
		d->smax = S64_MAX_;
	}
}

/* Signed: either end overflowing loses the range. Unsigned: the sum keeps
 * its order when neither or both ends wrap; only a split wrap loses it. */
static void add32(struct bv_scalar *d, const struct bv_scalar *s)
{
	int32_t lo, hi;
	uint32_t ulo, uhi;
	bool olo, ohi;

	if (__builtin_add_overflow(d->s32_min, s->s32_min, &lo) ||
	    __builtin_add_overflow(d->s32_max, s->s32_max, &hi)) {
		d->s32_min = S32_MIN_;
		d->s32_max = S32_MAX_;
	} else {
		d->s32_min = lo;
		d->s32_max = hi;
	}
	olo = __builtin_add_overflow(d->u32_min, s->u32_min, &ulo);
	ohi = __builtin_add_overflow(d->u32_max, s->u32_max, &uhi);
	if (!olo && ohi) {
		d->u32_min = 0;
		d->u32_max = U32_MAX_;
	} else {
		d->u32_min = ulo;
		d->u32_max = uhi;
	}
}

static void add64(struct bv_scalar *d, const struct bv_scalar *s)
{
	int64_t lo, hi;
	uint64_t ulo, uhi;
	bool olo, ohi;

	if (__builtin_add_overflow(d->smin, s->smin, &lo) ||
	    __builtin_add_overflow(d->smax, s->smax, &hi)) {
		d->smin = S64_MIN_;
		d->smax = S64_MAX_;
	} else {
		d->smin = lo;
		d->smax = hi;
	}
	olo = __builtin_add_overflow(d->umin, s->umin, &ulo);
	ohi = __builtin_add_overflow(d->umax, s->umax, &uhi);
	if (!olo && ohi) {
		d->umin = 0;
		d->umax = U64_MAX_;
	} else {
		d->umin = ulo;
		d->umax = uhi;
	}
}

/* Same rules as add: min - max(src) and max - min(src). */
static void sub32(struct bv_scalar *d, const struct bv_scalar *s)
{
	int32_t lo, hi;
	uint32_t ulo, uhi;
	bool olo, ohi;

	if (__builtin_sub_overflow(d->s32_min, s->s32_max, &lo) ||
	    __builtin_sub_overflow(d->s32_max, s->s32_min, &hi)) {
		d->s32_min = S32_MIN_;
		d->s32_max = S32_MAX_;
	} else {
		d->s32_min = lo;
		d->s32_max = hi;
	}
	olo = __builtin_sub_overflow(d->u32_min, s->u32_max, &ulo);
	ohi = __builtin_sub_overflow(d->u32_max, s->u32_min, &uhi);
	if (olo && !ohi) {
		d->u32_min = 0;
		d->u32_max = U32_MAX_;
	} else {
		d->u32_min = ulo;
		d->u32_max = uhi;
	}
}

static void sub64(struct bv_scalar *d, const struct bv_scalar *s)
{
	int64_t lo, hi;
	uint64_t ulo, uhi;
	bool olo, ohi;

	if (__builtin_sub_overflow(d->smin, s->smax, &lo) ||
	    __builtin_sub_overflow(d->smax, s->smin, &hi)) {
		d->smin = S64_MIN_;
		d->smax = S64_MAX_;
	} else {
		d->smin = lo;
		d->smax = hi;
	}
	olo = __builtin_sub_overflow(d->umin, s->umax, &ulo);
	ohi = __builtin_sub_overflow(d->umax, s->umin, &uhi);
	if (olo && !ohi) {
		d->umin = 0;
		d->umax = U64_MAX_;
	} else {
		d->umin = ulo;
		d->umax = uhi;
	}
}

/* Unsigned: products of the ends unless one overflows. Signed: the four
 * corner products unless one overflows. */
static void mul32(struct bv_scalar *d, const struct bv_scalar *s)
{
	uint32_t ulo, uhi;
	int32_t p[4];
	int i;

	if (__builtin_mul_overflow(d->u32_max, s->u32_max, &uhi) ||
	    __builtin_mul_overflow(d->u32_min, s->u32_min, &ulo)) {
		d->u32_min = 0;
		d->u32_max = U32_MAX_;
	} else {
		d->u32_min = ulo;
		d->u32_max = uhi;
	}
	if (__builtin_mul_overflow(d->s32_min, s->s32_min, &p[0]) ||
	    __builtin_mul_overflow(d->s32_min, s->s32_max, &p[1]) ||
	    __builtin_mul_overflow(d->s32_max, s->s32_min, &p[2]) ||
	    __builtin_mul_overflow(d->s32_max, s->s32_max, &p[3])) {
		d->s32_min = S32_MIN_;
		d->s32_max = S32_MAX_;
		return;
	}
	d->s32_min = d->s32_max = p[0];
	for (i = 1; i < 4; i++) {
		d->s32_min = smin32(d->s32_min, p[i]);
		d->s32_max = smax32(d->s32_max, p[i]);
	}
}

static void mul64(struct bv_scalar *d, const struct bv_scalar *s)
{
	uint64_t ulo, uhi;
	int64_t p[4];
	int i;

	if (__builtin_mul_overflow(d->umax, s->umax, &uhi) ||
	    __builtin_mul_overflow(d->umin, s->umin, &ulo)) {
		d->umin = 0;
		d->umax = U64_MAX_;
	} else {
		d->umin = ulo;
		d->umax = uhi;
	}
	if (__builtin_mul_overflow(d->smin, s->smin, &p[0]) ||
	    __builtin_mul_overflow(d->smin, s->smax, &p[1]) ||
	    __builtin_mul_overflow(d->smax, s->smin, &p[2]) ||
	    __builtin_mul_overflow(d->smax, s->smax, &p[3])) {
		d->smin = S64_MIN_;
		d->smax = S64_MAX_;
		return;
	}
	d->smin = d->smax = p[0];
	for (i = 1; i < 4; i++) {
		d->smin = smin64(d->smin, p[i]);
		d->smax = smax64(d->smax, p[i]);
	}
}

/* Older verifiers: no bounds once an operand may be negative or the
 * product may overflow; else the unsigned products, copied to the signed
 * range when they stay below the signed maximum.
 *
 *   dst, src in [0, 2^(w/2)) ──► [umin*umin', umax*umax']   else ──► unknown
 */
static void mul32_unsigned_only(struct bv_scalar *d, const struct bv_scalar *s)
{
	if (s->s32_min < 0 || d->s32_min < 0 || s->u32_max > UINT16_MAX ||
	    d->u32_max > UINT16_MAX) {
		d->s32_min = S32_MIN_;
		d->s32_max = S32_MAX_;
		d->u32_min = 0;
		d->u32_max = U32_MAX_;
		return;
	}
	d->u32_min *= s->u32_min;
	d->u32_max *= s->u32_max;
	if (d->u32_max > (uint32_t)S32_MAX_) {
		d->s32_min = S32_MIN_;
		d->s32_max = S32_MAX_;
	} else {
		d->s32_min = (int32_t)d->u32_min;
		d->s32_max = (int32_t)d->u32_max;
	}
}

static void mul64_unsigned_only(struct bv_scalar *d, const struct bv_scalar *s)
{
	if (s->smin < 0 || d->smin < 0 || s->umax > UINT32_MAX || d->umax > UINT32_MAX) {
		d->smin = S64_MIN_;
		d->smax = S64_MAX_;
		d->umin = 0;
		d->umax = U64_MAX_;
		return;
	}
	d->umin *= s->umin;
	d->umax *= s->umax;
	if (d->umax > (uint64_t)S64_MAX_) {
		d->smin = S64_MIN_;
		d->smax = S64_MAX_;
	} else {
		d->smin = (int64_t)d->umin;
		d->smax = (int64_t)d->umax;
	}
}

/* The bitwise ops run after var_off already holds the result's tnum. */
static void and32(struct bv_scalar *d, const struct bv_scalar *s)
{
	struct bv_tnum t = bv_tnum_subreg(d->var_off);

	if (bv_tnum_subreg_is_const(s->var_off) && bv_tnum_subreg_is_const(d->var_off)) {
		mark_known32(d, (uint32_t)t.value);
		return;
	}
	d->u32_min = (uint32_t)t.value;
	d->u32_max = umin32(d->u32_max, s->u32_max);
	s32_from_u32(d);
}

static void and64(struct bv_scalar *d, const struct bv_scalar *s)
{
	if (bv_tnum_is_const(s->var_off) && bv_tnum_is_const(d->var_off)) {
		mark_known(d, d->var_off.value);
		return;
	}
	d->umin = d->var_off.value;
	d->umax = umin64(d->umax, s->umax);
	s64_from_u64(d);
	update_bounds(d);
}

static void or32(struct bv_scalar *d, const struct bv_scalar *s)
{
	struct bv_tnum t = bv_tnum_subreg(d->var_off);

	if (bv_tnum_subreg_is_const(s->var_off) && bv_tnum_subreg_is_const(d->var_off)) {
		mark_known32(d, (uint32_t)t.value);
		return;
	}
	d->u32_min = umax32(d->u32_min, s->u32_min);
	d->u32_max = (uint32_t)(t.value | t.mask);
	s32_from_u32(d);
}

static void or64(struct bv_scalar *d, const struct bv_scalar *s)
{
	if (bv_tnum_is_const(s->var_off) && bv_tnum_is_const(d->var_off)) {
		mark_known(d, d->var_off.value);
		return;
	}
	d->umin = umax64(d->umin, s->umin);
	d->umax = d->var_off.value | d->var_off.mask;
	s64_from_u64(d);
	update_bounds(d);
}

static void xor32(struct bv_scalar *d, const struct bv_scalar *s)
{
	struct bv_tnum t = bv_tnum_subreg(d->var_off);

	if (bv_tnum_subreg_is_const(s->var_off) && bv_tnum_subreg_is_const(d->var_off)) {
		mark_known32(d, (uint32_t)t.value);
		return;
	}
	d->u32_min = (uint32_t)t.value;
	d->u32_max = (uint32_t)(t.value | t.mask);
	s32_from_u32(d);
}

static void xor64(struct bv_scalar *d, const struct bv_scalar *s)
{
	if (bv_tnum_is_const(s->var_off) && bv_tnum_is_const(d->var_off)) {
		mark_known(d, d->var_off.value);
		return;
	}
	d->umin = d->var_off.value;
	d->umax = d->var_off.value | d->var_off.mask;
	s64_from_u64(d);
	update_bounds(d);
}

/* Shifts: the amount is a constant < bitness here (checked by the caller),
 * so umin == umax == the amount. */
static void lsh32_bounds(struct bv_scalar *d, uint64_t lo, uint64_t hi)
{
	d->s32_min = S32_MIN_;
	d->s32_max = S32_MAX_;
	if (hi > 31 || d->u32_max > ((uint64_t)1 << (31 - hi))) {
		d->u32_min = 0;
		d->u32_max = U32_MAX_;
	} else {
		d->u32_min <<= lo;
		d->u32_max <<= hi;
	}
}

static void lsh32(struct bv_scalar *d, const struct bv_scalar *s)
{
	struct bv_tnum sub = bv_tnum_subreg(d->var_off);

	lsh32_bounds(d, s->u32_min, s->u32_max);
	d->var_off = bv_tnum_subreg(bv_tnum_lshift(sub, (uint8_t)s->u32_min));
	mark_unbounded64(d);
	update_bounds32(d);
}

static void lsh64(struct bv_scalar *d, const struct bv_scalar *s)
{
	uint64_t lo = s->umin, hi = s->umax;

	/* x << 32 is exactly (s32)x * 2^32, so the s32 range carries over
	 * (the compiler's sign-extension idiom <<32 s>>32); observed on 6.18
	 * for negative s32 ranges too. */
	if (lo == 32 && hi == 32) {
		d->smax = (int64_t)((uint64_t)(int64_t)d->s32_max << 32);
		d->smin = (int64_t)((uint64_t)(int64_t)d->s32_min << 32);
	} else {
		d->smax = S64_MAX_;
		d->smin = S64_MIN_;
	}
	if (d->umax > ((uint64_t)1 << (63 - hi))) {
		d->umin = 0;
		d->umax = U64_MAX_;
	} else {
		d->umin <<= lo;
		d->umax <<= hi;
	}
	lsh32_bounds(d, lo, hi);
	d->var_off = bv_tnum_lshift(d->var_off, (uint8_t)lo);
	update_bounds(d);
}

static void rsh32(struct bv_scalar *d, const struct bv_scalar *s)
{
	struct bv_tnum sub = bv_tnum_subreg(d->var_off);

	d->s32_min = S32_MIN_;
	d->s32_max = S32_MAX_;
	d->var_off = bv_tnum_rshift(sub, (uint8_t)s->u32_min);
	d->u32_min >>= s->u32_max;
	d->u32_max >>= s->u32_min;
	mark_unbounded64(d);
	update_bounds32(d);
}

static void rsh64(struct bv_scalar *d, const struct bv_scalar *s)
{
	d->smin = S64_MIN_;
	d->smax = S64_MAX_;
	d->var_off = bv_tnum_rshift(d->var_off, (uint8_t)s->umin);
	d->umin >>= s->umax;
	d->umax >>= s->umin;
	mark_unbounded32(d);
	update_bounds(d);
}

static void arsh32(struct bv_scalar *d, const struct bv_scalar *s)
{
	uint8_t k = (uint8_t)s->u32_min;

	d->s32_min = d->s32_min >> k;
	d->s32_max = d->s32_max >> k;
	d->var_off = bv_tnum_arshift(bv_tnum_subreg(d->var_off), k, 32);
	d->u32_min = 0;
	d->u32_max = U32_MAX_;
	mark_unbounded64(d);
	update_bounds32(d);
}

static void arsh64(struct bv_scalar *d, const struct bv_scalar *s)
{
	uint8_t k = (uint8_t)s->umin;

	d->smin = d->smin >> k;
	d->smax = d->smax >> k;
	d->var_off = bv_tnum_arshift(d->var_off, k, 64);
	d->umin = 0;
	d->umax = U64_MAX_;
	mark_unbounded32(d);
	update_bounds(d);
}

/* Is the source operand a constant in every view of the op's width? */
static bool src_is_const(const struct bv_scalar *s, bool alu32)
{
	if (alu32)
		return bv_tnum_subreg_is_const(s->var_off) &&
		       s->s32_min == s->s32_max && s->u32_min == s->u32_max;
	return bv_tnum_is_const(s->var_off) && s->smin == s->smax &&
	       s->umin == s->umax;
}

/* Ops whose result range the 6.18 verifier computes; the others (DIV, MOD,
 * shifts by a non-constant or out-of-range amount) give an unknown scalar.
 * The shift check reads the 64-bit umax even for ALU32, as the kernel. */
static bool computable(uint8_t op, const struct bv_scalar *src, bool alu32)
{
	switch (op) {
	case BV_ADD:
	case BV_SUB:
	case BV_AND:
	case BV_XOR:
	case BV_OR:
	case BV_MUL:
		return true;
	case BV_LSH:
	case BV_RSH:
	case BV_ARSH:
		return src_is_const(src, alu32) && src->umax < (alu32 ? 32u : 64u);
	default:
		return false;
	}
}

/* is_signed (sdiv/smod) does not change anything: 6.18 does not track
 * division or modulo at all. */
void bv_scalar_alu(struct bv_scalar *dst, const struct bv_scalar *src_in,
		   uint8_t op, bool alu32, bool is_signed)
{
	bv_scalar_alu_ex(dst, src_in, op, alu32, is_signed, 0);
}

void bv_scalar_alu_ex(struct bv_scalar *dst, const struct bv_scalar *src_in,
		      uint8_t op, bool alu32, bool is_signed, unsigned flags)
{
	struct bv_scalar src = *src_in; /* dst and src may alias */

	(void)is_signed;
	if (!computable(op, &src, alu32) ||
	    ((flags & BV_SCALAR_CONST_SRC_ONLY) && !src_is_const(&src, alu32) &&
	     (op == BV_OR || op == BV_XOR || op == BV_MUL))) {
		bv_scalar_unknown(dst);
		return;
	}
	switch (op) {
	case BV_ADD:
		add32(dst, &src);
		add64(dst, &src);
		dst->var_off = bv_tnum_add(dst->var_off, src.var_off);
		break;
	case BV_SUB:
		sub32(dst, &src);
		sub64(dst, &src);
		dst->var_off = bv_tnum_sub(dst->var_off, src.var_off);
		break;
	case BV_MUL:
		dst->var_off = bv_tnum_mul(dst->var_off, src.var_off);
		if (flags & BV_SCALAR_MUL_UNSIGNED_ONLY) {
			mul32_unsigned_only(dst, &src);
			mul64_unsigned_only(dst, &src);
			break;
		}
		mul32(dst, &src);
		mul64(dst, &src);
		break;
	case BV_AND:
		dst->var_off = bv_tnum_and(dst->var_off, src.var_off);
		and32(dst, &src);
		and64(dst, &src);
		break;
	case BV_OR:
		dst->var_off = bv_tnum_or(dst->var_off, src.var_off);
		or32(dst, &src);
		or64(dst, &src);
		break;
	case BV_XOR:
		dst->var_off = bv_tnum_xor(dst->var_off, src.var_off);
		xor32(dst, &src);
		xor64(dst, &src);
		break;
	case BV_LSH:
		if (alu32)
			lsh32(dst, &src);
		else
			lsh64(dst, &src);
		break;
	case BV_RSH:
		if (alu32)
			rsh32(dst, &src);
		else
			rsh64(dst, &src);
		break;
	case BV_ARSH:
		if (alu32)
			arsh32(dst, &src);
		else
			arsh64(dst, &src);
		break;
	default:
		break;
	}
	if (alu32)
		zext(dst);
	bv_scalar_sync(dst);
}

/* 6.18 splits the state before AND/OR of a constant when dst's low half is
 * in [-1, 0] (the s>>63 "mask" idiom); see scalar.h. */
bool bv_scalar_alu_splits(const struct bv_scalar *dst, const struct bv_scalar *src,
			  uint8_t op)
{
	return (op == BV_AND || op == BV_OR) && bv_tnum_is_const(src->var_off) &&
	       dst->s32_min == -1 && dst->s32_max == 0;
}

void bv_scalar_set_subreg_const(struct bv_scalar *s, uint32_t v)
{
	mark_known32(s, v);
	bv_scalar_sync(s);
}

/* dst = 0 - dst, with the subtraction's range rules. */
void bv_scalar_neg(struct bv_scalar *dst, bool alu32)
{
	struct bv_scalar v = *dst;

	mark_known(dst, 0);
	sub32(dst, &v);
	sub64(dst, &v);
	dst->var_off = bv_tnum_neg(v.var_off);
	if (alu32)
		zext(dst);
	bv_scalar_sync(dst);
}

static void coerce_to_size(struct bv_scalar *s, int size);

/* The tnum's bytes are swapped when the instruction swaps on this
 * (little-endian) target: bswap, and to_be; the ranges are then rebuilt from
 * the tnum. 16- and 32-bit forms keep only their low bytes (to_le16 is a
 * pure truncation, to_le64 a no-op). */
void bv_scalar_end(struct bv_scalar *dst, int bits, bool to_be, bool bswap)
{
	if (bswap || to_be) {
		dst->var_off = bv_tnum_bswap(dst->var_off, bits);
		mark_unbounded64(dst);
		mark_unbounded32(dst);
	}
	if (bits == 16 || bits == 32)
		coerce_to_size(dst, bits / 8);
	bv_scalar_sync(dst);
}

/* ---- casts, sign extension, loads ------------------------------------ */

/* Keep the low `size` bytes (kernel: coerce_reg_to_size). */
static void coerce_to_size(struct bv_scalar *s, int size)
{
	uint64_t mask;

	if (size >= 8)
		return;
	mask = ((uint64_t)1 << (size * 8)) - 1;
	s->var_off = bv_tnum_cast(s->var_off, (uint8_t)size);
	if ((s->umin & ~mask) == (s->umax & ~mask)) {
		s->umin &= mask;
		s->umax &= mask;
	} else {
		s->umin = 0;
		s->umax = mask;
	}
	s->smin = (int64_t)s->umin;
	s->smax = (int64_t)s->umax;
	if (size < 4)
		mark_unbounded32(s);
	bv_scalar_sync(s);
}

static int64_t sext(uint64_t v, int size)
{
	switch (size) {
	case 1:
		return (int8_t)(uint8_t)v;
	case 2:
		return (int16_t)(uint16_t)v;
	default:
		return (int32_t)(uint32_t)v;
	}
}

/* Sign-extend the low `size` bytes to 64 bits (kernel:
 * coerce_reg_to_size_sx). Precise only when smin and smax share their
 * upper bits and their extensions have one sign; else the default range of
 * the narrow signed type. No final sync, as the kernel. */
static void coerce_to_size_sx(struct bv_scalar *s, int size)
{
	int bits = size * 8;
	int64_t a, b, lo, hi;

	if (bv_tnum_is_const(s->var_off)) {
		mark_known(s, (uint64_t)sext(s->var_off.value, size));
		return;
	}
	if (((uint64_t)s->smax >> bits) == ((uint64_t)s->smin >> bits)) {
		a = sext((uint64_t)s->smax, size);
		b = sext((uint64_t)s->smin, size);
		hi = smax64(a, b);
		lo = smin64(a, b);
		if ((hi >= 0) == (lo >= 0)) {
			s->smin = lo;
			s->smax = hi;
			s->s32_min = (int32_t)lo;
			s->s32_max = (int32_t)hi;
			s->umin = (uint64_t)lo;
			s->umax = (uint64_t)hi;
			s->u32_min = (uint32_t)lo;
			s->u32_max = (uint32_t)hi;
			s->var_off = bv_tnum_range((uint64_t)lo, (uint64_t)hi);
			return;
		}
	}
	hi = size == 1 ? 127 : size == 2 ? 32767 : S32_MAX_;
	s->smin = -hi - 1;
	s->smax = hi;
	s->s32_min = (int32_t)(-hi - 1);
	s->s32_max = (int32_t)hi;
	s->umin = 0;
	s->umax = U64_MAX_;
	s->u32_min = 0;
	s->u32_max = U32_MAX_;
	s->var_off = BV_TNUM_UNKNOWN;
}

/* Sign-extend the low `size` (1, 2) bytes into the 32-bit subregister
 * (kernel: coerce_subreg_to_size_sx); 64-bit views are left to the zext
 * that follows. */
static void coerce_subreg_to_size_sx(struct bv_scalar *s, int size)
{
	int bits = size * 8;
	int32_t a, b, lo, hi;

	if (bv_tnum_is_const(s->var_off)) {
		int64_t v = sext(s->var_off.value, size);

		s->var_off = bv_tnum_const((uint64_t)v);
		s->s32_min = s->s32_max = (int32_t)v;
		s->u32_min = s->u32_max = (uint32_t)v;
		return;
	}
	if (((uint32_t)s->s32_max >> bits) == ((uint32_t)s->s32_min >> bits)) {
		a = (int32_t)sext((uint32_t)s->s32_max, size);
		b = (int32_t)sext((uint32_t)s->s32_min, size);
		hi = smax32(a, b);
		lo = smin32(a, b);
		if ((lo >= 0) == (hi >= 0)) {
			s->s32_min = lo;
			s->s32_max = hi;
			s->u32_min = (uint32_t)lo;
			s->u32_max = (uint32_t)hi;
			s->var_off = bv_tnum_subreg(bv_tnum_range((uint64_t)(int64_t)lo,
								  (uint64_t)(int64_t)hi));
			return;
		}
	}
	hi = size == 1 ? 127 : 32767;
	s->s32_min = -hi - 1;
	s->s32_max = hi;
	s->u32_min = 0;
	s->u32_max = U32_MAX_;
	s->var_off = bv_tnum_subreg(BV_TNUM_UNKNOWN);
}

void bv_scalar_movsx(struct bv_scalar *dst, const struct bv_scalar *src,
		     int bits, bool alu32)
{
	struct bv_scalar v = *src;

	if (alu32) {
		if (bits < 32)
			coerce_subreg_to_size_sx(&v, bits / 8);
		zext(&v);
		bv_scalar_sync(&v);
	} else {
		coerce_to_size_sx(&v, bits / 8);
	}
	*dst = v;
}

/* Unknown memory contents: unknown, then narrowed to the load's size. */
void bv_scalar_load(struct bv_scalar *dst, int size, bool sign_extend)
{
	bv_scalar_unknown(dst);
	if (size >= 8)
		return;
	if (sign_extend)
		coerce_to_size_sx(dst, size);
	else
		coerce_to_size(dst, size);
}

void bv_scalar_truncate(struct bv_scalar *dst, int size)
{
	coerce_to_size(dst, size);
}

/* ---- branches ---------------------------------------------------------- */

/* The views a comparison of width jmp32 looks at. */
struct view {
	struct bv_tnum t;
	uint64_t umin, umax;
	int64_t smin, smax;
};

static struct view view_of(const struct bv_scalar *s, bool jmp32)
{
	struct view v;

	if (jmp32) {
		v.t = bv_tnum_subreg(s->var_off);
		v.umin = s->u32_min;
		v.umax = s->u32_max;
		v.smin = s->s32_min;
		v.smax = s->s32_max;
	} else {
		v.t = s->var_off;
		v.umin = s->umin;
		v.umax = s->umax;
		v.smin = s->smin;
		v.smax = s->smax;
	}
	return v;
}

static bool is_const_w(const struct bv_scalar *s, bool jmp32)
{
	return jmp32 ? bv_tnum_subreg_is_const(s->var_off)
		     : bv_tnum_is_const(s->var_off);
}

static uint64_t const_w(const struct bv_scalar *s, bool jmp32)
{
	return jmp32 ? (uint32_t)s->var_off.value : s->var_off.value;
}

/* Can a == b be ruled out from the ranges alone? (JEQ/JNE helper) */
static bool eq_impossible(const struct bv_scalar *a, const struct bv_scalar *b,
			  const struct view *x, const struct view *y, bool jmp32)
{
	if (x->umin > y->umax || x->umax < y->umin)
		return true;
	if (x->smin > y->smax || x->smax < y->smin)
		return true;
	if (!jmp32) {
		/* the 64-bit ranges overlap; the subregisters may not */
		if (a->u32_min > b->u32_max || a->u32_max < b->u32_min)
			return true;
		if (a->s32_min > b->s32_max || a->s32_max < b->s32_min)
			return true;
	}
	return false;
}

/* Decisions from ranges and tnums only (kernel: is_scalar_branch_taken).
 * JEQ/JNE are decided when the ranges are disjoint in any view or the
 * tnums disagree on a known bit. */
int bv_scalar_branch_taken(const struct bv_scalar *a, const struct bv_scalar *b,
			   uint8_t op, bool jmp32)
{
	struct view x = view_of(a, jmp32), y = view_of(b, jmp32);

	switch (op) {
	case BV_JEQ:
		if (bv_tnum_is_const(x.t) && bv_tnum_is_const(y.t))
			return x.t.value == y.t.value;
		if (!bv_tnum_overlap(x.t, y.t))
			return 0;
		if (eq_impossible(a, b, &x, &y, jmp32))
			return 0;
		break;
	case BV_JNE:
		if (bv_tnum_is_const(x.t) && bv_tnum_is_const(y.t))
			return x.t.value != y.t.value;
		if (!bv_tnum_overlap(x.t, y.t))
			return 1;
		if (eq_impossible(a, b, &x, &y, jmp32))
			return 1;
		break;
	case BV_JSET:
		if (!is_const_w(b, jmp32)) {
			struct view tmp = x;
			const struct bv_scalar *ts = a;

			x = y;
			y = tmp;
			a = b;
			b = ts;
		}
		if (!is_const_w(b, jmp32))
			return -1;
		if ((~x.t.mask & x.t.value) & y.t.value)
			return 1;
		if (!((x.t.mask | x.t.value) & y.t.value))
			return 0;
		break;
	case BV_JGT:
		if (x.umin > y.umax)
			return 1;
		if (x.umax <= y.umin)
			return 0;
		break;
	case BV_JSGT:
		if (x.smin > y.smax)
			return 1;
		if (x.smax <= y.smin)
			return 0;
		break;
	case BV_JLT:
		if (x.umax < y.umin)
			return 1;
		if (x.umin >= y.umax)
			return 0;
		break;
	case BV_JSLT:
		if (x.smax < y.smin)
			return 1;
		if (x.smin >= y.smax)
			return 0;
		break;
	case BV_JGE:
		if (x.umin >= y.umax)
			return 1;
		if (x.umax < y.umin)
			return 0;
		break;
	case BV_JSGE:
		if (x.smin >= y.smax)
			return 1;
		if (x.smax < y.smin)
			return 0;
		break;
	case BV_JLE:
		if (x.umax <= y.umin)
			return 1;
		if (x.umin > y.umax)
			return 0;
		break;
	case BV_JSLE:
		if (x.smax <= y.smin)
			return 1;
		if (x.smin > y.smax)
			return 0;
		break;
	default:
		break;
	}
	return -1;
}

uint8_t bv_jmp_negate(uint8_t op)
{
	switch (op) {
	case BV_JEQ: return BV_JNE;
	case BV_JNE: return BV_JEQ;
	case BV_JGT: return BV_JLE;
	case BV_JLE: return BV_JGT;
	case BV_JGE: return BV_JLT;
	case BV_JLT: return BV_JGE;
	case BV_JSGT: return BV_JSLE;
	case BV_JSLE: return BV_JSGT;
	case BV_JSGE: return BV_JSLT;
	case BV_JSLT: return BV_JSGE;
	case BV_JSET: return BV_JSET_NOT;
	case BV_JSET_NOT: return BV_JSET;
	default: return 0;
	}
}

uint8_t bv_jmp_flip(uint8_t op)
{
	switch (op) {
	case BV_JGT: return BV_JLT;
	case BV_JLT: return BV_JGT;
	case BV_JGE: return BV_JLE;
	case BV_JLE: return BV_JGE;
	case BV_JSGT: return BV_JSLT;
	case BV_JSLT: return BV_JSGT;
	case BV_JSGE: return BV_JSLE;
	case BV_JSLE: return BV_JSGE;
	default: return op; /* JEQ, JNE, JSET are symmetric */
	}
}

static void swap_ptr(struct bv_scalar **a, struct bv_scalar **b)
{
	struct bv_scalar *t = *a;

	*a = *b;
	*b = t;
}

/* Moves a bound off a constant it cannot equal (JNE at a range end). */
static void refine_ne(struct bv_scalar *r, uint64_t val, bool jmp32)
{
	if (jmp32) {
		if (r->u32_min == (uint32_t)val)
			r->u32_min++;
		if (r->u32_max == (uint32_t)val)
			r->u32_max--;
		if (r->s32_min == (int32_t)(uint32_t)val)
			r->s32_min = wadd32(r->s32_min, 1);
		if (r->s32_max == (int32_t)(uint32_t)val)
			r->s32_max = wadd32(r->s32_max, -1);
	} else {
		if (r->umin == val)
			r->umin++;
		if (r->umax == val)
			r->umax--;
		if (r->smin == (int64_t)val)
			r->smin = wadd64(r->smin, 1);
		if (r->smax == (int64_t)val)
			r->smax = wadd64(r->smax, -1);
	}
}

/* Kernel: regs_refine_cond_op. The caller syncs. */
static void refine_cond(struct bv_scalar *r1, struct bv_scalar *r2,
			uint8_t op, bool jmp32)
{
	struct bv_tnum t;
	uint64_t val;

	switch (op) {
	case BV_JGE:
	case BV_JGT:
	case BV_JSGE:
	case BV_JSGT:
		op = bv_jmp_flip(op);
		swap_ptr(&r1, &r2);
		break;
	default:
		break;
	}

	switch (op) {
	case BV_JEQ:
		if (jmp32) {
			r1->u32_min = umax32(r1->u32_min, r2->u32_min);
			r1->u32_max = umin32(r1->u32_max, r2->u32_max);
			r1->s32_min = smax32(r1->s32_min, r2->s32_min);
			r1->s32_max = smin32(r1->s32_max, r2->s32_max);
			r2->u32_min = r1->u32_min;
			r2->u32_max = r1->u32_max;
			r2->s32_min = r1->s32_min;
			r2->s32_max = r1->s32_max;
			t = bv_tnum_intersect(bv_tnum_subreg(r1->var_off),
					      bv_tnum_subreg(r2->var_off));
			r1->var_off = bv_tnum_with_subreg(r1->var_off, t);
			r2->var_off = bv_tnum_with_subreg(r2->var_off, t);
		} else {
			r1->umin = umax64(r1->umin, r2->umin);
			r1->umax = umin64(r1->umax, r2->umax);
			r1->smin = smax64(r1->smin, r2->smin);
			r1->smax = smin64(r1->smax, r2->smax);
			r2->umin = r1->umin;
			r2->umax = r1->umax;
			r2->smin = r1->smin;
			r2->smax = r1->smax;
			r1->var_off = bv_tnum_intersect(r1->var_off, r2->var_off);
			r2->var_off = r1->var_off;
		}
		break;
	case BV_JNE:
		if (!is_const_w(r2, jmp32))
			swap_ptr(&r1, &r2);
		if (!is_const_w(r2, jmp32))
			break;
		refine_ne(r1, const_w(r2, jmp32), jmp32);
		break;
	case BV_JSET:
		if (!is_const_w(r2, jmp32))
			swap_ptr(&r1, &r2);
		if (!is_const_w(r2, jmp32))
			break;
		val = const_w(r2, jmp32);
		/* only a single tested bit is then known to be set */
		if (val == 0 || (val & (val - 1)))
			break;
		if (jmp32) {
			t = bv_tnum_or(bv_tnum_subreg(r1->var_off), bv_tnum_const(val));
			r1->var_off = bv_tnum_with_subreg(r1->var_off, t);
		} else {
			r1->var_off = bv_tnum_or(r1->var_off, bv_tnum_const(val));
		}
		break;
	case BV_JSET_NOT:
		if (!is_const_w(r2, jmp32))
			swap_ptr(&r1, &r2);
		if (!is_const_w(r2, jmp32))
			break;
		val = const_w(r2, jmp32);
		if (jmp32) {
			t = bv_tnum_and(bv_tnum_subreg(r1->var_off), bv_tnum_const(~val));
			r1->var_off = bv_tnum_with_subreg(r1->var_off, t);
		} else {
			r1->var_off = bv_tnum_and(r1->var_off, bv_tnum_const(~val));
		}
		/* Observed on 6.18: this edge keeps only the tnum; all eight
		 * bounds are dropped and rebuilt from it by the sync. */
		mark_unbounded64(r1);
		mark_unbounded32(r1);
		break;
	case BV_JLE:
		if (jmp32) {
			r1->u32_max = umin32(r1->u32_max, r2->u32_max);
			r2->u32_min = umax32(r1->u32_min, r2->u32_min);
		} else {
			r1->umax = umin64(r1->umax, r2->umax);
			r2->umin = umax64(r1->umin, r2->umin);
		}
		break;
	case BV_JLT:
		if (jmp32) {
			r1->u32_max = umin32(r1->u32_max, r2->u32_max - 1);
			r2->u32_min = umax32(r1->u32_min + 1, r2->u32_min);
		} else {
			r1->umax = umin64(r1->umax, r2->umax - 1);
			r2->umin = umax64(r1->umin + 1, r2->umin);
		}
		break;
	case BV_JSLE:
		if (jmp32) {
			r1->s32_max = smin32(r1->s32_max, r2->s32_max);
			r2->s32_min = smax32(r1->s32_min, r2->s32_min);
		} else {
			r1->smax = smin64(r1->smax, r2->smax);
			r2->smin = smax64(r1->smin, r2->smin);
		}
		break;
	case BV_JSLT:
		if (jmp32) {
			r1->s32_max = smin32(r1->s32_max, wadd32(r2->s32_max, -1));
			r2->s32_min = smax32(wadd32(r1->s32_min, 1), r2->s32_min);
		} else {
			r1->smax = smin64(r1->smax, wadd64(r2->smax, -1));
			r2->smin = smax64(wadd64(r1->smin, 1), r2->smin);
		}
		break;
	default:
		break;
	}
}

void bv_scalar_refine(struct bv_scalar *a, struct bv_scalar *b, uint8_t op,
		      bool jmp32)
{
	refine_cond(a, b, op, jmp32);
	bv_scalar_sync(a);
	bv_scalar_sync(b);
}

/* Older verifiers after a 32-bit jump: the upper half known zero, the
 * 32-bit bounds are the 64-bit ones (signed only when non-negative);
 * otherwise the 64-bit bounds are forgotten and relearnt from the tnum. */
static void combine_32_into_64(struct bv_scalar *s)
{
	if (bv_tnum_equals_const(bv_tnum_clear_subreg(s->var_off), 0)) {
		s->umin = s->u32_min;
		s->umax = s->u32_max;
		if (s->s32_min >= 0) {
			s->smin = s->s32_min;
			s->smax = s->s32_max;
		} else {
			s->smin = 0;
			s->smax = U32_MAX_;
		}
	} else {
		mark_unbounded64(s);
	}
	bv_scalar_sync(s);
}

void bv_scalar_refine_ex(struct bv_scalar *a, struct bv_scalar *b, uint8_t op,
			 bool jmp32, unsigned flags)
{
	if ((flags & BV_SCALAR_NE_LEARNS_NOTHING) && op == BV_JNE)
		return;
	if (!(flags & BV_SCALAR_JMP32_FORGETS_64) || !jmp32) {
		bv_scalar_refine(a, b, op, jmp32);
		return;
	}
	refine_cond(a, b, op, jmp32);
	combine_32_into_64(a);
	combine_32_into_64(b);
}

bool bv_scalar_valid(const struct bv_scalar *s)
{
	if (s->umin > s->umax || s->smin > s->smax ||
	    s->u32_min > s->u32_max || s->s32_min > s->s32_max)
		return false;
	if (bv_tnum_is_const(s->var_off)) {
		uint64_t v = s->var_off.value;

		if (s->umin != v || s->umax != v ||
		    s->smin != (int64_t)v || s->smax != (int64_t)v)
			return false;
	}
	if (bv_tnum_subreg_is_const(s->var_off)) {
		uint32_t v = (uint32_t)s->var_off.value;

		if (s->u32_min != v || s->u32_max != v ||
		    s->s32_min != (int32_t)v || s->s32_max != (int32_t)v)
			return false;
	}
	return true;
}

bool bv_scalar_check_invariants(struct bv_scalar *s, char *msg, size_t size)
{
	const char *what;

	if (s->umin > s->umax || s->smin > s->smax ||
	    s->u32_min > s->u32_max || s->s32_min > s->s32_max)
		what = "range bounds violation";
	else if (bv_tnum_is_const(s->var_off) &&
		 (s->umin != s->var_off.value || s->umax != s->var_off.value ||
		  s->smin != (int64_t)s->var_off.value ||
		  s->smax != (int64_t)s->var_off.value))
		what = "const tnum out of sync with range bounds";
	else if (bv_tnum_subreg_is_const(s->var_off) &&
		 (s->u32_min != (uint32_t)s->var_off.value ||
		  s->u32_max != (uint32_t)s->var_off.value ||
		  s->s32_min != (int32_t)(uint32_t)s->var_off.value ||
		  s->s32_max != (int32_t)(uint32_t)s->var_off.value))
		what = "const subreg tnum out of sync with range bounds";
	else
		return true;
	if (msg && size)
		snprintf(msg, size,
			 "%s u64=[0x%llx, 0x%llx] s64=[0x%llx, 0x%llx] u32=[0x%x, 0x%x] "
			 "s32=[0x%x, 0x%x] var_off=(0x%llx, 0x%llx)",
			 what, (unsigned long long)s->umin, (unsigned long long)s->umax,
			 (unsigned long long)s->smin, (unsigned long long)s->smax,
			 (unsigned)s->u32_min, (unsigned)s->u32_max,
			 (unsigned)s->s32_min, (unsigned)s->s32_max,
			 (unsigned long long)s->var_off.value,
			 (unsigned long long)s->var_off.mask);
	mark_unbounded64(s);
	mark_unbounded32(s);
	return false;
}

/* ---- pruning ------------------------------------------------------------ */

bool bv_scalar_contains(const struct bv_scalar *old, const struct bv_scalar *cur)
{
	return old->umin <= cur->umin && old->umax >= cur->umax &&
	       old->smin <= cur->smin && old->smax >= cur->smax &&
	       old->u32_min <= cur->u32_min && old->u32_max >= cur->u32_max &&
	       old->s32_min <= cur->s32_min && old->s32_max >= cur->s32_max &&
	       bv_tnum_in(old->var_off, cur->var_off);
}

bool bv_scalar_is_unknown(const struct bv_scalar *s)
{
	return bv_tnum_is_unknown(s->var_off) &&
	       s->smin == S64_MIN_ && s->smax == S64_MAX_ &&
	       s->umin == 0 && s->umax == U64_MAX_ &&
	       s->s32_min == S32_MIN_ && s->s32_max == S32_MAX_ &&
	       s->u32_min == 0 && s->u32_max == U32_MAX_;
}

/* ---- log text ------------------------------------------------------------ */

struct out {
	char *buf;
	size_t size;
	int len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	size_t room = (size_t)o->len < o->size ? o->size - (size_t)o->len : 0;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += n;
}

/* Small numbers in decimal, others in hex (the kernel's verbose_snum /
 * verbose_unum: |s| within s16, u within u16). */
static void put_snum(struct out *o, int64_t v)
{
	if (v >= -32768 && v <= 32767)
		put(o, "%lld", (long long)v);
	else
		put(o, "0x%llx", (unsigned long long)v);
}

static void put_unum(struct out *o, uint64_t v)
{
	if (v <= 65535)
		put(o, "%llu", (unsigned long long)v);
	else
		put(o, "0x%llx", (unsigned long long)v);
}

static bool snum_decimal(int64_t v)
{
	return v >= -32768 && v <= 32767;
}

/* Prints each bound that differs from its default, in the order smin,
 * smax, umin, umax, smin32, smax32, umin32, umax32; a later bound of the
 * same kind (min or max) with the same value and sign is merged into the
 * first ("smin=smin32=0"). 32-bit signed bounds printed in hex are not
 * sign-extended. */
int bv_scalar_format(const struct bv_scalar *s, char *buf, size_t size)
{
	struct {
		const char *name;
		uint64_t val;
		bool omit;
	} m[8] = {
		{ "smin", (uint64_t)s->smin, s->smin == S64_MIN_ },
		{ "smax", (uint64_t)s->smax, s->smax == S64_MAX_ },
		{ "umin", s->umin, s->umin == 0 },
		{ "umax", s->umax, s->umax == U64_MAX_ },
		{ "smin32",
		  snum_decimal(s->s32_min) ? (uint64_t)(int64_t)s->s32_min
					   : (uint64_t)(uint32_t)s->s32_min,
		  s->s32_min == S32_MIN_ },
		{ "smax32",
		  snum_decimal(s->s32_max) ? (uint64_t)(int64_t)s->s32_max
					   : (uint64_t)(uint32_t)s->s32_max,
		  s->s32_max == S32_MAX_ },
		{ "umin32", s->u32_min, s->u32_min == 0 },
		{ "umax32", s->u32_max, s->u32_max == U32_MAX_ },
	};
	struct out o = { buf, size, 0 };
	const char *sep = "";
	int i, j;

	if (size)
		buf[0] = '\0';
	if (bv_tnum_is_const(s->var_off)) {
		put_snum(&o, (int64_t)s->var_off.value);
		return o.len;
	}
	put(&o, "scalar(");
	for (i = 0; i < 8; i++) {
		bool neg1;

		if (m[i].omit)
			continue;
		neg1 = m[i].name[0] == 's' && (int64_t)m[i].val < 0;
		put(&o, "%s%s=", sep, m[i].name);
		sep = ",";
		for (j = i + 2; j < 8; j += 2) {
			bool neg2;

			if (m[j].omit || m[j].val != m[i].val)
				continue;
			neg2 = m[j].name[0] == 's' && (int64_t)m[j].val < 0;
			if (neg2 != neg1)
				continue;
			m[j].omit = true;
			put(&o, "%s=", m[j].name);
		}
		if (m[i].name[0] == 's')
			put_snum(&o, (int64_t)m[i].val);
		else
			put_unum(&o, m[i].val);
	}
	if (!bv_tnum_is_unknown(s->var_off)) {
		char t[48];

		bv_tnum_format(s->var_off, t, sizeof(t));
		put(&o, "%svar_off=%s", sep, t);
	}
	put(&o, ")");
	return o.len;
}
