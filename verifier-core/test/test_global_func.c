/* test_global_func.c — global functions (global_func.c): verified on
 * their own from the prototype the facade gives, the call checked against
 * it, R0 an unknown scalar after the call; the order and messages of both
 * kernel generations (feature global-func-after-main). */
#include "fixture.h"

/* main: r1 = ctx; call global; exit.  global (insn 3): returns *(u64 *)r1 */
static const struct bv_func_desc funcs[] = {
	{ .insn_off = 0, .name = "main", .global = true, .btf_id = 1 },
	{ .insn_off = 6, .name = "get", .global = true, .btf_id = 2 },
};

/* The prototype under test, set by each case. */
static struct bv_func_proto cur_proto;

static void test_proto(void *ctx, uint32_t insn_off, struct bv_func_proto *out)
{
	(void)ctx;
	(void)insn_off;
	*out = cur_proto;
}

static struct bv_result run_global(const struct bv_insn *p, uint32_t n, bool after_main,
				   struct bv_func_arg arg0, const char *err)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.funcs = funcs;
	tf.f.nr_funcs = 2;
	tf.f.func_proto = test_proto;
	if (after_main)
		tf.f.features |= BV_FEAT_BIT(BV_FEAT_GLOBAL_FUNC_AFTER_MAIN);
	else
		tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_GLOBAL_FUNC_AFTER_MAIN);
	memset(&cur_proto, 0, sizeof(cur_proto));
	cur_proto.nr_args = 1;
	cur_proto.args[0] = arg0;
	if (err)
		snprintf(cur_proto.err, sizeof(cur_proto.err), "%s", err);
	return run(p, n, &tf.f);
}

/* A global function's scalar argument is checked by type only: kept
 * states need not its value. r3 is 2 on the first path and 1 on the
 * path from insn 2; both pass it (as r1) to the global function at 13,
 * so the second path is pruned at insn 9: 0-12, 9 (from 7), 9 (from 2),
 * then the function's 2 = 17 insns; 20 if r3's value mattered. */
static void global_arg_not_precise(void)
{
	static const struct bv_func_desc f2[] = {
		{ .insn_off = 0, .name = "main", .global = true, .btf_id = 1 },
		{ .insn_off = 13, .name = "use", .global = true, .btf_id = 2 },
	};
	static const struct bv_insn p[] = {
		BV_LDX_MEM(BV_W, 2, 1, 0),
		BV_MOV64_IMM(3, 1),
		BV_JMP_IMM(BV_JGT, 2, 10, 6),
		BV_MOV64_IMM(3, 2),
		BV_MOV64_IMM(0, 0),
		BV_MOV64_IMM(0, 0),
		BV_MOV64_IMM(0, 0),
		BV_JMP_IMM(BV_JGT, 2, 5, 1),
		BV_MOV64_IMM(0, 0),
		BV_MOV64_REG(1, 3),
		BV_CALL_REL(2),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.funcs = f2;
	tf.f.nr_funcs = 2;
	tf.f.func_proto = test_proto;
	memset(&cur_proto, 0, sizeof(cur_proto));
	cur_proto.nr_args = 1;
	cur_proto.args[0] = (struct bv_func_arg){ BV_ARG_ANYTHING, 0, 0 };
	r = run(p, BVT_LEN(p), &tf.f);
	expect_true("global function's scalar argument: pruned at the call's join",
		    r.verdict == BV_ACCEPT && r.insns_processed == 17, &r);
}

int main(void)
{
	global_arg_not_precise();
	const struct bv_func_arg mem16 = { BV_ARG_PTR_TO_MEM | BV_PTR_MAYBE_NULL, 16, 0 };
	const struct bv_func_arg mem16_nonnull = { BV_ARG_PTR_TO_MEM, 16, 0 };
	const struct bv_func_arg ctx = { BV_ARG_PTR_TO_CTX, 0, 0 };
	const struct bv_func_arg scalar = { BV_ARG_ANYTHING, 0, 0 };
	/* passes fp-16 (initialised) */
	struct bv_insn pass_stack[] = {
		BV_ST_MEM(BV_DW, 10, -16, 0), BV_ST_MEM(BV_DW, 10, -8, 0),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		/* get: r0 = r1 ? *(u64 *)(r1 + 8) : 0 */
		BV_MOV64_IMM(0, 0), BV_JMP_IMM(BV_JEQ, 1, 0, 1),
		BV_LDX_MEM(BV_DW, 0, 1, 8), BV_EXIT_INSN(),
	};
	/* the same callee without its NULL check */
	struct bv_insn no_null_check[] = {
		BV_ST_MEM(BV_DW, 10, -16, 0), BV_ST_MEM(BV_DW, 10, -8, 0),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_LDX_MEM(BV_DW, 0, 1, 8), BV_EXIT_INSN(),
	};
	/* passes fp-8: 8 bytes where 16 are wanted */
	struct bv_insn too_small[] = {
		BV_ST_MEM(BV_DW, 10, -8, 0), BV_MOV64_IMM(0, 0),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -8),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_MOV64_IMM(0, 0), BV_EXIT_INSN(),
	};
	/* R0 after the call is unknown: using it as a stack offset fails */
	struct bv_insn ret_unknown[] = {
		BV_MOV64_IMM(1, 5), BV_CALL_REL(4),
		BV_MOV64_REG(2, 10), BV_ALU64_REG(BV_ADD, 2, 0),
		BV_LDX_MEM(BV_DW, 0, 2, -8), BV_EXIT_INSN(),
		BV_MOV64_REG(0, 1), BV_EXIT_INSN(),
	};
	/* main passes ctx to a global function returning ctx: not a scalar */
	struct bv_insn ret_ptr[] = {
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_MOV64_REG(0, 1), BV_EXIT_INSN(),
	};
	struct bv_func_desc f2[] = {
		{ .insn_off = 0, .name = "main", .global = true, .btf_id = 1 },
		{ .insn_off = 2, .name = "get", .global = true, .btf_id = 2 },
	};
	struct bv_result r;

	r = run_global(pass_stack, BVT_LEN(pass_stack), true, mem16, NULL);
	expect("stack-to-mem-arg", &r, BV_ACCEPT, NULL, -1);
	r = run_global(pass_stack, BVT_LEN(pass_stack), false, mem16, NULL);
	expect("stack-to-mem-arg-first", &r, BV_ACCEPT, NULL, -1);
	r = run_global(no_null_check, BVT_LEN(no_null_check), true, mem16, NULL);
	expect("callee-no-null-check", &r, BV_REJECT, "R1 invalid mem access 'mem_or_null'", 6);
	r = run_global(no_null_check, BVT_LEN(no_null_check), true, mem16_nonnull, NULL);
	expect("callee-nonnull", &r, BV_ACCEPT, NULL, -1);
	r = run_global(too_small, BVT_LEN(too_small), true, mem16, NULL);
	expect("stack-too-small", &r, BV_REJECT, "invalid read from stack R1 off=-8 size=16", 4);
	r = run_global(too_small, BVT_LEN(too_small), true, ctx, NULL);
	expect("ctx-expected", &r, BV_REJECT, "arg#0 expects pointer to ctx", 4);
	r = run_global(too_small, BVT_LEN(too_small), false, ctx, NULL);
	expect("ctx-expected-6.1", &r, BV_REJECT, "arg#0 expected pointer to ctx, but got PTR", 4);
	r = run_global(too_small, BVT_LEN(too_small), true, scalar, NULL);
	expect("scalar-expected", &r, BV_REJECT, "R1 is not a scalar", 4);
	r = run_global(too_small, BVT_LEN(too_small), true, scalar,
		       "Global function get() doesn't return scalar. Only those are supported.");
	expect("proto-refused-at-call", &r, BV_REJECT,
	       "Global function get() doesn't return scalar. Only those are supported.", 4);
	r = run_global(too_small, BVT_LEN(too_small), false, scalar,
		       "Global function get() doesn't return scalar. Only those are supported.");
	expect("proto-refused-first", &r, BV_REJECT,
	       "Global function get() doesn't return scalar. Only those are supported.", -1);
	r = run_global(ret_unknown, BVT_LEN(ret_unknown), true, scalar, NULL);
	expect("r0-unknown-after-call", &r, BV_REJECT,
	       "math between fp pointer and register with unbounded min value is not allowed", 3);
	{
		struct bvt_facade tf;

		bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
		tf.f.funcs = f2;
		tf.f.nr_funcs = 2;
		tf.f.func_proto = test_proto;
		tf.f.features |= BV_FEAT_BIT(BV_FEAT_GLOBAL_FUNC_AFTER_MAIN);
		memset(&cur_proto, 0, sizeof(cur_proto));
		cur_proto.nr_args = 0;
		r = run(ret_ptr, BVT_LEN(ret_ptr), &tf.f);
		expect("callee-r1-not-init", &r, BV_REJECT, "R1 !read_ok", 2);
		tf.f.func_proto = NULL;
		r = run(ret_ptr, BVT_LEN(ret_ptr), &tf.f);
		expect("no-proto-op", &r, BV_ERROR, NULL, 2);
	}
	return bvt_summary();
}
