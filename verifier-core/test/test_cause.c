/* test_cause.c — bv_result.cause, the structured cause the facades' fix-its
 * are derived from: the kind of mistake and the instruction that produced
 * the rejected value (the lookup), the access (packet, index), or the
 * acquiring call and the leaking path's last jump (leak). */
#include "fixture.h"

#define CAUSE(name, r, k, i) \
	expect_true(name, (r).cause.kind == (k) && (r).cause.insn == (i), &(r))

int main(void)
{
	struct bvt_facade tf;
	struct bv_result r;

	/* r0 = lookup (insn 4); r6 = r0; *(u64 *)r6: the lookup is the cause */
	{
		struct bv_insn p[] = {
			BV_ST_MEM(BV_W, 10, -4, 0), BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
			BV_LD_MAP_FD(1, BVT_MAP_HASH), BV_CALL_HELPER(BVT_FN_map_lookup_elem),
			BV_MOV64_REG(6, 0), BV_LDX_MEM(BV_DW, 0, 6, 0), BV_EXIT_INSN(),
		};
		bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
		r = run(p, BVT_LEN(p), &tf.f);
		expect("nullable: rejected", &r, BV_REJECT,
		       "R6 invalid mem access 'map_value_or_null'", 7);
		CAUSE("nullable: the lookup call", r, BV_CAUSE_NULLABLE, 5);
		expect_true("nullable: the register", r.cause.regno == 6, &r);
	}
	/* r2 = data; read 2 bytes at data + 12 without a data_end check */
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_W, 2, 1, 0), BV_LDX_MEM(BV_H, 0, 2, 12), BV_MOV64_IMM(0, 2),
			BV_EXIT_INSN(),
		};
		bvt_facade_init(&tf, BV_PROG_TYPE_XDP);
		r = run(p, BVT_LEN(p), &tf.f);
		expect_true("packet: rejected", r.verdict == BV_REJECT, &r);
		CAUSE("packet: the access", r, BV_CAUSE_PACKET_RANGE, 1);
	}
	/* ringbuf_reserve (insn 4), NULL check, then a jump (8 -> 10) to an
	 * exit that leaks it: the acquiring call and the path's last jump */
	{
		struct bv_insn p[] = {
			BV_LD_MAP_FD(1, BVT_MAP_RINGBUF), BV_MOV64_IMM(2, 8), BV_MOV64_IMM(3, 0),
			BV_CALL_HELPER(BVT_FN_ringbuf_reserve),
			BV_JMP_IMM(BV_JEQ, 0, 0, 4), BV_MOV64_REG(6, 0), BV_MOV64_IMM(1, 5),
			BV_JMP_IMM(BV_JEQ, 1, 5, 1), BV_MOV64_IMM(0, 1), BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
		r = run(p, BVT_LEN(p), &tf.f);
		expect_true("leak: rejected", r.verdict == BV_REJECT &&
			    !strncmp(r.message, "Unreleased reference", 20), &r);
		CAUSE("leak: the acquiring call", r, BV_CAUSE_LEAK, 4);
		expect_true("leak: the last jump", r.cause.path_insn == 8, &r);
	}
	/* an accept has no cause */
	{
		struct bv_insn p[] = { BV_MOV64_IMM(0, 0), BV_EXIT_INSN() };

		bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
		r = run(p, BVT_LEN(p), &tf.f);
		expect_true("accept: no cause", r.verdict == BV_ACCEPT &&
			    r.cause.kind == BV_CAUSE_NONE, &r);
	}
	return bvt_summary();
}
