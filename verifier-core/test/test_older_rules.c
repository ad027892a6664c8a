/* test_older_rules.c — rules of the 6.1 and 6.12 verifiers that change
 * what a walk knows, and so where pruning happens (features.h):
 * alu-nonconst-src (OR/XOR/MUL by a non-constant), stack-helper-rw-msg
 * (a helper's read of the stack clobbering it before 6.18) and
 * prune-ids-strict (the held lock's id compared by number on 6.1).
 * Each case runs once with the newest verifier's behaviours and once
 * without the one under test.
 */
#include "fixture.h"

#define KTIME BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, BVT_FN_ktime_get_ns)
#define LOOKUP BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, BVT_FN_map_lookup_elem)

static struct bv_result verify_without(const struct bv_insn *p, uint32_t n,
				       int feature)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	if (feature >= 0)
		tf.f.features &= ~BV_FEAT_BIT(feature);
	return run(p, n, &tf.f);
}

/* r6 = ktime & 7; r7 = 0; r7 |= r6: [0, 7] where OR by a non-constant is
 * computed, unknown where it is not; r7 then offsets a 64-byte map value. */
static void test_or_nonconst(void)
{
	static const struct bv_insn p[] = {
		KTIME,                                        /* 0 */
		BV_MOV64_REG(6, 0),                           /* 1 */
		BV_ALU64_IMM(BV_AND, 6, 7),                   /* 2 */
		BV_MOV64_IMM(7, 0),                           /* 3 */
		BV_ALU64_REG(BV_OR, 7, 6),                    /* 4 */
		BV_ST_MEM(BV_W, 10, -4, 0),                   /* 5 */
		BV_MOV64_REG(2, 10),                          /* 6 */
		BV_ALU64_IMM(BV_ADD, 2, -4),                  /* 7 */
		BV_LD_MAP_FD(1, BVT_MAP_ARRAY),               /* 8-9 */
		LOOKUP,                                       /* 10 */
		BV_JMP_IMM(BV_JEQ, 0, 0, 2),                  /* 11: → 14 */
		BV_ALU64_REG(BV_ADD, 0, 7),                   /* 12 */
		BV_LDX_MEM(BV_B, 0, 0, 0),                    /* 13 */
		BV_MOV64_IMM(0, 0),                           /* 14 */
		BV_EXIT_INSN(),                               /* 15 */
	};
	struct bv_result r;

	r = verify_without(p, BVT_LEN(p), -1);
	expect("alu-nonconst-src: r7 |= r6 stays in [0, 7]", &r, BV_ACCEPT, NULL, -1);
	r = verify_without(p, BVT_LEN(p), BV_FEAT_ALU_NONCONST_SRC);
	expect("no alu-nonconst-src: r7 |= r6 is unknown", &r, BV_REJECT,
	       "math between map_value pointer and register with unbounded min value is not allowed", 12);
}

/* *(u64 *)(fp-8) = 0 is the lookup's key (a hash map, key 4 bytes, read
 * at fp-8); after the call the slot is read back as an offset into the
 * value: 0 where a helper's read leaves the stack as it was, unknown where
 * every helper access clobbers it. */
static void test_helper_read_clobbers(void)
{
	static const struct bv_insn p[] = {
		BV_MOV64_IMM(6, 0),                           /* 0 */
		BV_STX_MEM(BV_DW, 10, 6, -8),                 /* 1 */
		BV_MOV64_REG(2, 10),                          /* 2 */
		BV_ALU64_IMM(BV_ADD, 2, -8),                  /* 3 */
		BV_LD_MAP_FD(1, BVT_MAP_ARRAY),               /* 4-5 */
		LOOKUP,                                       /* 6 */
		BV_JMP_IMM(BV_JEQ, 0, 0, 3),                  /* 7: → 11 */
		BV_LDX_MEM(BV_DW, 7, 10, -8),                 /* 8 */
		BV_ALU64_REG(BV_ADD, 0, 7),                   /* 9 */
		BV_LDX_MEM(BV_B, 0, 0, 0),                    /* 10 */
		BV_MOV64_IMM(0, 0),                           /* 11 */
		BV_EXIT_INSN(),                               /* 12 */
	};
	struct bv_result r;

	r = verify_without(p, BVT_LEN(p), -1);
	expect("stack-helper-rw-msg: the key slot still holds 0", &r, BV_ACCEPT, NULL, -1);
	r = verify_without(p, BVT_LEN(p), BV_FEAT_STACK_HELPER_RW_MSG);
	expect("no stack-helper-rw-msg: the helper clobbered the key slot", &r,
	       BV_REJECT,
	       "math between map_value pointer and register with unbounded min value is not allowed", 9);
}

/* r0 in [64, 319]; `if r0 == 0` cannot jump: newer verifiers decide it
 * from the range, 6.1 (no reg-reg-bounds) only from a constant and walks
 * the edge with r0 = 0, reaching the read of the unset r5. */
static void test_jeq_outside_range(void)
{
	static const struct bv_insn p[] = {
		KTIME,                                        /* 0 */
		BV_ALU64_IMM(BV_AND, 0, 255),                 /* 1 */
		BV_ALU64_IMM(BV_ADD, 0, 64),                  /* 2 */
		BV_JMP_IMM(BV_JEQ, 0, 0, 2),                  /* 3: → 6 */
		BV_MOV64_IMM(0, 0),                           /* 4 */
		BV_EXIT_INSN(),                               /* 5 */
		BV_MOV64_REG(0, 5),                           /* 6 */
		BV_EXIT_INSN(),                               /* 7 */
	};
	struct bv_result r;

	r = verify_without(p, BVT_LEN(p), -1);
	expect("reg-reg-bounds: r0 == 0 is decided by r0's range", &r, BV_ACCEPT, NULL, -1);
	r = verify_without(p, BVT_LEN(p), BV_FEAT_REG_REG_BOUNDS);
	expect("no reg-reg-bounds: the impossible edge is walked", &r, BV_REJECT,
	       "R5 !read_ok", 6);
}

int main(void)
{
	test_jeq_outside_range();
	test_or_nonconst();
	test_helper_read_clobbers();
	return bvt_summary();
}
