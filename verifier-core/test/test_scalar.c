/* test_scalar.c — unit tests of the scalar domain (scalar.c).
 *
 * Part 1: exact results observed on the live Linux 6.18 verifier
 * (log_level 2 register states of small programs, reproduced here step by
 * step: "unknown" is the result of bpf_get_prandom_u32 or of a 64-bit
 * combination of two of them). Part 2: a randomized soundness check with a
 * fixed seed: a concrete value is carried along every abstract value and
 * must stay a member after every operation and refinement, and
 * branch_taken must never contradict a concrete comparison.
 * The last line printed is "N passed, N failed"; the exit status is
 * non-zero on failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpfverify/insn.h"
#include "scalar.h"

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

static void expect(const char *name, const struct bv_scalar *s, const char *want)
{
	char got[256], msg[600];

	bv_scalar_format(s, got, sizeof(got));
	snprintf(msg, sizeof(msg), "got %s, want %s", got, want);
	check(name, strcmp(got, want) == 0 && bv_scalar_valid(s), msg);
}

static void expect_int(const char *name, int got, int want)
{
	char msg[64];

	snprintf(msg, sizeof(msg), "got %d, want %d", got, want);
	check(name, got == want, msg);
}

/* ---- building blocks mirroring instructions ---- */

static struct bv_scalar unk(void)
{
	struct bv_scalar s;

	bv_scalar_unknown(&s);
	return s;
}

static struct bv_scalar k64(uint64_t v)
{
	struct bv_scalar s;

	bv_scalar_const(&s, v);
	return s;
}

/* dst OP= imm (the immediate sign-extended, as the kernel's fake reg). */
static void alu_k(struct bv_scalar *d, uint8_t op, int32_t imm, bool alu32)
{
	struct bv_scalar src = k64((uint64_t)(int64_t)imm);

	bv_scalar_alu(d, &src, op, alu32, false);
}

static void alu_x(struct bv_scalar *d, uint8_t op, uint64_t v, bool alu32)
{
	struct bv_scalar src = k64(v);

	bv_scalar_alu(d, &src, op, alu32, false);
}

/* The two edges of `if a OP k`: returns the taken-edge state in *t and
 * the fall-through state in *f. */
static void branch_k(const struct bv_scalar *a, uint8_t op, uint64_t k, bool jmp32,
		     struct bv_scalar *t, struct bv_scalar *f)
{
	struct bv_scalar kt = k64(k), kf = k64(k);

	*t = *a;
	*f = *a;
	bv_scalar_refine(t, &kt, op, jmp32);
	bv_scalar_refine(f, &kf, bv_jmp_negate(op), jmp32);
}

/* unknown 64-bit value as built by two prandom calls: (r << 32) | r6 */
static struct bv_scalar rand64(void)
{
	struct bv_scalar hi = unk(), lo = unk();

	alu_k(&hi, BV_LSH, 32, false);
	bv_scalar_alu(&hi, &lo, BV_OR, false, false);
	return hi;
}

static void test_kernel_cases(void)
{
	struct bv_scalar a, b, t, f, c;

	/* r0 &= 0xff */
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	expect("and-0xff", &a,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))");
	b = a;
	bv_scalar_neg(&b, false);
	expect("neg64", &b, "scalar(smin=smin32=-255,smax=smax32=0)");
	b = a;
	bv_scalar_neg(&b, true);
	expect("neg32", &b,
	       "scalar(smin=0,smax=umax=0xffffffff,smin32=-255,smax32=0,var_off=(0x0; 0xffffffff))");
	b = a;
	alu_k(&b, BV_DIV, 3, false);
	expect("div-unknown", &b, "scalar()");
	b = a;
	alu_k(&b, BV_MOD, 3, false);
	expect("mod-unknown", &b, "scalar()");

	/* r0 <<= 32 on an unknown */
	a = unk();
	alu_k(&a, BV_LSH, 32, false);
	expect("lsh32-unknown", &a,
	       "scalar(smax=0x7fffffff00000000,umax=0xffffffff00000000,smin32=0,smax32=umax32=0,var_off=(0x0; 0xffffffff00000000))");
	a = rand64();
	expect("rand64", &a, "scalar()");

	/* unsigned add where both ends wrap keeps the range */
	branch_k(&a, BV_JLT, 0x7ffffffffffffff0ull, false, &t, &f);
	expect("jlt-fall", &f, "scalar(umin=0x7ffffffffffffff0)");
	branch_k(&f, BV_JGT, 0x8000000000000010ull, false, &t, &f);
	expect("jgt-fall", &f,
	       "scalar(umin=0x7ffffffffffffff0,umax=0x8000000000000010,smin32=-16,smax32=16)");
	expect("jgt-taken", &t,
	       "scalar(smin=0x8000000000000011,smax=-1,umin=0x8000000000000011,var_off=(0x8000000000000000; 0x7fffffffffffffff))");
	alu_x(&f, BV_ADD, 0x8000000000000010ull, false);
	expect("add-both-wrap", &f,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=32,var_off=(0x0; 0x3f))");

	/* signed range crossing 0 meets a u64 range on one side */
	a = rand64();
	branch_k(&a, BV_JSGT, 100, false, &t, &f);
	expect("jsgt-fall", &f, "scalar(smax=100)");
	expect("jsgt-taken", &t,
	       "scalar(smin=umin=101,umax=0x7fffffffffffffff,var_off=(0x0; 0x7fffffffffffffff))");
	branch_k(&f, BV_JSLT, (uint64_t)-100, false, &t, &f);
	expect("jslt-fall", &f, "scalar(smin=smin32=-100,smax=smax32=100)");
	expect("jslt-taken", &t,
	       "scalar(smax=-101,umin=0x8000000000000000,umax=0xffffffffffffff9b,var_off=(0x8000000000000000; 0x7fffffffffffffff))");
	branch_k(&f, BV_JGT, 0x8000000000000005ull, false, &t, &f);
	expect("signcross-fall", &f,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=100,var_off=(0x0; 0x7f))");
	expect("signcross-taken", &t,
	       "scalar(smin=smin32=-100,smax=smax32=-1,umin=0xffffffffffffff9c,umin32=0xffffff9c,var_off=(0xffffffffffffff80; 0x7f))");

	/* signed multiply by a negative constant */
	a = unk();
	alu_k(&a, BV_AND, 0xf, false);
	alu_k(&a, BV_SUB, 8, false);
	expect("sub-neg", &a, "scalar(smin=smin32=-8,smax=smax32=7)");
	alu_k(&a, BV_MUL, -3, false);
	expect("mul-neg", &a, "scalar(smin=smin32=-21,smax=smax32=24)");

	/* older verifiers (6.1): `w0 <= 1` after `r0 s>>= 32` forgets the
	 * 64-bit bounds (cgroup_skb_ret_checked_in_32bit) */
	{
		struct bv_scalar one = k64(1), old, cur;
		char got[256];

		a = unk();
		alu_k(&a, BV_LSH, 32, false);
		alu_k(&a, BV_ARSH, 32, false);
		old = a;
		cur = a;
		bv_scalar_refine_ex(&old, &one, BV_JLE, true, BV_SCALAR_JMP32_FORGETS_64);
		bv_scalar_format(&old, got, sizeof(got));
		check("jmp32-forgets-64", strstr(got, "var_off=(0x0; 0xffffffff00000001)") &&
		      !strstr(got, "smin="), got);
		bv_scalar_refine_ex(&cur, &one, BV_JLE, true, 0);
		expect("jmp32-keeps-64", &cur,
		       "scalar(smin=smin32=0,smax=umax=smax32=umax32=1,var_off=(0x0; 0x1))");
	}

	/* older verifiers (6.1, 6.12): no bounds through a negative factor
	 * (mul_signed_range: [-4, 3] * 3 is unknown there) */
	{
		struct bv_scalar three = k64(3);

		a = unk();
		alu_k(&a, BV_AND, 7, false);
		alu_k(&a, BV_ADD, -4, false);
		bv_scalar_alu_ex(&a, &three, BV_MUL, false, false, BV_SCALAR_MUL_UNSIGNED_ONLY);
		expect("mul-neg-old", &a, "scalar()");
		a = unk();
		alu_k(&a, BV_AND, 7, false);
		bv_scalar_alu_ex(&a, &three, BV_MUL, false, false, BV_SCALAR_MUL_UNSIGNED_ONLY);
		expect("mul-pos-old", &a,
		       "scalar(smin=smin32=0,smax=umax=smax32=umax32=21,var_off=(0x0; 0x1f))");
	}

	/* byte swaps: r0 = rand64 & 0x12345600 | 0x1000007 */
	a = rand64();
	alu_x(&a, BV_AND, 0x12345600, false);
	alu_k(&a, BV_OR, 0x1000007, false);
	expect("end-input", &a,
	       "scalar(smin=umin=smin32=umin32=0x1000007,smax=umax=smax32=umax32=0x13345607,var_off=(0x1000007; 0x12345600))");
	b = a;
	bv_scalar_end(&b, 16, false, false);
	expect("le16", &b,
	       "scalar(smin=umin=smin32=umin32=7,smax=umax=smax32=umax32=22023,var_off=(0x7; 0x5600))");
	b = a;
	bv_scalar_end(&b, 32, false, false);
	expect("le32", &b,
	       "scalar(smin=umin=smin32=umin32=0x1000007,smax=umax=smax32=umax32=0x13345607,var_off=(0x1000007; 0x12345600))");
	b = a;
	bv_scalar_end(&b, 64, false, false);
	expect("le64", &b,
	       "scalar(smin=umin=smin32=umin32=0x1000007,smax=umax=smax32=umax32=0x13345607,var_off=(0x1000007; 0x12345600))");
	b = a;
	bv_scalar_end(&b, 16, true, false);
	expect("be16", &b,
	       "scalar(smin=umin=smin32=umin32=1792,smax=umax=smax32=umax32=1878,var_off=(0x700; 0x56))");
	b = a;
	bv_scalar_end(&b, 16, false, true);
	expect("bswap16", &b,
	       "scalar(smin=umin=smin32=umin32=1792,smax=umax=smax32=umax32=1878,var_off=(0x700; 0x56))");
	b = a;
	bv_scalar_end(&b, 32, true, false);
	expect("be32", &b,
	       "scalar(smin=umin=smin32=umin32=0x7000001,smax=umax=smax32=umax32=0x7563413,var_off=(0x7000001; 0x563412))");
	b = a;
	bv_scalar_end(&b, 64, true, false);
	expect("be64", &b,
	       "scalar(smin=umin=0x700000100000000,smax=umax=0x756341300000000,smin32=0,smax32=umax32=0,var_off=(0x700000100000000; 0x56341200000000))");
	b = k64(0x1234);
	bv_scalar_end(&b, 16, false, true);
	expect("bswap16-const", &b, "13330");

	/* the u64 range and the tnum share a single member */
	a = unk();
	alu_k(&a, BV_AND, 0x12, false);
	branch_k(&a, BV_JGT, 0x10, false, &t, &f);
	expect("single-fall", &f,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=16,var_off=(0x0; 0x12))");
	expect("single-tmax", &t, "18");
	branch_k(&a, BV_JLT, 0x10, false, &t, &f);
	expect("single-jlt-fall", &f,
	       "scalar(smin=umin=smin32=umin32=16,smax=umax=smax32=umax32=18,var_off=(0x10; 0x2))");
	branch_k(&f, BV_JGT, 0x11, false, &t, &f);
	expect("single-umin", &f, "16");
	a = unk();
	alu_k(&a, BV_AND, 0x13, false);
	branch_k(&a, BV_JLT, 4, false, &t, &f);
	expect("single-c-input", &f,
	       "scalar(smin=umin=smin32=umin32=4,smax=umax=smax32=umax32=19,var_off=(0x0; 0x13))");
	branch_k(&f, BV_JGT, 16, false, &t, &f);
	expect("single-next", &f, "16");
	expect("single-next-taken", &t,
	       "scalar(smin=umin=smin32=umin32=17,smax=umax=smax32=umax32=19,var_off=(0x10; 0x3))");

	/* 32-bit refinement with unknown upper half */
	a = rand64();
	alu_x(&a, BV_AND, 0xffffffff00000012ull, false);
	expect("and-hi", &a,
	       "scalar(smax=0x7fffffff00000012,umax=0xffffffff00000012,smin32=0,smax32=umax32=18,var_off=(0x0; 0xffffffff00000012))");
	branch_k(&a, BV_JLT, 0x10, true, &t, &f);
	expect("w-jlt-fall", &f,
	       "scalar(smin=0x8000000000000010,smax=0x7fffffff00000012,umin=smin32=umin32=16,umax=0xffffffff00000012,smax32=umax32=18,var_off=(0x10; 0xffffffff00000002))");
	expect("w-jlt-taken", &t,
	       "scalar(smax=0x7fffffff00000002,umax=0xffffffff00000002,smin32=0,smax32=umax32=2,var_off=(0x0; 0xffffffff00000002))");
	branch_k(&f, BV_JGT, 0x11, true, &t, &f);
	expect("w-jgt-fall", &f,
	       "scalar(smin=0x8000000000000010,smax=0x7fffffff00000010,umin=smin32=umin32=16,umax=0xffffffff00000010,smax32=umax32=16,var_off=(0x10; 0xffffffff00000000))");
	expect("w-jgt-taken", &t,
	       "scalar(smin=0x8000000000000012,smax=0x7fffffff00000012,umin=smin32=umin32=18,umax=0xffffffff00000012,smax32=umax32=18,var_off=(0x12; 0xffffffff00000000))");

	/* movsx */
	a = unk();
	alu_k(&a, BV_AND, 0x1ff, false);
	bv_scalar_movsx(&b, &a, 8, false);
	expect("movsx8-64", &b, "scalar(smin=smin32=-128,smax=smax32=127)");
	bv_scalar_movsx(&b, &a, 8, true);
	expect("movsx8-32", &b,
	       "scalar(smin=0,smax=umax=0xffffffff,smin32=-128,smax32=127,var_off=(0x0; 0xffffffff))");
	bv_scalar_movsx(&b, &a, 32, false);
	expect("movsx32-64", &b,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=511,var_off=(0x0; 0x1ff))");
	a = unk();
	alu_k(&a, BV_AND, 0x7f, false);
	alu_k(&a, BV_ADD, 0x80, false);
	expect("add-0x80", &a,
	       "scalar(smin=umin=smin32=umin32=128,smax=umax=smax32=umax32=255,var_off=(0x80; 0x7f))");
	bv_scalar_movsx(&b, &a, 8, false);
	expect("movsx8-neg", &b,
	       "scalar(smin=smin32=-128,smax=smax32=-1,umin=0xffffffffffffff80,umin32=0xffffff80,var_off=(0xffffffffffffff80; 0x7f))");
	bv_scalar_movsx(&b, &a, 8, true);
	expect("movsx8-32-neg", &b,
	       "scalar(smin=umin=umin32=0xffffff80,smax=umax=0xffffffff,smin32=-128,smax32=-1,var_off=(0xffffff80; 0x7f))");
	bv_scalar_movsx(&b, &a, 16, true);
	expect("movsx16-32-pos", &b,
	       "scalar(smin=umin=smin32=umin32=128,smax=umax=smax32=umax32=255,var_off=(0x80; 0x7f))");

	/* JSET, JNE, JGT, JSLT32, JEQ with two variables */
	a = unk();
	branch_k(&a, BV_JSET, 4, false, &t, &f);
	expect("jset-fall", &f,
	       "scalar(smax=0x7ffffffffffffffb,umax=0xfffffffffffffffb,smax32=0x7ffffffb,umax32=0xfffffffb,var_off=(0x0; 0xfffffffffffffffb))");
	expect("jset-taken", &t,
	       "scalar(smin=0x8000000000000004,umin=umin32=4,smin32=0x80000004,var_off=(0x4; 0xfffffffffffffffb))");
	branch_k(&a, BV_JSET, 6, false, &t, &f);
	expect("jset2-fall", &f,
	       "scalar(smax=0x7ffffffffffffff9,umax=0xfffffffffffffff9,smax32=0x7ffffff9,umax32=0xfffffff9,var_off=(0x0; 0xfffffffffffffff9))");
	expect("jset2-taken", &t, "scalar()");
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	branch_k(&a, BV_JNE, 0, false, &t, &f);
	expect("jne-fall", &f, "0");
	expect("jne-taken", &t,
	       "scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))");
	a = unk();
	branch_k(&a, BV_JGT, 10, false, &t, &f);
	expect("jgt10-fall", &f,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=10,var_off=(0x0; 0xf))");
	expect("jgt10-taken", &t, "scalar(umin=11)");
	a = unk();
	branch_k(&a, BV_JSLT, (uint64_t)(int64_t)-5, true, &t, &f);
	expect("jslt32-fall", &f, "scalar(smin32=-5)");
	expect("jslt32-taken", &t,
	       "scalar(smin=0x8000000080000000,smax=0x7ffffffffffffffa,umin=umin32=0x80000000,umax=0xfffffffffffffffa,smax32=-6,umax32=0xfffffffa,var_off=(0x80000000; 0xffffffff7fffffff))");
	a = unk();
	b = unk();
	alu_k(&b, BV_AND, 0xf0, false);
	alu_k(&a, BV_AND, 0x3c, false);
	t = a;
	c = b;
	bv_scalar_refine(&t, &c, BV_JEQ, false);
	expect("jeq-x-a", &t, "scalar(smin=smin32=0,smax=umax=smax32=umax32=48,var_off=(0x0; 0x30))");
	expect("jeq-x-b", &c, "scalar(smin=smin32=0,smax=umax=smax32=umax32=48,var_off=(0x0; 0x30))");
	/* known bits disagree: JEQ decided although the ranges overlap */
	a = unk();
	alu_k(&a, BV_AND, -16, false);
	expect("and-neg16", &a,
	       "scalar(smax=0x7ffffffffffffff0,umax=0xfffffffffffffff0,smax32=0x7ffffff0,umax32=0xfffffff0,var_off=(0x0; 0xfffffffffffffff0))");
	b = unk();
	alu_k(&b, BV_AND, 0xff, false);
	alu_k(&b, BV_OR, 1, false);
	expect("or-1", &b,
	       "scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=255,var_off=(0x1; 0xfe))");
	expect_int("jeq-tnum-disjoint", bv_scalar_branch_taken(&a, &b, BV_JEQ, false), 0);
	expect_int("jne-tnum-disjoint", bv_scalar_branch_taken(&a, &b, BV_JNE, false), 1);
	expect_int("jgt-undecided", bv_scalar_branch_taken(&a, &b, BV_JGT, false), -1);

	/* shifts */
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	alu_k(&a, BV_SUB, 100, false);
	expect("sub100", &a, "scalar(smin=smin32=-100,smax=smax32=155)");
	alu_k(&a, BV_ARSH, 3, false);
	expect("arsh64-neg", &a, "scalar(smin=smin32=-13,smax=smax32=19)");
	alu_k(&a, BV_ARSH, 2, true);
	expect("arsh32-neg", &a,
	       "scalar(smin=0,smax=umax=0xffffffff,smin32=-4,smax32=4,var_off=(0x0; 0xffffffff))");
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	b = a;
	alu_k(&b, BV_LSH, 60, false);
	expect("lsh60", &b,
	       "scalar(smax=0x7000000000000000,umax=0xf000000000000000,smin32=0,smax32=umax32=0,var_off=(0x0; 0xf000000000000000))");
	b = a;
	alu_k(&b, BV_LSH, 28, true);
	expect("lsh28-32", &b,
	       "scalar(smin=0,smax=umax=umax32=0xf0000000,smax32=0x70000000,var_off=(0x0; 0xf0000000))");
	b = a;
	alu_k(&b, BV_LSH, 32, false);
	alu_k(&b, BV_ARSH, 32, false);
	expect("lsh32-arsh32", &b,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))");
	a = rand64();
	b = a;
	alu_k(&b, BV_RSH, 60, false);
	expect("rsh60", &b, "scalar(smin=smin32=0,smax=umax=smax32=umax32=15,var_off=(0x0; 0xf))");
	b = a;
	alu_k(&b, BV_RSH, 28, true);
	expect("rsh28-32", &b, "scalar(smin=smin32=0,smax=umax=smax32=umax32=15,var_off=(0x0; 0xf))");
	b = a;
	alu_k(&b, BV_LSH, 64, false);
	expect("lsh64-unknown", &b, "scalar()");

	/* xor, 32-bit overflow, 32-bit sub */
	a = unk();
	alu_k(&a, BV_AND, 0xf0, false);
	alu_k(&a, BV_XOR, -1, false);
	expect("xor-1", &a,
	       "scalar(smin=smin32=-241,smax=smax32=-1,umin=0xffffffffffffff0f,umin32=0xffffff0f,var_off=(0xffffffffffffff0f; 0xf0))");
	alu_k(&a, BV_XOR, 3, true);
	expect("xor32", &a,
	       "scalar(smin=umin=umin32=0xffffff0c,smax=umax=umax32=0xfffffffc,smin32=-244,smax32=-4,var_off=(0xffffff0c; 0xf0))");
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	alu_k(&a, BV_ADD, 0x7fffff80, true);
	expect("add32-s-overflow", &a,
	       "scalar(smin=umin=umin32=0x7fffff80,smax=umax=umax32=0x8000007f,var_off=(0x0; 0xffffffff))");
	alu_k(&a, BV_ADD, -0x7fffff80, true);
	expect("add32-both-wrap", &a,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))");
	a = unk();
	alu_k(&a, BV_AND, 0xf, false);
	alu_k(&a, BV_SUB, 8, true);
	expect("sub32", &a,
	       "scalar(smin=0,smax=umax=0xffffffff,smin32=-8,smax32=7,var_off=(0x0; 0xffffffff))");

	/* JSET fall-through keeps only the tnum (observed on 6.18) */
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	branch_k(&a, BV_JGT, 100, false, &t, &f);
	branch_k(&f, BV_JSET, 4, false, &t, &c);
	expect("jset-fall-resets", &c,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=123,var_off=(0x0; 0x7b))");
	expect("jset-taken-keeps", &t,
	       "scalar(smin=umin=smin32=umin32=4,smax=umax=smax32=umax32=100,var_off=(0x4; 0x7b))");
	b = k64(0x80);
	expect_int("jset-never", bv_scalar_branch_taken(&f, &b, BV_JSET, false), 0);
	a = unk();
	alu_k(&a, BV_AND, 0xff, false);
	alu_k(&a, BV_SUB, 100, false);
	branch_k(&a, BV_JSET, 1, false, &t, &f);
	expect("jset-signed-fall", &f,
	       "scalar(smax=0x7ffffffffffffffe,umax=0xfffffffffffffffe,smax32=0x7ffffffe,umax32=0xfffffffe,var_off=(0x0; 0xfffffffffffffffe))");
	expect("jset-signed-taken", &t,
	       "scalar(smin=smin32=-100,smax=smax32=155,umin=umin32=1,var_off=(0x1; 0xfffffffffffffffe))");

	/* the path splits before AND/OR of a constant when s32 is [-1, 0] */
	a = unk();
	alu_k(&a, BV_ARSH, 63, false);
	expect("arsh63", &a, "scalar(smin=smin32=-1,smax=smax32=0)");
	b = k64(5);
	check("splits-and", bv_scalar_alu_splits(&a, &b, BV_AND), NULL);
	check("splits-or", bv_scalar_alu_splits(&a, &b, BV_OR), NULL);
	check("no-split-xor", !bv_scalar_alu_splits(&a, &b, BV_XOR), NULL);
	check("no-split-mul", !bv_scalar_alu_splits(&a, &b, BV_MUL), NULL);
	c = unk();
	check("no-split-var-src", !bv_scalar_alu_splits(&a, &c, BV_OR), NULL);
	t = a;
	bv_scalar_set_subreg_const(&t, 0xffffffffu);
	expect("split-minus1", &t, "-1");
	f = a;
	bv_scalar_set_subreg_const(&f, 0);
	expect("split-zero", &f, "0");
	alu_k(&t, BV_OR, 0, true);
	expect("split-or32", &t, "0xffffffff");
	a = unk();
	alu_k(&a, BV_AND, 1, false);
	alu_k(&a, BV_SUB, 1, false);
	bv_scalar_zext32(&a);
	expect("zext-minus1-0", &a,
	       "scalar(smin=0,smax=umax=0xffffffff,smin32=-1,smax32=0,var_off=(0x0; 0xffffffff))");
	check("splits-s32-only", bv_scalar_alu_splits(&a, &b, BV_OR), NULL);
	bv_scalar_set_subreg_const(&a, 0xffffffffu);
	alu_k(&a, BV_OR, 4, false);
	expect("split-s32-or64", &a, "0xffffffff");

	/* s32 crossing the sign boundary meets a u32 range on one side */
	a = unk();
	alu_k(&a, BV_RSH, 17, true);
	bv_scalar_neg(&a, true);
	expect("neg32-range", &a,
	       "scalar(smin=0,smax=umax=0xffffffff,smin32=-32767,smax32=0,var_off=(0x0; 0xffffffff))");
	b = unk();
	bv_scalar_refine(&a, &b, BV_JGT, true);
	expect("s32-cross-refine", &a,
	       "scalar(smin=umin=umin32=0xffff8001,smax=umax=0xffffffff,smin32=-32767,smax32=-1,var_off=(0xffff8000; 0x7fff))");

	/* <<32 keeps a negative s32 range (a fuzzed program, kernel log) */
	a = unk();
	branch_k(&a, BV_JLE, (uint64_t)(int64_t)(int32_t)0xad3958c0u, true, &t, &f);
	expect("w-jle-fall", &f,
	       "scalar(smin=0x80000000ad3958c1,umin=smin32=umin32=0xad3958c1,smax32=-1,var_off=(0x80000000; 0xffffffff7fffffff))");
	alu_k(&f, BV_ARSH, 10, false);
	expect("arsh10", &f,
	       "scalar(smin=0xffe00000002b4e56,smax=0x1fffffffffffff,umin=umin32=0x200000,smin32=0x80200000,var_off=(0x200000; 0xffffffffffdfffff))");
	branch_k(&f, BV_JLE, (uint64_t)-7222, false, &t, &f);
	expect("jle-fall", &f,
	       "scalar(smin=smin32=-7221,smax=smax32=-1,umin=0xffffffffffffe3cb,umin32=0xffffe3cb,var_off=(0xffffffffffffe000; 0x1fff))");
	alu_k(&f, BV_LSH, 32, false);
	expect("lsh32-neg", &f,
	       "scalar(smin=0xffffe3cb00000000,smax=0xffffffff00000000,umin=0xffffe3cb00000000,umax=0xffffffff00000000,smin32=0,smax32=umax32=0,var_off=(0xffffe00000000000; 0x1fff00000000))");

	/* multiplication: the tnum is multiplied dst by src (union form) */
	a = unk();
	alu_k(&a, BV_OR, -1970594373, true);
	alu_k(&a, BV_OR, -92, false);
	expect("mul-input", &a,
	       "scalar(smin=smin32=-65,smax=smax32=-1,umin=0xffffffffffffffbf,umin32=0xffffffbf,var_off=(0xffffffffffffffbf; 0x40))");
	alu_k(&a, BV_MUL, 1483605712, true);
	expect("mul32-tnum", &a,
	       "scalar(smin=umin=umin32=304,smax=umax=umax32=0xfffffd30,smin32=0x80000130,smax32=0x7ffffd30,var_off=(0x130; 0xfffffc00))");

	/* an impossible edge: 6.18 reports an invariant violation and drops
	 * the bounds (fuzzed program, kernel log) */
	a = (struct bv_scalar){ .var_off = { 0, 0x10fffffffull },
				.smin = 0x7db6ede2, .smax = 0x1087481ed,
				.umin = 0x7db6ede2, .umax = 0x1087481ed,
				.s32_min = 0, .s32_max = 0x87481ed,
				.u32_min = 0, .u32_max = 0x87481ed };
	expect("inv-r6", &a,
	       "scalar(smin=umin=0x7db6ede2,smax=umax=0x1087481ed,smin32=0,smax32=umax32=0x87481ed,var_off=(0x0; 0x10fffffff))");
	b = (struct bv_scalar){ .var_off = { 0, 0xfffffff8u },
				.smin = 0, .smax = 0x8aff41fd, .umin = 0, .umax = 0x8aff41fd,
				.s32_min = -2147483647 - 1, .s32_max = 0x7ffffff8,
				.u32_min = 0, .u32_max = 0x8aff41fd };
	expect("inv-r7", &b,
	       "scalar(smin=0,smax=umax=umax32=0x8aff41fd,smax32=0x7ffffff8,var_off=(0x0; 0xfffffff8))");
	bv_scalar_refine(&b, &a, BV_JGE, false);
	{
		char msg[300];

		check("inv-r7-ok", bv_scalar_check_invariants(&b, msg, sizeof(msg)), NULL);
		check("inv-r6-bad", !bv_scalar_check_invariants(&a, msg, sizeof(msg)), NULL);
		check("inv-msg", strcmp(msg, "range bounds violation u64=[0x0, 0x87481ed] "
				    "s64=[0x0, 0x87481ed] u32=[0x7db6ede2, 0x87481ed] "
				    "s32=[0x0, 0x87481ed] var_off=(0x0, 0xfffffff)") == 0, msg);
	}
	{
		char got[256];

		bv_scalar_format(&a, got, sizeof(got));
		check("inv-reset", strcmp(got, "scalar(var_off=(0x0; 0xfffffff))") == 0, got);
	}
	expect("inv-r7-refined", &b,
	       "scalar(smin=umin=umin32=0x7db6ede2,smax=umax=umax32=0x8aff41fd,smax32=0x7ffffff8,var_off=(0x0; 0xfffffff8))");

	/* loads from unknown memory */
	bv_scalar_load(&a, 4, false);
	expect("load-u32", &a, "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))");
	bv_scalar_load(&a, 1, true);
	expect("load-s8", &a, "scalar(smin=smin32=-128,smax=smax32=127)");
	bv_scalar_load(&a, 1, false);
	expect("load-u8", &a,
	       "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))");
	bv_scalar_load(&a, 8, false);
	expect("load-u64", &a, "scalar()");

	/* constants print as signed decimal within s16, else hex */
	a = k64(0);
	expect("const-0", &a, "0");
	a = k64((uint64_t)-1);
	expect("const-minus1", &a, "-1");
	a = k64(0xffff);
	expect("const-0xffff", &a, "0xffff");
	a = k64(0x7fffffffffffffffull);
	expect("const-max", &a, "0x7fffffffffffffff");
	a = k64(0x8000000000000010ull);
	expect("const-big", &a, "0x8000000000000010");

	/* pruning helpers */
	a = unk();
	check("unknown-is-unknown", bv_scalar_is_unknown(&a), NULL);
	b = unk();
	alu_k(&b, BV_AND, 0xff, false);
	check("unknown-not-after-and", !bv_scalar_is_unknown(&b), NULL);
	check("contains-unknown-range", bv_scalar_contains(&a, &b), NULL);
	check("range-not-contains-unknown", !bv_scalar_contains(&b, &a), NULL);
	c = unk();
	alu_k(&c, BV_AND, 0xf, false);
	check("contains-sub", bv_scalar_contains(&b, &c), NULL);
	alu_k(&c, BV_OR, 0x100, false);
	check("not-contains-outside", !bv_scalar_contains(&b, &c), NULL);
	a = k64(5);
	b = k64(5);
	check("contains-const", bv_scalar_contains(&a, &b), NULL);
	expect_int("negate-jset", bv_jmp_negate(BV_JSET), BV_JSET_NOT);
	expect_int("negate-jgt", bv_jmp_negate(BV_JGT), BV_JLE);
	expect_int("flip-jge", bv_jmp_flip(BV_JGE), BV_JLE);
}

/* ---- randomized soundness ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Values with a bias towards the interesting edges. */
static uint64_t rnd_value(void)
{
	static const uint64_t edges[] = {
		0, 1, 2, 3, 7, 8, 0xff, 0x100, 0x7fff, 0xffff, 0x7fffffff,
		0x80000000, 0xffffffff, 0x100000000ull, 0x7fffffffffffffffull,
		0x8000000000000000ull, 0xfffffffffffffffeull, 0xffffffffffffffffull,
		0xffffffff80000000ull, 0xffffffff00000000ull,
	};
	uint64_t r = rnd();

	switch (r % 6) {
	case 0:
		return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
	case 1:
		return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))] + (rnd() % 5) - 2;
	case 2:
		return rnd() % 64;
	case 3:
		return (uint64_t)(int64_t)(int8_t)rnd();
	case 4:
		return rnd() & (rnd() | rnd() << 40);
	default:
		return rnd();
	}
}

static bool member(const struct bv_scalar *s, uint64_t x)
{
	uint32_t x32 = (uint32_t)x;

	return (x & ~s->var_off.mask) == s->var_off.value &&
	       x >= s->umin && x <= s->umax &&
	       (int64_t)x >= s->smin && (int64_t)x <= s->smax &&
	       x32 >= s->u32_min && x32 <= s->u32_max &&
	       (int32_t)x32 >= s->s32_min && (int32_t)x32 <= s->s32_max;
}

static uint64_t bswap_n(uint64_t v, int bits)
{
	uint64_t r = 0;
	int i;

	for (i = 0; i < bits / 8; i++)
		r |= ((v >> (8 * i)) & 0xff) << (bits - 8 - 8 * i);
	return r;
}

static int64_t sx(uint64_t v, int bits)
{
	if (bits == 8)
		return (int8_t)(uint8_t)v;
	if (bits == 16)
		return (int16_t)(uint16_t)v;
	return (int32_t)(uint32_t)v;
}

/* Concrete BPF semantics of dst OP src. */
static uint64_t concrete_alu(uint64_t d, uint64_t s, uint8_t op, bool alu32, bool sgn)
{
	if (alu32) {
		uint32_t a = (uint32_t)d, b = (uint32_t)s, r = 0;

		switch (op) {
		case BV_ADD: r = a + b; break;
		case BV_SUB: r = a - b; break;
		case BV_MUL: r = a * b; break;
		case BV_OR: r = a | b; break;
		case BV_AND: r = a & b; break;
		case BV_XOR: r = a ^ b; break;
		case BV_LSH: r = a << (b & 31); break;
		case BV_RSH: r = a >> (b & 31); break;
		case BV_ARSH: r = (uint32_t)((int32_t)a >> (b & 31)); break;
		case BV_DIV:
			if (!b)
				r = 0;
			else if (sgn && !((int32_t)a == INT32_MIN && (int32_t)b == -1))
				r = (uint32_t)((int32_t)a / (int32_t)b);
			else
				r = sgn ? a : a / b;
			break;
		case BV_MOD:
			if (!b)
				r = a;
			else if (sgn)
				r = (int32_t)b == -1 ? 0 : (uint32_t)((int32_t)a % (int32_t)b);
			else
				r = a % b;
			break;
		}
		return r;
	}
	switch (op) {
	case BV_ADD: return d + s;
	case BV_SUB: return d - s;
	case BV_MUL: return d * s;
	case BV_OR: return d | s;
	case BV_AND: return d & s;
	case BV_XOR: return d ^ s;
	case BV_LSH: return d << (s & 63);
	case BV_RSH: return d >> (s & 63);
	case BV_ARSH: return (uint64_t)((int64_t)d >> (s & 63));
	case BV_DIV:
		if (!s)
			return 0;
		if (sgn)
			return (int64_t)s == -1 ? 0 - d : (uint64_t)((int64_t)d / (int64_t)s);
		return d / s;
	case BV_MOD:
		if (!s)
			return d;
		if (sgn)
			return (int64_t)s == -1 ? 0 : (uint64_t)((int64_t)d % (int64_t)s);
		return d % s;
	}
	return 0;
}

static bool concrete_cmp(uint64_t a, uint64_t b, uint8_t op, bool jmp32)
{
	if (jmp32) {
		a = (uint32_t)a;
		b = (uint32_t)b;
	}
	int64_t sa = jmp32 ? (int32_t)(uint32_t)a : (int64_t)a;
	int64_t sb = jmp32 ? (int32_t)(uint32_t)b : (int64_t)b;

	switch (op) {
	case BV_JEQ: return a == b;
	case BV_JNE: return a != b;
	case BV_JGT: return a > b;
	case BV_JGE: return a >= b;
	case BV_JLT: return a < b;
	case BV_JLE: return a <= b;
	case BV_JSGT: return sa > sb;
	case BV_JSGE: return sa >= sb;
	case BV_JSLT: return sa < sb;
	case BV_JSLE: return sa <= sb;
	case BV_JSET: return (a & b) != 0;
	case BV_JSET_NOT: return (a & b) == 0;
	}
	return false;
}

static const uint8_t alu_ops[] = { BV_ADD, BV_SUB, BV_MUL, BV_DIV, BV_OR, BV_AND,
				   BV_LSH, BV_RSH, BV_MOD, BV_XOR, BV_ARSH };
static const uint8_t jmp_ops[] = { BV_JEQ, BV_JNE, BV_JGT, BV_JGE, BV_JLT, BV_JLE,
				   BV_JSGT, BV_JSGE, BV_JSLT, BV_JSLE, BV_JSET };

/* A tracked value: an abstract scalar and one concrete member. */
struct tv {
	struct bv_scalar a;
	uint64_t x;
};

static int fails_reported;

static void soundness_fail(const char *what, const struct bv_scalar *s, uint64_t x)
{
	char buf[256], msg[400];

	bv_scalar_format(s, buf, sizeof(buf));
	snprintf(msg, sizeof(msg), "x=%#llx not in %s", (unsigned long long)x, buf);
	if (fails_reported++ < 20)
		check(what, false, msg);
	else
		failed++;
}

static void must_hold(const char *what, const struct tv *v)
{
	if (member(&v->a, v->x))
		passed++;
	else
		soundness_fail(what, &v->a, v->x);
}

/* A random abstract value with a member, made by a few random steps. */
static void random_tv(struct tv *v, int depth)
{
	int i;

	v->x = rnd_value();
	if (rnd() % 4 == 0) {
		bv_scalar_const(&v->a, v->x);
		return;
	}
	bv_scalar_unknown(&v->a);
	for (i = 0; i < depth; i++) {
		uint64_t c = rnd_value();
		uint8_t op;
		bool w = rnd() % 3 == 0;
		struct bv_scalar k;

		bv_scalar_const(&k, c);
		switch (rnd() % 4) {
		case 0: /* narrow with a bit mask or add an offset */
			op = (uint8_t[]){ BV_AND, BV_OR, BV_ADD, BV_SUB, BV_XOR }[rnd() % 5];
			bv_scalar_alu(&v->a, &k, op, w, false);
			v->x = concrete_alu(v->x, c, op, w, false);
			break;
		case 1: /* shift by a small constant */
			c %= w ? 32 : 64;
			bv_scalar_const(&k, c);
			op = (uint8_t[]){ BV_LSH, BV_RSH, BV_ARSH }[rnd() % 3];
			bv_scalar_alu(&v->a, &k, op, w, false);
			v->x = concrete_alu(v->x, c, op, w, false);
			break;
		default: { /* refine along the edge the concrete value takes */
			uint8_t jop = jmp_ops[rnd() % (sizeof(jmp_ops))];

			if (!concrete_cmp(v->x, c, jop, w))
				jop = bv_jmp_negate(jop);
			bv_scalar_refine(&v->a, &k, jop, w);
			break;
		}
		}
		must_hold("build", v);
	}
}

static void test_random(void)
{
	int iter;

	for (iter = 0; iter < 30000; iter++) {
		struct tv d, s, r, t;
		bool w = rnd() % 2;
		uint8_t op;
		int taken;

		random_tv(&d, (int)(rnd() % 6));
		random_tv(&s, (int)(rnd() % 4));

		/* binary ALU op */
		op = alu_ops[rnd() % sizeof(alu_ops)];
		r = d;
		{
			bool sgn = (op == BV_DIV || op == BV_MOD) && rnd() % 2;

			bv_scalar_alu(&r.a, &s.a, op, w, sgn);
			r.x = concrete_alu(d.x, s.x, op, w, sgn);
		}
		must_hold("alu", &r);
		/* a 6.18 path split keeps the member on its side */
		if (bv_scalar_alu_splits(&d.a, &s.a, op)) {
			r = d;
			bv_scalar_set_subreg_const(&r.a, (uint32_t)d.x);
			must_hold("split", &r);
		}
		/* aliasing: r OP= r */
		r = d;
		bv_scalar_alu(&r.a, &r.a, op, w, false);
		r.x = concrete_alu(d.x, d.x, op, w, false);
		must_hold("alu-alias", &r);

		/* unary ops */
		r = d;
		bv_scalar_neg(&r.a, w);
		r.x = w ? (uint32_t)(0 - (uint32_t)d.x) : 0 - d.x;
		must_hold("neg", &r);
		{
			int bits = (int[]){ 16, 32, 64 }[rnd() % 3];
			int kind = (int)(rnd() % 3);

			r = d;
			bv_scalar_end(&r.a, bits, kind == 1, kind == 2);
			if (kind == 0)
				r.x = bits == 64 ? d.x : d.x & (((uint64_t)1 << bits) - 1);
			else
				r.x = bswap_n(d.x, bits);
			must_hold("end", &r);
		}
		r = d;
		bv_scalar_zext32(&r.a);
		r.x = (uint32_t)d.x;
		must_hold("zext32", &r);
		{
			int bits = (int[]){ 8, 16, 32 }[rnd() % 3];
			bool w32 = bits < 32 && rnd() % 2;

			bv_scalar_movsx(&r.a, &d.a, bits, w32);
			r.x = w32 ? (uint32_t)sx(d.x, bits) : (uint64_t)sx(d.x, bits);
			must_hold("movsx", &r);
		}
		{
			int size = (int[]){ 1, 2, 4, 8 }[rnd() % 4];
			bool sgn = size < 8 && rnd() % 2;
			uint64_t m = size == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (size * 8)) - 1;

			r = d;
			bv_scalar_truncate(&r.a, size);
			r.x = d.x & m;
			must_hold("truncate", &r);
			bv_scalar_load(&r.a, size, sgn);
			r.x = sgn ? (uint64_t)sx(d.x, size * 8) : d.x & m;
			must_hold("load", &r);
		}

		/* branches */
		op = jmp_ops[rnd() % sizeof(jmp_ops)];
		taken = bv_scalar_branch_taken(&d.a, &s.a, op, w);
		{
			bool truth = concrete_cmp(d.x, s.x, op, w);

			if (taken == -1 || taken == (int)truth) {
				passed++;
			} else {
				char a1[256], a2[256], msg[700];

				bv_scalar_format(&d.a, a1, sizeof(a1));
				bv_scalar_format(&s.a, a2, sizeof(a2));
				snprintf(msg, sizeof(msg), "op %#x w%d %s vs %s, x=%#llx y=%#llx",
					 op, w, a1, a2, (unsigned long long)d.x,
					 (unsigned long long)s.x);
				check("branch_taken", false, msg);
			}
			if (!truth)
				op = bv_jmp_negate(op);
			r = d;
			t = s;
			bv_scalar_refine(&r.a, &t.a, op, w);
			must_hold("refine-a", &r);
			must_hold("refine-b", &t);
			/* a feasible edge never trips the invariant check */
			check("invariants-a", bv_scalar_check_invariants(&r.a, NULL, 0), NULL);
			check("invariants-b", bv_scalar_check_invariants(&t.a, NULL, 0), NULL);
		}
		/* pruning: a value contains itself and its refinements */
		if (bv_scalar_contains(&d.a, &r.a) && !member(&d.a, r.x))
			soundness_fail("contains", &d.a, r.x);
		else
			passed++;
		check("contains-self", bv_scalar_contains(&d.a, &d.a), NULL);
	}
}

/* bv_scalar_sync stops deducing once a round changes nothing; a scalar
 * whose third round still narrows it must get all three (found by a
 * search against the unconditional three rounds, whose result this is). */
static void test_sync_rounds(void)
{
	struct bv_scalar s = {
		.var_off = { 0, ~0ull },
		.smin = -9223372036854775807LL, .smax = 2147483647,
		.umin = 1, .umax = 0x8000000000000001ull,
		.s32_min = -2147483647 - 1, .s32_max = 2147483647,
		.u32_min = 2, .u32_max = 0x80000001u,
	};

	bv_scalar_sync(&s);
	expect("sync-three-rounds", &s,
	       "scalar(smin=umin=smin32=umin32=2,smax=umax=umax32=0x7fffffff,var_off=(0x0; 0x7fffffff))");
}

int main(void)
{
	test_kernel_cases();
	test_sync_rounds();
	test_random();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
