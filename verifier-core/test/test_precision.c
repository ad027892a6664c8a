/* test_precision.c — precision tracking (precision.c): a kept state prunes
 * a later path whose scalars differ only when no check below the kept
 * state needed their exact values.
 *
 * Each program has two paths that join at instruction `join` with a
 * different constant in r6: the fall-through path (walked first, kept at
 * the join) with a harmless value, the jump path (walked second) with a
 * value that would fail if r6 is used exactly. Whether the second path is
 * pruned at the join decides the verdict.
 */
#include "fixture.h"

#define KTIME BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, BVT_FN_ktime_get_ns)
#define LOOKUP BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, BVT_FN_map_lookup_elem)
/* enough instructions before the join for a state to be kept there */
#define PAD BV_MOV64_IMM(8, 1), BV_MOV64_IMM(8, 2), BV_MOV64_IMM(8, 3), \
	    BV_MOV64_IMM(8, 4), BV_MOV64_IMM(8, 5)
/* r6 = good on the fall-through, bad on the jump; then insn 10 (join) */
#define FORK(good, bad) \
	PAD, KTIME,                                  /* 0-5 */ \
	BV_JMP_IMM(BV_JEQ, 0, 7, 2),                 /* 6: → 9 */ \
	BV_MOV64_IMM(6, good),                       /* 7 */ \
	BV_JMP_A(1),                                 /* 8: → 10 */ \
	BV_MOV64_IMM(6, bad)                         /* 9 */
/* r0 = lookup(array, key 0); NULL → exit 0 at `out` (relative jump) */
#define LOOKUP_ARRAY(out) \
	BV_ST_MEM(BV_W, 10, -4, 0), BV_MOV64_REG(2, 10), \
	BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_ARRAY), LOOKUP, \
	BV_JMP_IMM(BV_JEQ, 0, 0, out)

static struct bv_result verify(const struct bv_insn *p, uint32_t n)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	return run(p, n, &tf.f);
}

/* r6 is a map value offset after the join: the kept state's r6 is
 * precise, the second path (r6 = 100, past the 64-byte value) is walked
 * and refused. */
static void test_offset_not_pruned(void)
{
	static const struct bv_insn p[] = {
		FORK(0, 100),
		LOOKUP_ARRAY(3),                              /* 10-16 */
		BV_ALU64_REG(BV_ADD, 0, 6),                   /* 17 */
		BV_LDX_MEM(BV_B, 0, 0, 0),                    /* 18 */
		BV_JMP_A(1),                                  /* 19 */
		BV_MOV64_IMM(0, 0),                           /* 20 */
		BV_EXIT_INSN(),                               /* 21 */
	};
	struct bv_result r = verify(p, BVT_LEN(p));

	expect("pointer offset: the other constant is walked", &r, BV_REJECT,
	       "invalid access to map value, value_size=64 off=100 size=1", 18);
}

/* r6 is only stored after the join: no check needs its value, the
 * second path is pruned at the join. */
static void test_value_pruned(void)
{
	static const struct bv_insn p[] = {
		FORK(0, 100),
		LOOKUP_ARRAY(2),                              /* 10-16 */
		BV_STX_MEM(BV_DW, 0, 6, 0),                   /* 17 */
		BV_MOV64_IMM(0, 0),                           /* 18 */
		BV_EXIT_INSN(),                               /* 19 */
	};
	struct bv_result r = verify(p, BVT_LEN(p));

	expect("stored value: accepted", &r, BV_ACCEPT, NULL, -2);
	/* 0-8 and 10-19 on the first path (18: ld_imm64 counts once), then
	 * 9 and the prune at 10; walked again, it would be 29 */
	expect_true("stored value: the second path is pruned at the join",
		    r.insns_processed == 20, &r);
}

/* The offset's value goes through a stack slot (spill before the join,
 * fill after it): backtracking follows it into the slot. */
static void test_offset_through_stack(void)
{
	static const struct bv_insn p[] = {
		FORK(0, 100),
		BV_STX_MEM(BV_DW, 10, 6, -16),                /* 10: join */
		BV_MOV64_IMM(6, 0),                           /* 11 */
		LOOKUP_ARRAY(4),                              /* 12-18 */
		BV_LDX_MEM(BV_DW, 6, 10, -16),                /* 19 */
		BV_ALU64_REG(BV_ADD, 0, 6),                   /* 20 */
		BV_LDX_MEM(BV_B, 0, 0, 0),                    /* 21 */
		BV_JMP_A(1),                                  /* 22 */
		BV_MOV64_IMM(0, 0),                           /* 23 */
		BV_EXIT_INSN(),                               /* 24 */
	};
	struct bv_result r = verify(p, BVT_LEN(p));

	expect("offset through a stack slot: the other constant is walked", &r, BV_REJECT,
	       "invalid access to map value, value_size=64 off=100 size=1", 21);
}

/* A branch decided by r6 after the join: the first path (r6 = 0) never
 * walks the unsafe edge; the second (r6 = 1) must not be pruned. */
static void test_decided_branch(void)
{
	static const struct bv_insn p[] = {
		FORK(0, 1),
		BV_MOV64_IMM(7, 2),                           /* 10: join */
		BV_JMP_IMM(BV_JNE, 6, 1, 1),                  /* 11 */
		BV_MOV64_REG(0, 9),                           /* 12: R9 never written */
		BV_MOV64_IMM(0, 0),                           /* 13 */
		BV_EXIT_INSN(),                               /* 14 */
	};
	struct bv_result r = verify(p, BVT_LEN(p));

	expect("decided branch: the other constant is walked", &r, BV_REJECT,
	       "R9 !read_ok", 12);
}

/* The same branch undecided on both paths (r6 unknown on the first):
 * nothing is marked, and a second path that differs in an unrelated
 * scalar (r7) is pruned. */
static void test_undecided_branch_pruned(void)
{
	static const struct bv_insn p[] = {
		PAD, KTIME,                                   /* 0-5 */
		BV_MOV64_REG(6, 0),                           /* 6 */
		BV_JMP_IMM(BV_JEQ, 0, 7, 2),                  /* 7: → 10 */
		BV_MOV64_IMM(7, 0),                           /* 8 */
		BV_JMP_A(1),                                  /* 9: → 11 */
		BV_MOV64_IMM(7, 1),                           /* 10 */
		BV_JMP_IMM(BV_JNE, 6, 1, 1),                  /* 11: join */
		BV_MOV64_IMM(6, 0),                           /* 12 */
		BV_MOV64_IMM(0, 0),                           /* 13 */
		BV_EXIT_INSN(),                               /* 14 */
	};
	struct bv_result r = verify(p, BVT_LEN(p));

	expect("undecided branch: accepted", &r, BV_ACCEPT, NULL, -2);
	/* first path 0-9, 11-14 and 13-14 (16), then 10 and the prune at 11;
	 * walked again, it would be 21 */
	expect_true("undecided branch: the second path is pruned at the join",
		    r.insns_processed == 18, &r);
}

int main(void)
{
	test_offset_not_pruned();
	test_value_pruned();
	test_offset_through_stack();
	test_decided_branch();
	test_undecided_branch_pruned();
	return bvt_summary();
}
