/* test_verify.c — whole-program verdicts of the core against the test
 * facade: the six mistakes of test/mistakes (in the instructions clang-19
 * emits for them, see `llvm-objdump-19 -d`) with the messages Linux 6.18
 * prints (test/mistakes/RESULTS.md), their fixed versions, and the path
 * walk's own behaviour: pruning, loops, limits, NULL-check propagation,
 * calls between subprograms.
 */
#include "fixture.h"

/* One case per record. `processed` -1: not checked. */
struct vcase {
	const char *name;
	uint32_t prog_type;
	const struct bv_insn *insns;
	uint32_t cnt;
	enum bv_verdict verdict;
	const char *msg;
	int32_t insn;
	int32_t processed;
	void (*setup)(struct bvt_facade *tf);
};

#define PROG(...) \
	.insns = (const struct bv_insn[]){ __VA_ARGS__ }, \
	.cnt = sizeof((const struct bv_insn[]){ __VA_ARGS__ }) / sizeof(struct bv_insn)

#define R0 0
#define R1 1
#define R2 2
#define R3 3
#define R4 4
#define R6 6
#define R7 7
#define FP 10

static void hist_value_128(struct bvt_facade *tf)
{
	tf->maps[BVT_MAP_ARRAY].value_size = 128;   /* 16 u64 buckets */
}

static const struct bv_func_desc global_funcs[] = {
	{ .insn_off = 0, .name = "main", .global = true },
	{ .insn_off = 2, .name = "helper_fn", .global = true },
};

static void with_global_func(struct bvt_facade *tf)
{
	tf->f.funcs = global_funcs;
	tf->f.nr_funcs = 2;
}

static void no_leaks(struct bvt_facade *tf)
{
	tf->f.allow_ptr_leaks = false;
}

/* 30 diamonds: each calls a helper and branches on its result, both arms
 * join; r0 is dead at the join (the next call overwrites it), so the
 * second arm is pruned there. */
#define DIAMOND \
	BV_CALL_HELPER(BVT_FN_ktime_get_ns), \
	BV_JMP_IMM(BV_JGT, R0, 10, 1), \
	BV_MOV64_IMM(R7, 1)
#define DIAMOND5 DIAMOND, DIAMOND, DIAMOND, DIAMOND, DIAMOND
#define DIAMOND30 DIAMOND5, DIAMOND5, DIAMOND5, DIAMOND5, DIAMOND5, DIAMOND5

static const struct vcase cases[] = {
	/* ---- test/mistakes, as clang-19 compiles them ---- */
	{ "null_check.bad", BV_PROG_TYPE_TRACEPOINT, PROG(
		BV_CALL_HELPER(BVT_FN_get_current_pid_tgid),
		BV_ALU64_IMM(BV_RSH, R0, 32),
		BV_STX_MEM(BV_W, FP, R0, -4),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_MOV64_IMM(R1, 1),
		BV_ATOMIC_OP(BV_DW, BV_ADD, R0, R1, 0),   /* no NULL check */
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "R0 invalid mem access 'map_value_or_null'", 9, 9 },
	{ "null_check.good", BV_PROG_TYPE_TRACEPOINT, PROG(
		BV_CALL_HELPER(BVT_FN_get_current_pid_tgid),
		BV_ALU64_IMM(BV_RSH, R0, 32),
		BV_STX_MEM(BV_W, FP, R0, -4),
		BV_MOV64_IMM(R6, 1),
		BV_STX_MEM(BV_DW, FP, R6, -16),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_JMP_IMM(BV_JNE, R0, 0, 9),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_MOV64_REG(R3, FP),
		BV_ALU64_IMM(BV_ADD, R3, -16),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_MOV64_IMM(R4, 1),
		BV_CALL_HELPER(BVT_FN_map_update_elem),
		BV_JMP_A(1),
		BV_ATOMIC_OP(BV_DW, BV_ADD, R0, R6, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, 23 },
	{ "xdp_no_bounds.bad", BV_PROG_TYPE_XDP, PROG(
		BV_LDX_MEM(BV_W, R1, R1, 0),              /* ctx->data */
		BV_LDX_MEM(BV_H, R1, R1, 12),             /* eth->h_proto, unchecked */
		BV_MOV64_IMM(R0, 1),
		BV_JMP_IMM(BV_JEQ, R1, 0xdd86, 1),
		BV_MOV64_IMM(R0, 2),
		BV_EXIT_INSN()),
	  BV_REJECT, "invalid access to packet, off=12 size=2, R1(id=0,off=12,r=0)", 1, 2 },
	{ "xdp_no_bounds.good", BV_PROG_TYPE_XDP, PROG(
		BV_MOV64_IMM(R0, 2),
		BV_LDX_MEM(BV_W, R2, R1, 4),              /* data_end */
		BV_LDX_MEM(BV_W, R1, R1, 0),              /* data */
		BV_MOV64_REG(R3, R1),
		BV_ALU64_IMM(BV_ADD, R3, 14),
		BV_JMP_REG(BV_JGT, R3, R2, 4),            /* data + 14 > data_end */
		BV_LDX_MEM(BV_H, R1, R1, 12),
		BV_MOV64_IMM(R0, 1),
		BV_JMP_IMM(BV_JEQ, R1, 0xdd86, 1),
		BV_MOV64_IMM(R0, 2),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, 13 },
	{ "skb_ro_write.bad", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_LDX_MEM(BV_W, R2, R1, 16),             /* skb->protocol */
		BV_JMP_IMM(BV_JNE, R2, 8, 3),
		BV_LDX_MEM(BV_W, R0, R1, 0),              /* skb->len */
		BV_JMP_IMM(BV_JGT, R0, 127, 1),
		BV_STX_MEM(BV_W, R1, R0, 8),              /* skb->mark: read-only here */
		BV_EXIT_INSN()),
	  BV_REJECT, "invalid bpf_context access off=8 size=4", 5, 6 },
	{ "skb_ro_write.good", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_LDX_MEM(BV_W, R2, R1, 16),
		BV_JMP_IMM(BV_JNE, R2, 8, 3),
		BV_LDX_MEM(BV_W, R0, R1, 0),
		BV_JMP_IMM(BV_JGT, R0, 127, 1),
		BV_STX_MEM(BV_W, R1, R0, 48),             /* skb->cb[0] */
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, 9 },
	{ "uninit_reg.bad", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_REG(R0, R3),
		BV_EXIT_INSN()),
	  BV_REJECT, "R3 !read_ok", 0, 1 },
	{ "uninit_reg.good", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R1, 1),
		BV_MOV64_REG(R0, R1),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, 3 },
	/* value of 8 bytes (the hash map here), slot [1] written */
	{ "map_const_oob.bad", BV_PROG_TYPE_XDP, PROG(
		BV_MOV64_REG(R6, R1),
		BV_MOV64_IMM(R1, 0),
		BV_STX_MEM(BV_W, FP, R1, -4),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_JMP_IMM(BV_JEQ, R0, 0, 11),
		BV_LDX_MEM(BV_DW, R1, R0, 0),
		BV_ALU64_IMM(BV_ADD, R1, 1),
		BV_STX_MEM(BV_DW, R0, R1, 0),
		BV_LDX_MEM(BV_W, R1, R6, 0),
		BV_LDX_MEM(BV_W, R2, R6, 4),
		BV_ALU64_REG(BV_SUB, R2, R1),
		BV_ALU64_IMM(BV_LSH, R2, 32),
		BV_ALU64_IMM(BV_RSH, R2, 32),
		BV_LDX_MEM(BV_DW, R1, R0, 8),
		BV_ALU64_REG(BV_ADD, R1, R2),
		BV_STX_MEM(BV_DW, R0, R1, 8),
		BV_MOV64_IMM(R0, 2),
		BV_EXIT_INSN()),
	  BV_REJECT, "invalid access to map value, value_size=8 off=8 size=8", 17, 17 },
	/* the same code on a value with room for both slots (the array map) */
	{ "map_const_oob.good", BV_PROG_TYPE_XDP, PROG(
		BV_MOV64_REG(R6, R1),
		BV_MOV64_IMM(R1, 0),
		BV_STX_MEM(BV_W, FP, R1, -4),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_ARRAY),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_JMP_IMM(BV_JEQ, R0, 0, 11),
		BV_LDX_MEM(BV_DW, R1, R0, 0),
		BV_ALU64_IMM(BV_ADD, R1, 1),
		BV_STX_MEM(BV_DW, R0, R1, 0),
		BV_LDX_MEM(BV_W, R1, R6, 0),
		BV_LDX_MEM(BV_W, R2, R6, 4),
		BV_ALU64_REG(BV_SUB, R2, R1),
		BV_ALU64_IMM(BV_LSH, R2, 32),
		BV_ALU64_IMM(BV_RSH, R2, 32),
		BV_LDX_MEM(BV_DW, R1, R0, 8),
		BV_ALU64_REG(BV_ADD, R1, R2),
		BV_STX_MEM(BV_DW, R0, R1, 8),
		BV_MOV64_IMM(R0, 2),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -1 },
	{ "map_var_index.bad", BV_PROG_TYPE_TRACEPOINT, PROG(
		BV_LDX_MEM(BV_DW, R6, R1, 32),            /* ctx->args[2] */
		BV_MOV64_IMM(R1, 0),
		BV_STX_MEM(BV_W, FP, R1, -4),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_ARRAY),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_JMP_IMM(BV_JEQ, R0, 0, 7),
		BV_ALU64_IMM(BV_RSH, R6, 7),
		BV_LD_IMM64(R1, 0x1fffffffffffff8ull),
		BV_ALU64_REG(BV_AND, R6, R1),
		BV_ALU64_REG(BV_ADD, R0, R6),             /* unbounded index */
		BV_MOV64_IMM(R1, 1),
		BV_ATOMIC_OP(BV_DW, BV_ADD, R0, R1, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "R0 unbounded memory access, make sure to bounds check any such access",
	  15, 14, hist_value_128 },
	{ "map_var_index.good", BV_PROG_TYPE_TRACEPOINT, PROG(
		BV_LDX_MEM(BV_DW, R6, R1, 32),
		BV_MOV64_IMM(R1, 0),
		BV_STX_MEM(BV_W, FP, R1, -4),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_ARRAY),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_JMP_IMM(BV_JEQ, R0, 0, 8),
		BV_ALU64_IMM(BV_RSH, R6, 10),
		BV_MOV64_IMM(R1, 15),
		BV_JMP_REG(BV_JGT, R1, R6, 1),            /* if (slot > 15) slot = 15 */
		BV_MOV64_IMM(R6, 15),
		BV_ALU64_IMM(BV_LSH, R6, 3),
		BV_ALU64_REG(BV_ADD, R0, R6),
		BV_MOV64_IMM(R1, 1),
		BV_ATOMIC_OP(BV_DW, BV_ADD, R0, R1, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -1, hist_value_128 },

	/* ---- the path walk ---- */
	{ "pruning: 30 diamonds", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		DIAMOND30,
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -2 /* checked below: a few hundred */ },
	{ "bounded loop to 10", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_ALU64_IMM(BV_ADD, R0, 1),
		BV_JMP_IMM(BV_JLT, R0, 10, -2),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -1 },
	/* observed on 6.18: processed 9, the state kept at the 8th */
	{ "infinite loop", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_CALL_HELPER(BVT_FN_ktime_get_ns),
		BV_JMP_IMM(BV_JEQ, R0, 0, 1),
		BV_EXIT_INSN(),
		BV_JMP_A(-1)),
	  BV_REJECT, "infinite loop detected at insn 3", 3, 9 },
	{ "loop without exit hits the insn limit", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_ALU64_IMM(BV_ADD, R0, 1),
		BV_JMP_IMM(BV_JNE, R0, 0, -2),
		BV_EXIT_INSN()),
	  BV_REJECT, "BPF program is too large. Processed 1000001 insn", -2, 1000001 },
	{ "uninitialised R0 at exit", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_EXIT_INSN()),
	  BV_REJECT, "R0 !read_ok", 0, 1 },
	{ "frame pointer is read only", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(FP, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "frame pointer is read only", 0, 1 },

	/* ---- NULL checks reach every copy ---- */
	{ "null check covers a register copy", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_ST_MEM(BV_W, FP, -4, 0),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_MOV64_REG(R6, R0),                     /* copy, same id */
		BV_JMP_IMM(BV_JEQ, R0, 0, 1),
		BV_LDX_MEM(BV_DW, R0, R6, 0),             /* through the copy */
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -1 },
	{ "null check covers a spilled copy", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_ST_MEM(BV_W, FP, -4, 0),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_STX_MEM(BV_DW, FP, R0, -16),           /* spill */
		BV_JMP_IMM(BV_JEQ, R0, 0, 2),
		BV_LDX_MEM(BV_DW, R3, FP, -16),           /* fill */
		BV_LDX_MEM(BV_DW, R0, R3, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -1 },
	{ "null edge makes the copy a scalar 0", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_ST_MEM(BV_W, FP, -4, 0),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_MOV64_REG(R6, R0),
		BV_JMP_IMM(BV_JNE, R0, 0, 1),
		BV_LDX_MEM(BV_DW, R0, R6, 0),             /* R6 is NULL here */
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "R6 invalid mem access 'scalar'", 8, -1 },
	{ "copy made before the check, used unchecked", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_ST_MEM(BV_W, FP, -4, 0),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -4),
		BV_LD_MAP_FD(R1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_MOV64_REG(R6, R0),
		BV_LDX_MEM(BV_DW, R0, R6, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "R6 invalid mem access 'map_value_or_null'", 7, -1 },

	/* ---- calls between subprograms ---- */
	{ "pseudo call returns R0, keeps R6", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R6, 7),
		BV_MOV64_IMM(R1, 1),
		BV_CALL_REL(3),
		BV_ALU64_REG(BV_ADD, R0, R6),
		BV_ALU64_REG(BV_ADD, R0, R1),            /* R1 clobbered by the call */
		BV_EXIT_INSN(),
		BV_MOV64_REG(R0, R1),
		BV_EXIT_INSN()),
	  BV_REJECT, "R1 !read_ok", 4, -1 },
	{ "pseudo call fine", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R6, 7),
		BV_MOV64_IMM(R1, 1),
		BV_CALL_REL(2),
		BV_ALU64_REG(BV_ADD, R0, R6),
		BV_EXIT_INSN(),
		BV_MOV64_REG(R0, R1),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, 7 },
	{ "callee returns a stack pointer", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_CALL_REL(2),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN(),
		BV_MOV64_REG(R0, FP),
		BV_EXIT_INSN()),
	  BV_REJECT, "cannot return stack pointer to the caller", 4, -1 },
	/* observed on 6.18: the stack sizes of a call chain add up */
	{ "combined stack of two frames", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_ST_MEM(BV_DW, FP, -304, 0),
		BV_CALL_REL(2),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN(),
		BV_ST_MEM(BV_DW, FP, -304, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "combined stack size of 2 calls is 608. Too large", -1, 7 },
	/* observed on 6.18: main plus 8 nested calls */
	{ "call stack too deep", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_CALL_REL(1), BV_EXIT_INSN(),
		BV_MOV64_IMM(R0, 0), BV_EXIT_INSN()),
	  BV_REJECT, "the call stack of 9 frames is too deep", 14, 8 },
	/* observed on 6.18: a callee writes through a pointer to its
	 * caller's stack; the caller then reads it back */
	{ "callee writes its caller's stack", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R1, 0),
		BV_STX_MEM(BV_DW, FP, R1, -8),
		BV_MOV64_REG(R1, FP),
		BV_ALU64_IMM(BV_ADD, R1, -8),
		BV_CALL_REL(2),
		BV_LDX_MEM(BV_DW, R0, FP, -8),
		BV_EXIT_INSN(),
		BV_ST_MEM(BV_DW, R1, 0, 5),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, 10 },
	/* ---- not modelled yet: an error, never an accept ---- */
	{ "kfunc call", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_RAW(BV_JMP | BV_CALL, 0, BV_PSEUDO_KFUNC_CALL, 0, 1234),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ERROR, NULL, -2, -1 },
	{ "call to a global function", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_CALL_REL(1),
		BV_EXIT_INSN(),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_ERROR, NULL, -2, -1, with_global_func },
	/* ---- may_goto and callback addresses (callback.c) ---- */
	{ "may_goto +0", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_RAW(BV_JMP | BV_JCOND, 0, 0, 0, 0),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "invalid may_goto off 0 imm 0", 0, -1 },
	/* r0 counts the iterations: widened at the second visit of the
	 * may_goto, the third state there is pruned by the second */
	{ "may_goto loop converges", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_RAW(BV_JMP | BV_JCOND, 0, 0, 2, 0),
		BV_ALU64_IMM(BV_ADD, R0, 1),
		BV_JMP_A(-3),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -2 },
	/* the counter decides a branch: kept exact (not widened), the loop
	 * runs on until the pointer it moves leaves the 8-byte slot */
	{ "may_goto precise counter", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_ST_MEM(BV_DW, FP, -8, 0),
		BV_MOV64_IMM(R1, 0),
		BV_MOV64_REG(R2, FP),
		BV_ALU64_IMM(BV_ADD, R2, -8),
		BV_RAW(BV_JMP | BV_JCOND, 0, 0, 5, 0),
		BV_JMP_IMM(BV_JEQ, R1, 9, 4),
		BV_ST_MEM(BV_B, R2, 0, 1),
		BV_ALU64_IMM(BV_ADD, R1, 1),
		BV_ALU64_IMM(BV_ADD, R2, 1),
		BV_JMP_A(-6),
		BV_MOV64_IMM(R0, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "invalid write to stack R2 off=0 size=1", 6, -1 },
	{ "privileged pointer comparison", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_JMP_REG(BV_JEQ, R1, FP, 0),
		BV_EXIT_INSN()),
	  BV_ACCEPT, "", -1, -1 },
	{ "unprivileged pointer comparison", BV_PROG_TYPE_SOCKET_FILTER, PROG(
		BV_MOV64_IMM(R0, 0),
		BV_JMP_REG(BV_JEQ, R1, FP, 0),
		BV_EXIT_INSN()),
	  BV_REJECT, "R10 pointer comparison prohibited", 1, -1, no_leaks },
};

static void run_case(const struct vcase *c)
{
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, c->prog_type);
	if (c->setup)
		c->setup(&tf);
	r = run(c->insns, c->cnt, &tf.f);
	if (!expect(c->name, &r, c->verdict, c->verdict == BV_ACCEPT ? NULL : c->msg,
		    c->insn))
		return;
	if (c->processed >= 0) {
		char name[160];

		snprintf(name, sizeof(name), "%s: processed %d (got %u)", c->name,
			 c->processed, r.insns_processed);
		expect_true(name, r.insns_processed == (uint32_t)c->processed, &r);
	} else if (c->processed == -2) {
		char name[160];

		snprintf(name, sizeof(name), "%s: processed %u < 400", c->name,
			 r.insns_processed);
		expect_true(name, r.insns_processed < 400, &r);
	}
}

/* The level-1 log of a rejection ends with the kernel's lines. */
static void test_log(void)
{
	static const struct bv_insn p[] = { BV_MOV64_REG(R0, R3), BV_EXIT_INSN() };
	struct bvt_facade tf;
	struct bv_result r;
	const char *want = "0: R1=ctx() R10=fp0\n0: (bf) r0 = r3\nR3 !read_ok\n"
			   "processed 1 insns (limit 1000000) max_states_per_insn 0 "
			   "total_states 0 peak_states 0 mark_read 0\n";

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run_log(p, BVT_LEN(p), &tf.f, 1);
	expect_true("log of uninit_reg.bad", bvt_last_log.text &&
		    strcmp(bvt_last_log.text, want) == 0, &r);

	static const struct bv_insn ok[] = { BV_MOV64_IMM(R0, 0), BV_EXIT_INSN() };
	r = run_log(ok, BVT_LEN(ok), &tf.f, 1);
	expect_true("log of an accepted program is the statistics only",
		    bvt_last_log.text && strcmp(bvt_last_log.text,
		    "processed 2 insns (limit 1000000) max_states_per_insn 0 "
		    "total_states 0 peak_states 0 mark_read 0\n") == 0, &r);
}

/* Observed on 6.18: 8193 undecided branches pending at once. */
static void test_too_many_branches(void)
{
	enum { N = 8300 };
	static struct bv_insn p[N + 3];
	struct bvt_facade tf;
	struct bv_result r;
	uint32_t i;

	p[0] = (struct bv_insn)BV_CALL_HELPER(BVT_FN_ktime_get_ns);
	for (i = 1; i <= N; i++)
		p[i] = (struct bv_insn)BV_JMP_IMM(BV_JEQ, R0, (int32_t)i, 0);
	p[N + 1] = (struct bv_insn)BV_MOV64_IMM(R0, 0);
	p[N + 2] = (struct bv_insn)BV_EXIT_INSN();
	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run(p, N + 3, &tf.f);
	if (expect("8193 pending branches", &r, BV_REJECT,
		   "The sequence of 8193 jumps is too complex.", 8193))
		expect_true("8193 pending branches: processed 8194, 1024 states",
			    r.insns_processed == 8194 && r.total_states == 1024, &r);
}

/* Never crash on unusable arguments. */
static void test_args(void)
{
	struct bvt_facade tf;
	struct bv_result r;
	struct bv_prog prog = { 0 };
	static const struct bv_insn p[] = { BV_MOV64_IMM(R0, 0), BV_EXIT_INSN() };

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	expect_true("NULL result", bv_verify(&prog, &tf.f, NULL, NULL) == -EINVAL, NULL);
	bv_verify(NULL, &tf.f, NULL, &r);
	expect("NULL program", &r, BV_ERROR, NULL, -1);
	prog.insns = p;
	prog.insn_cnt = 2;
	bv_verify(&prog, NULL, NULL, &r);
	expect("NULL facade", &r, BV_ERROR, NULL, -1);
	tf.f.sz = 8;
	bv_verify(&prog, &tf.f, NULL, &r);
	expect("facade too small", &r, BV_ERROR, NULL, -1);
	tf.f.sz = sizeof(tf.f);
	prog.insn_cnt = 0;
	bv_verify(&prog, &tf.f, NULL, &r);
	expect("empty program", &r, BV_REJECT, NULL, -1);
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	test_log();
	test_too_many_branches();
	test_args();
	return bvt_summary();
}
