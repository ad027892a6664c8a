/* test_fastcall.c — the bpf_fastcall contract (fastcall.c): a spill/fill
 * pair around bpf_get_smp_processor_id() at the bottom of the main
 * program's stack does not count in the combined stack check when the
 * kernel has feature fastcall-spills, unless the slot is used otherwise
 * or the helper is not one the kernel inlines. */
#include "fixture.h"

static struct bv_result run_fc(const struct bv_insn *p, uint32_t n, bool feature)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	if (feature)
		tf.f.features |= BV_FEAT_BIT(BV_FEAT_FASTCALL_SPILLS);
	else
		tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_FASTCALL_SPILLS);
	return run(p, n, &tf.f);
}

#define CALLEE_512 \
	BV_ST_MEM(BV_DW, 10, -512, 0), BV_LDX_MEM(BV_DW, 0, 10, -512), BV_EXIT_INSN()

int main(void)
{
	/* r1 = 1; spill; call helper; fill; call callee (512 bytes); exit */
	struct bv_insn pair[] = {
		BV_MOV64_IMM(1, 1), BV_STX_MEM(BV_DW, 10, 1, -8),
		BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, 8), BV_LDX_MEM(BV_DW, 1, 10, -8),
		BV_CALL_REL(1), BV_EXIT_INSN(), CALLEE_512,
	};
	struct bv_insn reused[] = {
		BV_MOV64_IMM(1, 1), BV_STX_MEM(BV_DW, 10, 1, -8),
		BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, 8), BV_LDX_MEM(BV_DW, 1, 10, -8),
		BV_STX_MEM(BV_DW, 10, 1, -8),
		BV_CALL_REL(1), BV_EXIT_INSN(), CALLEE_512,
	};
	struct bv_insn not_inlined[] = {
		BV_MOV64_IMM(1, 1), BV_STX_MEM(BV_DW, 10, 1, -8),
		BV_RAW(BV_JMP | BV_CALL, 0, 0, 0, 5), BV_LDX_MEM(BV_DW, 1, 10, -8),
		BV_CALL_REL(1), BV_EXIT_INSN(), CALLEE_512,
	};
	struct bv_result r;

	r = run_fc(pair, BVT_LEN(pair), true);
	expect("pair-dropped", &r, BV_ACCEPT, NULL, -1);
	r = run_fc(pair, BVT_LEN(pair), false);
	expect("pair-counted", &r, BV_REJECT, "combined stack size of 2 calls is 528. Too large", -1);
	r = run_fc(reused, BVT_LEN(reused), true);
	expect("slot-reused", &r, BV_REJECT, "combined stack size of 2 calls is 528. Too large", -1);
	r = run_fc(not_inlined, BVT_LEN(not_inlined), true);
	expect("helper-not-inlined", &r, BV_REJECT, "combined stack size of 2 calls is 528. Too large", -1);
	return bvt_summary();
}
