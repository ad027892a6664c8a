/* test_tnum.c — unit tests of the tristate numbers (tnum.c).
 *
 * Part 1: exact results for hand-picked cases (values the Linux 6.18
 * verifier's log shows for the same operations, and the print format).
 * Part 2: randomized checks with a fixed seed: every operation's result
 * contains the concrete result for random members of its inputs; range,
 * intersect, union, in, overlap and step agree with brute force on small
 * masks. The last line printed is "N passed, N failed"; the exit status is
 * non-zero on failure.
 */
#include <stdio.h>
#include <string.h>

#include "tnum.h"

static int passed, failed;

static void check(const char *name, bool ok, const char *detail)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s%s%s\n", name, detail ? ": " : "", detail ? detail : "");
}

static struct bv_tnum T(uint64_t v, uint64_t m)
{
	return (struct bv_tnum){ .value = v, .mask = m };
}

static void expect(const char *name, struct bv_tnum got, uint64_t v, uint64_t m)
{
	char msg[160];

	snprintf(msg, sizeof(msg), "got (%#llx; %#llx), want (%#llx; %#llx)",
		 (unsigned long long)got.value, (unsigned long long)got.mask,
		 (unsigned long long)v, (unsigned long long)m);
	check(name, got.value == v && got.mask == m, msg);
}

static void test_exact(void)
{
	char buf[64];

	expect("range-0-255", bv_tnum_range(0, 255), 0, 0xff);
	expect("range-16-18", bv_tnum_range(16, 18), 0x10, 0x3);
	expect("range-const", bv_tnum_range(42, 42), 42, 0);
	expect("range-all", bv_tnum_range(0, ~(uint64_t)0), 0, ~(uint64_t)0);
	expect("range-top", bv_tnum_range(0x8000000000000000ull, ~(uint64_t)0),
	       0x8000000000000000ull, 0x7fffffffffffffffull);
	expect("and-0xff", bv_tnum_and(BV_TNUM_UNKNOWN, bv_tnum_const(0xff)), 0, 0xff);
	expect("or-1", bv_tnum_or(T(0, 0xff), bv_tnum_const(1)), 1, 0xfe);
	expect("xor", bv_tnum_xor(T(0, 0xf0), bv_tnum_const(~(uint64_t)0)),
	       0xffffffffffffff0full, 0xf0);
	expect("add", bv_tnum_add(T(0, 0xff), bv_tnum_const(1)), 0, 0x1ff);
	expect("add-const", bv_tnum_add(bv_tnum_const(5), bv_tnum_const(7)), 12, 0);
	expect("sub", bv_tnum_sub(bv_tnum_const(0), T(0, 1)), 0, ~(uint64_t)0);
	expect("neg-const", bv_tnum_neg(bv_tnum_const(1)), ~(uint64_t)0, 0);
	expect("lshift", bv_tnum_lshift(T(0, 0xff), 60), 0, 0xf000000000000000ull);
	expect("rshift", bv_tnum_rshift(BV_TNUM_UNKNOWN, 60), 0, 0xf);
	expect("arshift64", bv_tnum_arshift(T(0x8000000000000000ull, 0xff), 4, 64),
	       0xf800000000000000ull, 0xf);
	expect("arshift32", bv_tnum_arshift(T(0x80000000u, 0xff), 4, 32), 0xf8000000u, 0xf);
	expect("arshift-unknown-sign", bv_tnum_arshift(T(0, 0x80000000u), 31, 32),
	       0, 0xffffffffu);
	/* kernel: w6 (0x..ffbf; 0x40) *= 1483605712 -> (0x130; 0xfffffc00) */
	expect("mul-union", bv_tnum_subreg(bv_tnum_mul(T(0xffffffffffffffbfull, 0x40),
						       bv_tnum_const(1483605712))),
	       0x130, 0xfffffc00u);
	expect("mul-const", bv_tnum_mul(bv_tnum_const(6), bv_tnum_const(7)), 42, 0);
	expect("intersect", bv_tnum_intersect(T(0, 0x3c), T(0, 0xf0)), 0, 0x30);
	expect("union", bv_tnum_union(bv_tnum_const(4), bv_tnum_const(6)), 4, 2);
	expect("cast", bv_tnum_cast(T(0x1000007, 0x12345600), 2), 0x7, 0x5600);
	expect("subreg", bv_tnum_subreg(T(0x100000001ull, 0xf00000000ull)), 1, 0);
	expect("clear-subreg", bv_tnum_clear_subreg(T(0x100000001ull, 0xf000000f0ull)),
	       0x100000000ull, 0xf00000000ull);
	expect("with-subreg", bv_tnum_with_subreg(BV_TNUM_UNKNOWN, bv_tnum_const(5)),
	       5, 0xffffffff00000000ull);
	expect("bswap16", bv_tnum_bswap(T(0x1000007, 0x12345600), 16), 0x700, 0x56);
	expect("bswap32", bv_tnum_bswap(T(0x1000007, 0x12345600), 32), 0x7000001, 0x563412);
	expect("bswap64", bv_tnum_bswap(T(0x1000007, 0x12345600), 64),
	       0x700000100000000ull, 0x56341200000000ull);
	check("is-const", bv_tnum_is_const(bv_tnum_const(3)), NULL);
	check("not-const", !bv_tnum_is_const(T(0, 1)), NULL);
	check("unknown", bv_tnum_is_unknown(BV_TNUM_UNKNOWN), NULL);
	check("aligned", bv_tnum_is_aligned(T(8, 0xf0), 8), NULL);
	check("not-aligned", !bv_tnum_is_aligned(T(8, 0xf4), 8), NULL);
	check("in", bv_tnum_in(T(0, 0xff), T(4, 3)), NULL);
	check("not-in", !bv_tnum_in(T(0, 0xf), T(0x10, 0)), NULL);
	check("subreg-const", bv_tnum_subreg_is_const(T(5, 0xffffffff00000000ull)), NULL);
	check("overlap-disjoint", !bv_tnum_overlap(T(0, 0xfffffffffffffff0ull), T(1, 0xfe)), NULL);
	check("overlap-yes", bv_tnum_overlap(T(0, 0xf0), T(0x10, 0x1)), NULL);
	check("step-next", bv_tnum_step(T(0, 0x12), 16) == 18, NULL);
	check("step-from-outside", bv_tnum_step(T(0, 0x13), 4) == 16, NULL);
	check("step-above-max", bv_tnum_step(T(0, 0x12), 100) == 0x12, NULL);
	check("step-below-min", bv_tnum_step(T(0x10, 0x2), 3) == 0x10, NULL);
	bv_tnum_format(T(0, 0xff), buf, sizeof(buf));
	check("format", strcmp(buf, "(0x0; 0xff)") == 0, buf);
	bv_tnum_format(T(0xffffffffffffff80ull, 0x7f), buf, sizeof(buf));
	check("format-neg", strcmp(buf, "(0xffffffffffffff80; 0x7f)") == 0, buf);
}

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static uint64_t rnd_mask(void)
{
	switch (rnd() % 5) {
	case 0: return 0;
	case 1: return rnd() & 0xff;
	case 2: return rnd() & rnd() & rnd();
	case 3: return ~(uint64_t)0 << (rnd() % 64);
	default: return rnd();
	}
}

static struct bv_tnum rnd_tnum(void)
{
	uint64_t m = rnd_mask();

	return T(rnd() & ~m, m);
}

static uint64_t member_of(struct bv_tnum t)
{
	return t.value | (rnd() & t.mask);
}

static bool contains(struct bv_tnum t, uint64_t x)
{
	return (x & ~t.mask) == t.value;
}

static void sound(const char *name, struct bv_tnum r, uint64_t x)
{
	char msg[160];

	if (contains(r, x) && (r.value & r.mask) == 0) {
		passed++;
		return;
	}
	snprintf(msg, sizeof(msg), "%#llx not in (%#llx; %#llx)", (unsigned long long)x,
		 (unsigned long long)r.value, (unsigned long long)r.mask);
	check(name, false, msg);
}

static uint64_t bswap(uint64_t v, int bits)
{
	uint64_t r = 0;
	int i;

	for (i = 0; i < bits / 8; i++)
		r |= ((v >> (8 * i)) & 0xff) << (bits - 8 - 8 * i);
	return r;
}

static void test_random(void)
{
	int i;

	for (i = 0; i < 20000; i++) {
		struct bv_tnum a = rnd_tnum(), b = rnd_tnum();
		uint64_t x = member_of(a), y = member_of(b);
		uint8_t k = (uint8_t)(rnd() % 64), k32 = (uint8_t)(rnd() % 32);
		uint64_t lo = rnd(), hi = rnd(), z;

		sound("add", bv_tnum_add(a, b), x + y);
		sound("sub", bv_tnum_sub(a, b), x - y);
		sound("neg", bv_tnum_neg(a), 0 - x);
		sound("and", bv_tnum_and(a, b), x & y);
		sound("or", bv_tnum_or(a, b), x | y);
		sound("xor", bv_tnum_xor(a, b), x ^ y);
		sound("mul", bv_tnum_mul(a, b), x * y);
		sound("lshift", bv_tnum_lshift(a, k), x << k);
		sound("rshift", bv_tnum_rshift(a, k), x >> k);
		sound("arshift64", bv_tnum_arshift(a, k, 64), (uint64_t)((int64_t)x >> k));
		sound("arshift32", bv_tnum_arshift(a, k32, 32),
		      (uint32_t)((int32_t)(uint32_t)x >> k32));
		{
			uint8_t size = (uint8_t)(1 + rnd() % 8);
			uint64_t keep = size == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * size)) - 1;

			sound("cast", bv_tnum_cast(a, size), x & keep);
		}
		sound("subreg", bv_tnum_subreg(a), (uint32_t)x);
		sound("with-subreg", bv_tnum_with_subreg(a, b), (x & ~0xffffffffull) | (uint32_t)y);
		sound("union-a", bv_tnum_union(a, b), x);
		sound("union-b", bv_tnum_union(a, b), y);
		sound("bswap16", bv_tnum_bswap(a, 16), bswap(x, 16));
		sound("bswap32", bv_tnum_bswap(a, 32), bswap(x, 32));
		sound("bswap64", bv_tnum_bswap(a, 64), bswap(x, 64));
		if (lo > hi) {
			z = lo;
			lo = hi;
			hi = z;
		}
		z = lo + (hi - lo) / ((rnd() % 7) + 1);
		sound("range", bv_tnum_range(lo, hi), z);
		/* a member of both stays in the intersection */
		if (contains(b, x))
			sound("intersect", bv_tnum_intersect(a, b), x);
		check("in-self", bv_tnum_in(a, a), NULL);
		check("in-union", bv_tnum_in(bv_tnum_union(a, b), a), NULL);
		check("overlap-member", !contains(b, x) || bv_tnum_overlap(a, b), NULL);
	}

	/* step and overlap against brute force on small masks */
	for (i = 0; i < 3000; i++) {
		uint64_t m = rnd() & 0x3ff, v = rnd() & 0x3ff & ~m;
		uint64_t m2 = rnd() & 0x3ff, v2 = rnd() & 0x3ff & ~m2;
		struct bv_tnum t = T(v, m), t2 = T(v2, m2);
		uint64_t z = rnd() % 0x500, tmax = v | m, best = tmax, w;
		bool any = false;

		if (z < v) {
			best = v;
		} else if (z < tmax) {
			for (w = z + 1; w <= tmax; w++) {
				if (contains(t, w)) {
					best = w;
					break;
				}
			}
		}
		check("step-brute", bv_tnum_step(t, z) == best, NULL);

		any = false;
		for (w = 0; w < 0x400 && !any; w++)
			any = contains(t, w) && contains(t2, w);
		check("overlap-brute", bv_tnum_overlap(t, t2) == any, NULL);
	}
}

int main(void)
{
	test_exact();
	test_random();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
