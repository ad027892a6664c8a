/* test_dynptr.c — dynptrs on the stack (dynptr.c) against the test facade
 * with the kernel's ring buffer dynptr prototypes: building one, its
 * reference and release, slices of bpf_dynptr_data, stores over a
 * referenced dynptr, use after release, misplaced dynptrs; each with the
 * newest verifier's words and, where they differ, those of kernels
 * without dynptr ids (6.1). Messages as the kernels print them (goldens
 * of test/corpus/dynptr).
 */
#include "fixture.h"

#define FN_ringbuf_reserve_dynptr 198
#define FN_ringbuf_submit_dynptr  199
#define FN_dynptr_data            203

static const struct bv_helper_proto dyn_helpers[] = {
	{ .name = "bpf_ringbuf_reserve_dynptr", .func_id = 198, .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			BV_ARG_PTR_TO_DYNPTR | BV_DYNPTR_TYPE_RINGBUF | BV_MEM_UNINIT } },
	{ .name = "bpf_ringbuf_submit_dynptr", .func_id = 199, .ret_type = BV_RET_VOID,
	  .arg_type = { BV_ARG_PTR_TO_DYNPTR | BV_DYNPTR_TYPE_RINGBUF | BV_OBJ_RELEASE,
			BV_ARG_ANYTHING } },
	{ .name = "bpf_dynptr_data", .func_id = 203,
	  .ret_type = BV_RET_PTR_TO_MEM | BV_PTR_MAYBE_NULL,
	  .arg_type = { BV_ARG_PTR_TO_DYNPTR | BV_MEM_RDONLY, BV_ARG_ANYTHING,
			BV_ARG_CONST_ALLOC_SIZE_OR_ZERO } },
};

static int helpers(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	for (size_t i = 0; i < sizeof(dyn_helpers) / sizeof(dyn_helpers[0]); i++)
		if (dyn_helpers[i].func_id == func_id) {
			*proto = &dyn_helpers[i];
			return 0;
		}
	return bvt_helper(ctx, func_id, proto);
}

static void newest(struct bvt_facade *tf) { (void)tf; }

static void no_ids(struct bvt_facade *tf)
{
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_DYNPTR_IDS);
}

#define T(name, setup, want, msg, at, ...) do {                         \
		struct bv_insn p_[] = { __VA_ARGS__ };                    \
		struct bvt_facade tf;                                     \
		struct bv_result r_;                                      \
		bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);         \
		tf.f.helper = helpers;                                    \
		setup(&tf);                                               \
		r_ = run(p_, BVT_LEN(p_), &tf.f);                         \
		expect(name, &r_, want, msg, at);                         \
	} while (0)

/* insns 0..6: bpf_ringbuf_reserve_dynptr(&rb, 8, 0, fp-16) */
#define RESERVE(off)                                                      \
	BV_LD_MAP_FD(1, BVT_MAP_RINGBUF), BV_MOV64_IMM(2, 8), BV_MOV64_IMM(3, 0), \
	BV_MOV64_REG(4, 10), BV_ALU64_IMM(BV_ADD, 4, off),                \
	BV_CALL_HELPER(FN_ringbuf_reserve_dynptr)
/* 4 insns: bpf_ringbuf_submit_dynptr(fp-16, 0) */
#define SUBMIT                                                            \
	BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 0), \
	BV_CALL_HELPER(FN_ringbuf_submit_dynptr)
/* 5 insns: r0 = bpf_dynptr_data(fp-16, 0, 8) */
#define DATA                                                              \
	BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 0), \
	BV_MOV64_IMM(3, 8), BV_CALL_HELPER(FN_dynptr_data)

int main(void)
{
	T("reserve and submit", newest, BV_ACCEPT, NULL, -1,
	  RESERVE(-16), SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("reserve and submit, no dynptr ids", no_ids, BV_ACCEPT, NULL, -1,
	  RESERVE(-16), SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	/* the dynptr takes id 1, its reference id 2 */
	T("leaked reservation", newest, BV_REJECT, "Unreleased reference id=2 alloc_insn=6", 8,
	  RESERVE(-16), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("leaked reservation, no dynptr ids", no_ids, BV_REJECT,
	  "Unreleased reference id=1 alloc_insn=6", 8,
	  RESERVE(-16), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("submitted twice", newest, BV_REJECT, "arg 1 is an unacquired reference", 14,
	  RESERVE(-16), SUBMIT, SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("submitted twice, no dynptr ids", no_ids, BV_REJECT,
	  "arg 1 is an unacquired reference", 14,
	  RESERVE(-16), SUBMIT, SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("store over a referenced dynptr", newest, BV_REJECT,
	  "cannot overwrite referenced dynptr", 7,
	  RESERVE(-16), BV_ST_MEM(BV_DW, 10, -8, 0), SUBMIT, BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());
	T("reserved twice into one dynptr", newest, BV_REJECT,
	  "cannot overwrite referenced dynptr", 13,
	  RESERVE(-16), RESERVE(-16), SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("reserved twice into one dynptr, no dynptr ids", no_ids, BV_REJECT,
	  "Dynptr has to be an uninitialized dynptr", 13,
	  RESERVE(-16), RESERVE(-16), SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("slice within its size", newest, BV_ACCEPT, NULL, -1,
	  RESERVE(-16), DATA, BV_JMP_IMM(BV_JEQ, 0, 0, 1), BV_ST_MEM(BV_DW, 0, 0, 1),
	  SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("slice beyond its size", newest, BV_REJECT,
	  "invalid access to memory, mem_size=8 off=8 size=8", 13,
	  RESERVE(-16), DATA, BV_JMP_IMM(BV_JEQ, 0, 0, 1), BV_ST_MEM(BV_DW, 0, 8, 1),
	  SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("slice used after submit", newest, BV_REJECT, "R6 invalid mem access 'scalar'", 18,
	  RESERVE(-16), DATA, BV_JMP_IMM(BV_JEQ, 0, 0, 7), BV_MOV64_REG(6, 0),
	  SUBMIT, BV_ST_MEM(BV_DW, 6, 0, 1), BV_JMP_A(4),
	  SUBMIT, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("used after submit", newest, BV_REJECT, "Expected an initialized dynptr as arg #0", 15,
	  RESERVE(-16), SUBMIT, DATA, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("used after submit, no dynptr ids", no_ids, BV_REJECT,
	  "Expected an initialized dynptr as arg #1", 15,
	  RESERVE(-16), SUBMIT, DATA, BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("misplaced dynptr", newest, BV_REJECT, "cannot pass in dynptr at an offset=-12", 6,
	  RESERVE(-12), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("misplaced dynptr, no dynptr ids", no_ids, BV_REJECT,
	  "cannot pass in dynptr at an offset", 6,
	  RESERVE(-12), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	return bvt_summary();
}
