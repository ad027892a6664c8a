/* test_alu.c — ALU instructions on abstract registers: pointer arithmetic
 * and its refusals (messages observed on Linux 6.18 as root with the same
 * instructions), register copies, 32-bit moves, NEG/END, and the read and
 * write checks of registers.
 */
#include "fixture.h"

struct acase {
	const char *name;
	uint32_t prog_type;
	const struct bv_insn *insns;
	uint32_t cnt;
	enum bv_verdict verdict;
	const char *msg;
	int32_t insn;
	bool unpriv;        /* a loader that may not leak pointers */
	uint64_t without;   /* features the kernel lacks (BV_FEAT_BIT) */
};

#define PROG(...) \
	.insns = (const struct bv_insn[]){ __VA_ARGS__ }, \
	.cnt = sizeof((const struct bv_insn[]){ __VA_ARGS__ }) / sizeof(struct bv_insn)

#define SK BV_PROG_TYPE_SOCKET_FILTER
#define RET0 BV_MOV64_IMM(0, 0), BV_EXIT_INSN()
#define KTIME BV_CALL_HELPER(BVT_FN_ktime_get_ns)

static const struct acase cases[] = {
	/* ---- pointer arithmetic the kernel refuses ---- */
	{ "32-bit arithmetic on ctx", SK, PROG(
		BV_ALU32_IMM(BV_ADD, 1, 1), RET0),
	  BV_REJECT, "R1 32-bit pointer arithmetic prohibited", 0 },
	{ "scalar minus pointer", SK, PROG(
		BV_MOV64_IMM(0, 1), BV_ALU64_REG(BV_SUB, 0, 10), RET0),
	  BV_REJECT, "R0 tried to subtract pointer from scalar", 1 },
	{ "stack pointer minus constant", SK, PROG(
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_SUB, 1, 8), RET0),
	  BV_REJECT, "R1 subtraction from stack pointer prohibited", 1 },
	{ "bitwise and on a pointer", SK, PROG(
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_AND, 1, 7), RET0),
	  BV_REJECT, "R1 bitwise operator &= on pointer prohibited", 1 },
	{ "multiplying a pointer", SK, PROG(
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_MUL, 1, 2), RET0),
	  BV_REJECT, "R1 pointer arithmetic with *= operator prohibited", 1 },
	{ "fp plus an unbounded scalar", SK, PROG(
		KTIME, BV_MOV64_REG(1, 10), BV_ALU64_REG(BV_ADD, 1, 0), RET0),
	  BV_REJECT, "math between fp pointer and register with unbounded min value is not allowed", 2 },
	{ "fp minus an unbounded scalar", SK, PROG(
		KTIME, BV_MOV64_REG(1, 10), BV_ALU64_REG(BV_SUB, 1, 0), RET0),
	  BV_REJECT, "math between fp pointer and register with unbounded min value is not allowed", 2 },
	{ "fp plus a scalar of at least 2^30", SK, PROG(
		KTIME, BV_ALU64_IMM(BV_AND, 0, 0xffff), BV_ALU64_IMM(BV_ADD, 0, 0x40000000),
		BV_MOV64_REG(1, 10), BV_ALU64_REG(BV_ADD, 1, 0), RET0),
	  BV_REJECT, "value 1073741824 makes fp pointer be out of bounds", 4 },
	{ "fp plus constant 2^30", SK, PROG(
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, 0x40000000), RET0),
	  BV_REJECT, "math between fp pointer and 1073741824 is not allowed", 1 },
	{ "pointer plus pointer", SK, PROG(
		BV_MOV64_REG(1, 10), BV_ALU64_REG(BV_ADD, 1, 10), RET0),
	  BV_REJECT, "R1 pointer += pointer prohibited", 1 },
	{ "arithmetic on map_value_or_null", SK, PROG(
		BV_ST_MEM(BV_W, 10, -4, 0),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
		BV_LD_MAP_FD(1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_ALU64_IMM(BV_ADD, 0, 4), RET0),
	  BV_REJECT, "R0 pointer arithmetic on map_value_or_null prohibited, null-check it first", 6 },
	{ "arithmetic on map_ptr", SK, PROG(
		BV_LD_MAP_FD(1, BVT_MAP_HASH), BV_ALU64_IMM(BV_ADD, 1, 8), RET0),
	  BV_REJECT, "R1 pointer arithmetic on map_ptr prohibited", 2 },
	{ "map_ptr plus 0 is allowed", SK, PROG(
		BV_LD_MAP_FD(1, BVT_MAP_HASH), BV_ALU64_IMM(BV_ADD, 1, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "arithmetic on pkt_end", BV_PROG_TYPE_XDP, PROG(
		BV_LDX_MEM(BV_W, 2, 1, 4), BV_ALU64_IMM(BV_ADD, 2, 1), RET0),
	  BV_REJECT, "R2 pointer arithmetic on pkt_end prohibited", 1 },

	/* ---- pointer arithmetic that is fine ---- */
	{ "pointer minus pointer gives a scalar", SK, PROG(
		BV_MOV64_REG(1, 10), BV_ALU64_REG(BV_SUB, 1, 10),
		BV_MOV64_REG(0, 1), BV_EXIT_INSN()),
	  BV_ACCEPT, NULL, -1 },
	{ "fp plus a bounded scalar, then stored through", SK, PROG(
		KTIME, BV_ALU64_IMM(BV_AND, 0, 8),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16),
		BV_ALU64_REG(BV_ADD, 1, 0),
		BV_ST_MEM(BV_DW, 1, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "scalar plus pointer takes the pointer's type", SK, PROG(
		BV_MOV64_IMM(2, -8), BV_ALU64_REG(BV_ADD, 2, 10),
		BV_ST_MEM(BV_DW, 2, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },

	/* ---- moves ---- */
	{ "32-bit copy of a pointer, privileged", SK, PROG(
		BV_MOV32_REG(0, 1), BV_EXIT_INSN()),
	  BV_ACCEPT, NULL, -1 },
	{ "32-bit copy of a pointer, unprivileged", SK, PROG(
		BV_MOV32_REG(0, 1), BV_EXIT_INSN()),
	  BV_REJECT, "R1 partial copy of pointer", 0, true },
	{ "sign-extending copy of a pointer, unprivileged", SK, PROG(
		BV_MOVSX64_REG(0, 1, 8), BV_EXIT_INSN()),
	  BV_REJECT, "R1 sign-extension part of pointer", 0, true },
	{ "NEG of a pointer, privileged: a scalar", SK, PROG(
		BV_NEG64(1), BV_MOV64_REG(0, 1), BV_EXIT_INSN()),
	  BV_ACCEPT, NULL, -1 },
	{ "NEG of a pointer, unprivileged", SK, PROG(
		BV_NEG64(1), RET0),
	  BV_REJECT, "R1 pointer arithmetic prohibited", 0, true },
	{ "byte swap of a pointer, privileged", SK, PROG(
		BV_ENDIAN(1, 1, 16), BV_MOV64_REG(0, 1), BV_EXIT_INSN()),
	  BV_ACCEPT, NULL, -1 },
	/* byte swaps (6.18: var_off follows the swap; older kernels: unknown) */
	{ "be16 of a masked value bounds a stack offset", SK, PROG(
		KTIME, BV_ALU64_IMM(BV_AND, 0, 0x0f00), BV_ENDIAN(1, 0, 16),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16),
		BV_ALU64_REG(BV_ADD, 1, 0), BV_ST_MEM(BV_B, 1, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "be16 of a masked value, older kernel: unknown", SK, PROG(
		KTIME, BV_ALU64_IMM(BV_AND, 0, 0x0f00), BV_ENDIAN(1, 0, 16),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16),
		BV_ALU64_REG(BV_ADD, 1, 0), BV_ST_MEM(BV_B, 1, 0, 0), RET0),
	  BV_REJECT, "math between fp pointer and register with unbounded min value is not allowed", 5,
	  .without = BV_FEAT_BIT(BV_FEAT_BSWAP_TNUM) },
	{ "le16 cuts to the low bytes", SK, PROG(
		KTIME, BV_ALU64_IMM(BV_AND, 0, 0x7fff0007), BV_ENDIAN(0, 0, 16),
		BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16),
		BV_ALU64_REG(BV_ADD, 1, 0), BV_ST_MEM(BV_B, 1, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "a copied pointer stays a pointer", SK, PROG(
		BV_MOV64_REG(2, 10), BV_ST_MEM(BV_DW, 2, -8, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	/* constant tracking through ALU: 3 * 4 - 4 = 8 is a valid fp offset */
	{ "constant folding into a stack offset", SK, PROG(
		BV_MOV64_IMM(3, 3), BV_ALU64_IMM(BV_MUL, 3, 4), BV_ALU64_IMM(BV_SUB, 3, 4),
		BV_NEG64(3),
		BV_MOV64_REG(2, 10), BV_ALU64_REG(BV_ADD, 2, 3),
		BV_ST_MEM(BV_DW, 2, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "32-bit move zero-extends", SK, PROG(
		BV_MOV64_IMM(3, -1), BV_MOV32_REG(3, 3), BV_ALU64_IMM(BV_RSH, 3, 32),
		BV_JMP_IMM(BV_JEQ, 3, 0, 1),
		BV_MOV64_REG(0, 5),                   /* dead branch: never walked */
		RET0),
	  BV_ACCEPT, NULL, -1 },

	/* ---- linked scalars: r1 = r0; r1 += K; a branch on r1 bounds r0
	 * (Linux 6.18.y, observed) ---- */
	{ "link by += 4 bounds the source", SK, PROG(
		KTIME, BV_MOV64_REG(1, 0), BV_ALU64_IMM(BV_ADD, 1, 4),
		BV_JMP_IMM(BV_JGT, 1, 10, 4),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16),
		BV_ALU64_REG(BV_ADD, 2, 0), BV_ST_MEM(BV_B, 2, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "link by += -4 bounds the source", SK, PROG(
		KTIME, BV_MOV64_REG(1, 0), BV_ALU64_IMM(BV_ADD, 1, -4),
		BV_JMP_IMM(BV_JGT, 1, 10, 4),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16),
		BV_ALU64_REG(BV_ADD, 2, 0), BV_ST_MEM(BV_B, 2, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "link by -= 4 bounds the source", SK, PROG(
		KTIME, BV_MOV64_REG(1, 0), BV_ALU64_IMM(BV_SUB, 1, 4),
		BV_JMP_IMM(BV_JGT, 1, 10, 4),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16),
		BV_ALU64_REG(BV_ADD, 2, 0), BV_ST_MEM(BV_B, 2, 0, 0), RET0),
	  BV_ACCEPT, NULL, -1 },
	{ "link by += 4, older kernel: no link", SK, PROG(
		KTIME, BV_MOV64_REG(1, 0), BV_ALU64_IMM(BV_ADD, 1, 4),
		BV_JMP_IMM(BV_JGT, 1, 10, 4),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16),
		BV_ALU64_REG(BV_ADD, 2, 0), BV_ST_MEM(BV_B, 2, 0, 0), RET0),
	  BV_REJECT, "math between fp pointer and register with unbounded min value is not allowed", 6,
	  .without = BV_FEAT_BIT(BV_FEAT_LINKED_ADD_CONST) },
	{ "a second += breaks the link", SK, PROG(
		KTIME, BV_MOV64_REG(1, 0), BV_ALU64_IMM(BV_ADD, 1, 4),
		BV_ALU64_IMM(BV_ADD, 1, 1),
		BV_JMP_IMM(BV_JGT, 1, 10, 4),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16),
		BV_ALU64_REG(BV_ADD, 2, 0), BV_ST_MEM(BV_B, 2, 0, 0), RET0),
	  BV_REJECT, "math between fp pointer and register with unbounded min value is not allowed", 7 },
	{ "32-bit link zero-extends", SK, PROG(
		KTIME, BV_ALU64_IMM(BV_AND, 0, 0xffff), BV_MOV64_REG(1, 0),
		BV_ALU32_IMM(BV_ADD, 1, -4),
		BV_JMP32_IMM(BV_JLT, 1, 10, 4),
		BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16),
		BV_ALU64_REG(BV_ADD, 2, 0), BV_ST_MEM(BV_B, 2, 0, 0), RET0),
	  BV_REJECT, "invalid variable-offset write to stack R2 var_off=(0x0; 0xffff) off=-16 size=1", 8 },

	/* ---- register checks ---- */
	{ "reading an uninitialised register", SK, PROG(
		BV_ALU64_IMM(BV_ADD, 4, 1), RET0),
	  BV_REJECT, "R4 !read_ok", 0 },
	{ "writing the frame pointer", SK, PROG(
		BV_ALU64_IMM(BV_ADD, 10, -8), RET0),
	  BV_REJECT, "frame pointer is read only", 0 },
	{ "helper call clobbers R1-R5", SK, PROG(
		KTIME, BV_MOV64_REG(0, 1), BV_EXIT_INSN()),
	  BV_REJECT, "R1 !read_ok", 1 },
};

/* The level-2 log of a program, compared with the kernel's (observed on
 * 6.18.44 as root, without its "func#0 @0" and "Live regs" header). */
static void expect_log(const char *name, const struct bv_insn *insns, uint32_t cnt,
		       const char *want, uint32_t processed)
{
	struct bvt_facade tf;
	struct bv_result r;
	bool ok;

	bvt_facade_init(&tf, SK);
	r = run_log(insns, cnt, &tf.f, BV_LOG_LEVEL2);
	ok = r.verdict == BV_ACCEPT && r.insns_processed == processed &&
	     bvt_last_log.text && strcmp(bvt_last_log.text, want) == 0;
	if (!ok)
		fprintf(stderr, "want log:\n%s", want);
	expect_true(name, ok, &r);
}

/* 6.18 splits the path before AND/OR of a constant when the low half of
 * dst is 0 or -1 (`r0 s>>= 63`): the queued path runs the instruction
 * again with 0 ("from 2 to 2"). */
static void test_mask_split(void)
{
	static const struct bv_insn and64[] = {
		KTIME,
		BV_ALU64_IMM(BV_ARSH, 0, 63),
		BV_ALU64_IMM(BV_AND, 0, 5),
		BV_EXIT_INSN(),
	};
	static const struct bv_insn or32[] = {
		KTIME,
		BV_ALU32_IMM(BV_ARSH, 0, 31),
		BV_ALU32_IMM(BV_OR, 0, 5),
		BV_EXIT_INSN(),
	};
	static const struct bv_insn and_reg[] = {
		KTIME,
		BV_ALU64_IMM(BV_ARSH, 0, 63),
		BV_MOV64_IMM(1, 7),
		BV_ALU64_REG(BV_AND, 0, 1),
		BV_EXIT_INSN(),
	};

	expect_log("split: r0 s>>= 63; r0 &= 5", and64, BVT_LEN(and64),
		"0: R1=ctx() R10=fp0\n"
		"0: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"1: (c7) r0 s>>= 63                    ; R0=scalar(smin=smin32=-1,smax=smax32=0)\n"
		"2: (57) r0 &= 5                       ; R0=5\n"
		"3: (95) exit\n"
		"\n"
		"from 2 to 2: R0=0 R10=fp0\n"
		"2: R0=0 R10=fp0\n"
		"2: (57) r0 &= 5                       ; R0=0\n"
		"3: (95) exit\n"
		"processed 6 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
		6);
	expect_log("split: w0 s>>= 31; w0 |= 5", or32, BVT_LEN(or32),
		"0: R1=ctx() R10=fp0\n"
		"0: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"1: (c4) w0 s>>= 31                    ; R0=scalar(smin=0,smax=umax=0xffffffff,smin32=-1,smax32=0,var_off=(0x0; 0xffffffff))\n"
		"2: (44) w0 |= 5                       ; R0=0xffffffff\n"
		"3: (95) exit\n"
		"\n"
		"from 2 to 2: R0=0 R10=fp0\n"
		"2: R0=0 R10=fp0\n"
		"2: (44) w0 |= 5                       ; R0=5\n"
		"3: (95) exit\n"
		"processed 6 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
		6);
	expect_log("split: r0 &= r1 (constant register)", and_reg, BVT_LEN(and_reg),
		"0: R1=ctx() R10=fp0\n"
		"0: (85) call bpf_ktime_get_ns#5       ; R0=scalar()\n"
		"1: (c7) r0 s>>= 63                    ; R0=scalar(smin=smin32=-1,smax=smax32=0)\n"
		"2: (b7) r1 = 7                        ; R1=7\n"
		"3: (5f) r0 &= r1                      ; R0=7 R1=7\n"
		"4: (95) exit\n"
		"\n"
		"from 3 to 3: R0=0 R1=7 R10=fp0\n"
		"3: R0=0 R1=7 R10=fp0\n"
		"3: (5f) r0 &= r1                      ; R0=0 R1=7\n"
		"4: (95) exit\n"
		"processed 7 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
		7);
}

int main(void)
{
	size_t i;

	test_mask_split();

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct acase *c = &cases[i];
		struct bvt_facade tf;
		struct bv_result r;

		bvt_facade_init(&tf, c->prog_type);
		if (c->unpriv)
			tf.f.allow_ptr_leaks = false;
		tf.f.features &= ~c->without;
		r = run(c->insns, c->cnt, &tf.f);
		expect(c->name, &r, c->verdict, c->msg, c->insn);
	}
	return bvt_summary();
}
