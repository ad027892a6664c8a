/* test_call.c — helper calls and program exit against the test facade:
 * prototype lookup results, argument kinds (map pointer, key, value,
 * memory and size pairs, ring buffer records, release arguments), return
 * values and references, and the checks at BPF_EXIT. Each rejecting case
 * sits next to an accepted one; messages are the Linux 6.18 verifier's,
 * as observed on the live kernel.
 */
#include "fixture.h"

#define T(name, ptype, setup, want, msg, at, ...) do {                  \
		struct bv_insn p_[] = { __VA_ARGS__ };                    \
		struct bvt_facade tf;                                     \
		struct bv_result r_;                                      \
		bvt_facade_init(&tf, ptype);                              \
		tf.f.helper = more_helpers;                               \
		setup(&tf);                                               \
		r_ = run(p_, BVT_LEN(p_), &tf.f);                         \
		check(name, &r_, want, msg, at);                          \
		last = r_;                                                \
	} while (0)

static struct bv_result last;

/* Unprivileged pointer arithmetic is not modelled by alu.c yet: such a
 * case is reported as skipped (not passed) until it is. */
static void check(const char *name, const struct bv_result *r, enum bv_verdict want,
		  const char *msg, int32_t at)
{
	if (r->verdict == BV_ERROR && strstr(r->message, "for unprivileged loaders")) {
		printf("SKIP %s (%s)\n", name, r->message);
		return;
	}
	expect(name, r, want, msg, at);
}

/* A few more of the kernel's prototypes than the fixture has. */
static const struct bv_helper_proto extra[] = {
	{ .name = "bpf_trace_printk", .func_id = 6, .gpl_only = 1,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY, BV_ARG_CONST_SIZE } },
	{ .name = "bpf_probe_read_kernel", .func_id = 113, .gpl_only = 1,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE,
			BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING } },
	{ .name = "bpf_probe_read_kernel_str", .func_id = 115, .gpl_only = 1,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE,
			BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING } },
	{ .name = "bpf_skb_pull_data", .func_id = 39, .changes_pkt_data = 1,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING } },
	{ .name = "bpf_ringbuf_discard", .func_id = 133,
	  .ret_type = BV_RET_VOID,
	  .arg_type = { BV_ARG_PTR_TO_RINGBUF_MEM | BV_OBJ_RELEASE, BV_ARG_ANYTHING } },
	{ .name = "bpf_tail_call", .func_id = 12,
	  .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING } },
	{ .name = "bpf_loop", .func_id = 181, .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_ANYTHING, BV_ARG_PTR_TO_FUNC,
			BV_ARG_PTR_TO_STACK | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING } },
	{ .name = "bpf_get_prandom_u32", .func_id = 7, .ret_type = BV_RET_INTEGER },
	{ .name = "bpf_strtol", .func_id = 105, .ret_type = BV_RET_INTEGER,
	  .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY, BV_ARG_CONST_SIZE, BV_ARG_ANYTHING,
			BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE | BV_MEM_UNINIT | BV_MEM_WRITE |
				BV_MEM_ALIGNED },
	  .arg_size = { 0, 0, 0, 8 } },
};

static int more_helpers(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	size_t i;

	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		if (extra[i].func_id != func_id)
			continue;
		*proto = &extra[i];
		/* bpf_get_prandom_u32: known, but not modelled by this facade. */
		return func_id == 7 ? -EOPNOTSUPP : 0;
	}
	return bvt_helper(ctx, func_id, proto);
}

static void none(struct bvt_facade *tf) { (void)tf; }

static void unpriv(struct bvt_facade *tf)
{
	tf->f.bpf_capable = false;
	tf->f.perfmon_capable = false;
	tf->f.allow_ptr_leaks = false;
}

static void ret01(struct bvt_facade *tf)
{
	tf->ret = (struct bv_retval_range){ .minval = 0, .maxval = 1, .enforce = true };
}

/* [0, 1] checked by tnum, worded tnum-style (6.1's verifier). */
static void ret01_tnum(struct bvt_facade *tf)
{
	ret01(tf);
	tf->f.features &= ~(BV_FEAT_BIT(BV_FEAT_RETVAL_BOUNDS) |
			    BV_FEAT_BIT(BV_FEAT_TNUM_CONST_NUMBER));
}

/* [0, 1], and a narrow fill reads an unknown scalar (6.1). */
static void ret01_no_narrow_fill(struct bvt_facade *tf)
{
	ret01(tf);
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_NARROW_FILL);
}

/* [0, 1], and jumps between two registers teach nothing (6.1). */
static void ret01_no_reg_reg(struct bvt_facade *tf)
{
	ret01(tf);
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_REG_REG_BOUNDS);
}

static void non_gpl(struct bvt_facade *tf)
{
	tf->f.gpl_compatible = false;
}

/* A kernel that treats every array lookup as maybe NULL (6.1's). */
static void no_const_key_nonnull(struct bvt_facade *tf)
{
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_CONST_KEY_NONNULL);
}

/* A kernel whose helpers may not read unwritten stack, worded as
 * "indirect" accesses (6.1's). */
static void old_stack(struct bvt_facade *tf)
{
	tf->f.features &= ~(BV_FEAT_BIT(BV_FEAT_UNINIT_STACK_READ) |
			    BV_FEAT_BIT(BV_FEAT_STACK_HELPER_RW_MSG));
}

/* 6.1's wordings of zero sizes and ring buffer records. */
static void old_names(struct bvt_facade *tf)
{
	tf->f.features &= ~(BV_FEAT_BIT(BV_FEAT_ZERO_SIZE_MSG_BOUNDS) |
			    BV_FEAT_BIT(BV_FEAT_RINGBUF_MEM_NAME));
}

/* A kernel whose verifier says "unknown func" for a helper the program
 * type may not call (6.1's). */
static void no_prog_type_msg(struct bvt_facade *tf)
{
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_HELPER_PROG_TYPE_MSG);
}

static void ro_array(struct bvt_facade *tf)
{
	tf->maps[BVT_MAP_ARRAY].rdonly_prog = true;
}

static void str_range(struct bvt_facade *tf)
{
	tf->ret = (struct bv_retval_range){ .minval = -4095, .maxval = 16, .enforce = true };
}

static void str_range_short(struct bvt_facade *tf)
{
	tf->ret = (struct bv_retval_range){ .minval = -4095, .maxval = 15, .enforce = true };
}

/* The test kernel refuses hash maps in map_delete_elem. */
static int no_hash_delete(void *ctx, const struct bv_map_desc *m, int32_t func_id)
{
	(void)ctx;
	return m->type == BV_MAP_TYPE_HASH && func_id == BVT_FN_map_delete_elem ?
	       -EINVAL : 0;
}

static void picky_maps(struct bvt_facade *tf)
{
	tf->f.map_helper_compatible = no_hash_delete;
}

static bool note_is(const struct bv_result *r, const char *text)
{
	return r->nr_notes > 0 && strcmp(r->notes[0].text, text) == 0;
}

#define MEM_TYPES "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_"

/* r0 = ringbuf_reserve(rb, 8, 0): instructions 0..4. */
#define RESERVE8                                       \
	BV_LD_MAP_FD(1, BVT_MAP_RINGBUF),              \
	BV_MOV64_IMM(2, 8),                            \
	BV_MOV64_IMM(3, 0),                            \
	BV_CALL_HELPER(BVT_FN_ringbuf_reserve)

static void lookup(void)
{
	T("call: unknown helper", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid func unknown#999", 0,
	  BV_CALL_HELPER(BVT_FN_UNKNOWN), BV_EXIT_INSN());
	T("call: helper not for this program type", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "program of this type cannot use helper bpf_get_current_comm#16", 0,
	  BV_CALL_HELPER(BVT_FN_get_current_comm), BV_EXIT_INSN());
	T("call: helper not for this program type, older wording", BV_PROG_TYPE_SOCKET_FILTER,
	  no_prog_type_msg, BV_REJECT, "unknown func bpf_get_current_comm#16", 0,
	  BV_CALL_HELPER(BVT_FN_get_current_comm), BV_EXIT_INSN());
	T("call: unknown helper, older wording", BV_PROG_TYPE_SOCKET_FILTER, no_prog_type_msg,
	  BV_REJECT, "invalid func unknown#999", 0,
	  BV_CALL_HELPER(BVT_FN_UNKNOWN), BV_EXIT_INSN());
	T("call: helper without a modelled prototype", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ERROR, NULL, 0,
	  BV_CALL_HELPER(7), BV_EXIT_INSN());
	/* bpf_strtol(buf, 4, 0, &res): res is a naturally aligned long
	 * (MEM_ALIGNED, all three kernels). */
#define STRTOL_CALL(res_off)                                                   \
	BV_ST_MEM(BV_W, 10, -16, 0x313233), BV_MOV64_REG(1, 10),              \
	BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 4), BV_MOV64_IMM(3, 0), \
	BV_MOV64_REG(4, 10), BV_ALU64_IMM(BV_ADD, 4, res_off),                \
	BV_CALL_HELPER(105), BV_EXIT_INSN()
	T("call: strtol result aligned", BV_PROG_TYPE_KPROBE, none, BV_ACCEPT, NULL, -1,
	  STRTOL_CALL(-8));
	T("call: strtol result misaligned", BV_PROG_TYPE_KPROBE, none, BV_REJECT,
	  "misaligned stack access off 0+-12+0 size 8", 7, STRTOL_CALL(-12));
#undef STRTOL_CALL
	T("call: helper with no arguments", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_EXIT_INSN());
	T("call: GPL-only helper from a non-GPL program", BV_PROG_TYPE_KPROBE, non_gpl,
	  BV_REJECT, "cannot call GPL-restricted function from non-GPL compatible program", 4,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -8),
	  BV_MOV64_IMM(2, 8), BV_CALL_HELPER(6), BV_EXIT_INSN());
	T("call: GPL-only helper from a GPL program", BV_PROG_TYPE_KPROBE, none,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -8),
	  BV_MOV64_IMM(2, 8), BV_CALL_HELPER(6), BV_EXIT_INSN());
	T("call: tail call through a hash map", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "expected prog array map for tail call", 3,
	  BV_LD_MAP_FD(2, BVT_MAP_HASH), BV_MOV64_IMM(3, 0), BV_CALL_HELPER(12),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
}

static void maps(void)
{
	T("call: arguments clobbered", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 !read_ok", 1,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(0, 1), BV_EXIT_INSN());
	T("call: uninitialised map argument", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 !read_ok", 3,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_EXIT_INSN());
	T("call: scalar as map key", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R2 type=scalar expected=" MEM_TYPES, 3,
	  BV_MOV64_IMM(2, 0), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: context as map pointer", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 type=ctx expected=map_ptr", 2,
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: uninitialised key (priv)", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: uninitialised key, older kernel (priv)", BV_PROG_TYPE_SOCKET_FILTER, old_stack,
	  BV_REJECT, "invalid indirect read from stack R2 off -16+0 size 4", 5,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -16), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: value runs past the stack, older kernel", BV_PROG_TYPE_SOCKET_FILTER, old_stack,
	  BV_REJECT, "invalid indirect access to stack R3 off=-4 size=8", 7,
	  BV_ST_MEM(BV_W, 10, -4, 0), BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
	  BV_MOV64_REG(3, 2), BV_LD_MAP_FD(1, BVT_MAP_HASH), BV_MOV64_IMM(4, 0),
	  BV_CALL_HELPER(BVT_FN_map_update_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: unwritten key bytes in the allocated stack, older kernel (priv)",
	  BV_PROG_TYPE_SOCKET_FILTER, old_stack, BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -8), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: partly initialised key (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "invalid read from stack R2 off -4+1 size 4", 5,
	  BV_ST_MEM(BV_B, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: initialised key (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: value runs past the stack", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid read from stack R3 off=-4 size=8", 7,
	  BV_ST_MEM(BV_W, 10, -4, 0), BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
	  BV_MOV64_REG(3, 2), BV_LD_MAP_FD(1, BVT_MAP_HASH), BV_MOV64_IMM(4, 0),
	  BV_CALL_HELPER(BVT_FN_map_update_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: update with key and value", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_DW, 10, -16, 0), BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
	  BV_MOV64_REG(3, 10), BV_ALU64_IMM(BV_ADD, 3, -16), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_MOV64_IMM(4, 0),
	  BV_CALL_HELPER(BVT_FN_map_update_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: update of a read-only map", BV_PROG_TYPE_SOCKET_FILTER, ro_array,
	  BV_REJECT, "write into map forbidden", 8,
	  BV_ST_MEM(BV_DW, 10, -72, 0), BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4),
	  BV_MOV64_REG(3, 10), BV_ALU64_IMM(BV_ADD, 3, -72), BV_LD_MAP_FD(1, BVT_MAP_ARRAY),
	  BV_MOV64_IMM(4, 0),
	  BV_CALL_HELPER(BVT_FN_map_update_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: map type refused by the helper", BV_PROG_TYPE_SOCKET_FILTER, picky_maps,
	  BV_REJECT, "cannot pass map_type 1 into func bpf_map_delete_elem#3", 5,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_HASH),
	  BV_CALL_HELPER(BVT_FN_map_delete_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: map type accepted by the helper", BV_PROG_TYPE_SOCKET_FILTER, picky_maps,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_ARRAY),
	  BV_CALL_HELPER(BVT_FN_map_delete_elem), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: array lookup with a constant key in range is not NULL",
	  BV_PROG_TYPE_SOCKET_FILTER, none, BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_ARRAY),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_LDX_MEM(BV_DW, 0, 0, 0),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: array lookup with a constant key, older kernel: maybe NULL",
	  BV_PROG_TYPE_SOCKET_FILTER, no_const_key_nonnull,
	  BV_REJECT, "R0 invalid mem access 'map_value_or_null'", 6,
	  BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -4), BV_LD_MAP_FD(1, BVT_MAP_ARRAY),
	  BV_CALL_HELPER(BVT_FN_map_lookup_elem), BV_LDX_MEM(BV_DW, 0, 0, 0),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: pointer as a plain argument (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "R3 leaks addr into helper function", 4,
	  BV_LD_MAP_FD(1, BVT_MAP_RINGBUF), BV_MOV64_IMM(2, 8), BV_MOV64_REG(3, 10),
	  BV_CALL_HELPER(BVT_FN_ringbuf_reserve), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: packet key for a helper that takes packets", BV_PROG_TYPE_XDP, none,
	  BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_W, 2, 1, 0), BV_LDX_MEM(BV_W, 3, 1, 4),
	  BV_MOV64_REG(4, 2), BV_ALU64_IMM(BV_ADD, 4, 4), BV_JMP_REG(BV_JGT, 4, 3, 3),
	  BV_LD_MAP_FD(1, BVT_MAP_HASH), BV_CALL_HELPER(BVT_FN_map_lookup_elem),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: packet memory for a helper that does not", BV_PROG_TYPE_XDP, none,
	  BV_REJECT, "helper access to the packet is not allowed", 7,
	  BV_LDX_MEM(BV_W, 2, 1, 0), BV_LDX_MEM(BV_W, 3, 1, 4),
	  BV_MOV64_REG(4, 2), BV_ALU64_IMM(BV_ADD, 4, 4), BV_JMP_REG(BV_JGT, 4, 3, 3),
	  BV_MOV64_REG(1, 2), BV_MOV64_IMM(2, 4), BV_CALL_HELPER(6),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: packet pointers invalid after a data-changing helper", BV_PROG_TYPE_SCHED_CLS,
	  none, BV_REJECT, "R6 invalid mem access 'scalar'", 7,
	  BV_LDX_MEM(BV_W, 6, 1, 76), BV_LDX_MEM(BV_W, 3, 1, 80),
	  BV_MOV64_REG(4, 6), BV_ALU64_IMM(BV_ADD, 4, 4), BV_JMP_REG(BV_JGT, 4, 3, 3),
	  BV_MOV64_IMM(2, 0), BV_CALL_HELPER(39),
	  BV_LDX_MEM(BV_B, 0, 6, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
}

static void memory_and_sizes(void)
{
	T("call: zero size", BV_PROG_TYPE_KPROBE, none,
	  BV_REJECT, "R2 invalid zero-sized read: u64=[0,0]", 3,
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 0),
	  BV_CALL_HELPER(6), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: zero size, older kernel", BV_PROG_TYPE_KPROBE, old_names,
	  BV_REJECT, "invalid zero-sized read", 3,
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 0),
	  BV_CALL_HELPER(6), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: negative size", BV_PROG_TYPE_KPROBE, none,
	  BV_REJECT, "R2 min value is negative, either use unsigned or 'var &= const'", 3,
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, -1),
	  BV_CALL_HELPER(6), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: unbounded size", BV_PROG_TYPE_KPROBE, none,
	  BV_REJECT, "R2 unbounded memory access, use 'var &= const' or 'if (var < const)'", 6,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(2, 0), BV_ALU64_IMM(BV_RSH, 2, 1),
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(3, 0),
	  BV_CALL_HELPER(113), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	/* A write-only buffer of known size needs no initialisation and is
	 * initialised afterwards, even for an unprivileged program. */
	T("call: helper fills uninitialised stack (unpriv)", BV_PROG_TYPE_KPROBE, unpriv,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 16),
	  BV_MOV64_IMM(3, 0), BV_CALL_HELPER(113),
	  BV_LDX_MEM(BV_DW, 0, 10, -16), BV_LDX_MEM(BV_DW, 0, 10, -8),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: variable size needs initialised stack (unpriv)", BV_PROG_TYPE_KPROBE, unpriv,
	  BV_REJECT, "invalid read from stack R1 off -16+0 size 15", 7,
	  BV_ST_MEM(BV_DW, 10, -8, 0),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(2, 0), BV_ALU64_IMM(BV_AND, 2, 15),
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(3, 0),
	  BV_CALL_HELPER(113), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("call: string length bounds R0", BV_PROG_TYPE_KPROBE, str_range,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 16),
	  BV_MOV64_IMM(3, 0), BV_CALL_HELPER(115), BV_EXIT_INSN());
	T("call: string length bound checked", BV_PROG_TYPE_KPROBE, str_range_short,
	  BV_REJECT,
	  "At program exit the register R0 has smin=-4095 smax=16 should have been in [-4095, 15]", 5,
	  BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, -16), BV_MOV64_IMM(2, 16),
	  BV_MOV64_IMM(3, 0), BV_CALL_HELPER(115), BV_EXIT_INSN());
	T("call: callback argument not a function", BV_PROG_TYPE_KPROBE, none,
	  BV_REJECT, "R2 type=scalar expected=func", 4,
	  BV_MOV64_IMM(1, 1), BV_MOV64_IMM(2, 0), BV_MOV64_IMM(3, 0), BV_MOV64_IMM(4, 0),
	  BV_CALL_HELPER(181), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
}

static void ringbuf(void)
{
	T("ringbuf: reserve, check, submit", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  RESERVE8, BV_JMP_IMM(BV_JEQ, 0, 0, 4), BV_ST_MEM(BV_DW, 0, 0, 1),
	  BV_MOV64_REG(1, 0), BV_MOV64_IMM(2, 0), BV_CALL_HELPER(BVT_FN_ringbuf_submit),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: size not a constant", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R2 is not a known constant'", 4,
	  BV_LDX_MEM(BV_W, 2, 1, 0), BV_LD_MAP_FD(1, BVT_MAP_RINGBUF),
	  BV_MOV64_IMM(3, 0), BV_CALL_HELPER(BVT_FN_ringbuf_reserve),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: record used without NULL check", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R0 invalid mem access 'ringbuf_mem_or_null'", 5,
	  RESERVE8, BV_LDX_MEM(BV_DW, 1, 0, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: record used without NULL check, older kernel", BV_PROG_TYPE_SOCKET_FILTER,
	  old_names, BV_REJECT, "R0 invalid mem access 'alloc_mem_or_null'", 5,
	  RESERVE8, BV_LDX_MEM(BV_DW, 1, 0, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: record overrun", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid access to memory, mem_size=8 off=8 size=8", 6,
	  RESERVE8, BV_JMP_IMM(BV_JEQ, 0, 0, 5), BV_LDX_MEM(BV_DW, 1, 0, 8),
	  BV_MOV64_REG(1, 0), BV_MOV64_IMM(2, 0), BV_CALL_HELPER(BVT_FN_ringbuf_submit),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	expect_true("ringbuf: record overrun note",
		    note_is(&last, "R0 min value is outside of the allowed memory range"), &last);
	T("ringbuf: leaked record", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "Unreleased reference id=2 alloc_insn=4", 5,
	  RESERVE8, BV_EXIT_INSN());
	/* first the note at the acquiring call, then the kernel's second line */
	expect_true("ringbuf: leaked record note",
		    note_is(&last, "reference id=2 was acquired here by bpf_ringbuf_reserve (insn 4) and is not released on this path") &&
		    last.nr_notes > 1 &&
		    strcmp(last.notes[1].text,
			   "BPF_EXIT instruction in main prog would lead to reference leak") == 0,
		    &last);
	T("ringbuf: submit a stack pointer", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 type=fp expected=ringbuf_mem", 2,
	  BV_MOV64_REG(1, 10), BV_MOV64_IMM(2, 0), BV_CALL_HELPER(BVT_FN_ringbuf_submit),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: submit inside the record", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT,
	  "R1 must have zero offset when passed to release func or trusted arg to kfunc", 9,
	  RESERVE8, BV_JMP_IMM(BV_JEQ, 0, 0, 4), BV_MOV64_REG(1, 0),
	  BV_ALU64_IMM(BV_ADD, 1, 8), BV_MOV64_IMM(2, 0),
	  BV_CALL_HELPER(BVT_FN_ringbuf_submit), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: record unusable after submit", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R6 invalid mem access 'scalar'", 10,
	  RESERVE8, BV_JMP_IMM(BV_JEQ, 0, 0, 5), BV_MOV64_REG(6, 0),
	  BV_MOV64_REG(1, 0), BV_MOV64_IMM(2, 0), BV_CALL_HELPER(BVT_FN_ringbuf_submit),
	  BV_ST_MEM(BV_DW, 6, 0, 1), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ringbuf: discarded twice", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 type=scalar expected=ringbuf_mem", 12,
	  RESERVE8, BV_JMP_IMM(BV_JEQ, 0, 0, 7), BV_MOV64_REG(6, 0),
	  BV_MOV64_REG(1, 0), BV_MOV64_IMM(2, 0), BV_CALL_HELPER(133),
	  BV_MOV64_REG(1, 6), BV_MOV64_IMM(2, 0), BV_CALL_HELPER(133),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
}

static void exits(void)
{
	T("exit: R0 not set", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R0 !read_ok", 0, BV_EXIT_INSN());
	T("exit: out of range", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT, "At program exit the register R0 has smin=5 smax=5 should have been in [0, 1]", 1,
	  BV_MOV64_IMM(0, 5), BV_EXIT_INSN());
	T("exit: in range", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1, BV_MOV64_IMM(0, 1), BV_EXIT_INSN());
	T("exit: narrow fill of a spilled constant", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_IMM(1, 1), BV_STX_MEM(BV_DW, 10, 1, -8), BV_LDX_MEM(BV_W, 0, 10, -8),
	  BV_EXIT_INSN());
	T("exit: narrow fill of a spilled constant, older kernel", BV_PROG_TYPE_SOCKET_FILTER,
	  ret01_no_narrow_fill, BV_REJECT,
	  "At program exit the register R0 has smin=0 smax=4294967295 should have been in [0, 1]", 3,
	  BV_MOV64_IMM(1, 1), BV_STX_MEM(BV_DW, 10, 1, -8), BV_LDX_MEM(BV_W, 0, 10, -8),
	  BV_EXIT_INSN());
	T("exit: bounded by another register", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(6, 0), BV_ALU64_IMM(BV_AND, 6, 1),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 7),
	  BV_JMP_REG(BV_JGT, 0, 6, 1), BV_EXIT_INSN(), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("exit: bounded by another register, older kernel", BV_PROG_TYPE_SOCKET_FILTER,
	  ret01_no_reg_reg, BV_REJECT,
	  "At program exit the register R0 has smin=0 smax=7 should have been in [0, 1]", 6,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(6, 0), BV_ALU64_IMM(BV_AND, 6, 1),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 7),
	  BV_JMP_REG(BV_JGT, 0, 6, 1), BV_EXIT_INSN(), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("exit: out of range, tnum check", BV_PROG_TYPE_SOCKET_FILTER, ret01_tnum,
	  BV_REJECT, "At program exit the register R0 has value (0x2; 0x0) should have been in (0x0; 0x1)", 1,
	  BV_MOV64_IMM(0, 2), BV_EXIT_INSN());
	T("exit: unknown value, tnum check", BV_PROG_TYPE_SOCKET_FILTER, ret01_tnum,
	  BV_REJECT, "At program exit the register R0 has unknown scalar value should have been in (0x0; 0x1)", 1,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_EXIT_INSN());
	T("exit: in range, tnum check", BV_PROG_TYPE_SOCKET_FILTER, ret01_tnum,
	  BV_ACCEPT, NULL, -1, BV_MOV64_IMM(0, 1), BV_EXIT_INSN());
	T("exit: unbounded value", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT, "At program exit the register R0 has smin=0 smax=4294967295 should have been in [0, 1]", 1,
	  BV_LDX_MEM(BV_W, 0, 1, 0), BV_EXIT_INSN());
	T("exit: unknown value", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT, "At program exit the register R0 has unknown scalar value should have been in [0, 1]", 1,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_EXIT_INSN());
	T("exit: bounded value", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_W, 0, 1, 0), BV_ALU64_IMM(BV_AND, 0, 1), BV_EXIT_INSN());
	T("exit: pointer where a value is required", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT, "At program exit the register R0 is not a known value (ctx)", 1,
	  BV_MOV64_REG(0, 1), BV_EXIT_INSN());
	T("exit: pointer returned (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "R0 leaks addr as return value", 1,
	  BV_MOV64_REG(0, 1), BV_EXIT_INSN());
	T("exit: pointer returned (priv, no range)", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1, BV_MOV64_REG(0, 1), BV_EXIT_INSN());
}

/* The error block a leaked reference ends with, at level 1: one line per
 * reference still held (in acquisition order), then the one naming the
 * instruction; the first line is the message (Linux 6.18.44, as root). */
static void expect_leak(const char *name, const struct bv_insn *p, uint32_t cnt,
			const char *msg, int32_t at, const char *block)
{
	struct bvt_facade tf;
	struct bv_result r;
	const char *log;
	size_t bl = strlen(block), ll;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run_log(p, cnt, &tf.f, BV_LOG_LEVEL1);
	expect(name, &r, BV_REJECT, msg, at);
	log = bvt_last_log.text ? bvt_last_log.text : "";
	ll = strlen(log);
	/* the block sits right before the statistics line */
	expect_true(name, ll > bl && strstr(log, block) &&
		    strncmp(strstr(log, block) + bl, "processed ", 10) == 0, &r);
}

static void leaks(void)
{
	static const struct bv_insn two[] = {
		RESERVE8,
		BV_MOV64_REG(6, 0),
		RESERVE8,
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	static const struct bv_insn tail[] = {
		BV_MOV64_REG(6, 1),
		RESERVE8,
		BV_MOV64_REG(1, 6),
		BV_LD_MAP_FD(2, BVT_MAP_PROG_ARRAY),
		BV_MOV64_IMM(3, 0),
		BV_CALL_HELPER(BVT_FN_tail_call),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	static const struct bv_insn ld_abs[] = {
		BV_MOV64_REG(6, 1),
		RESERVE8,
		BV_LD_ABS(BV_B, 0),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};

	/* a subprogram's exit does not check: the main program's does */
	static const struct bv_insn sub[] = {
		BV_CALL_REL(2),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
		RESERVE8,
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};

	expect_leak("leak: record taken in a subprogram", sub, BVT_LEN(sub),
		    "Unreleased reference id=2 alloc_insn=7", 2,
		    "2: (95) exit\n"
		    "Unreleased reference id=2 alloc_insn=7\n"
		    "BPF_EXIT instruction in main prog would lead to reference leak\n");
	expect_leak("leak: two records at exit", two, BVT_LEN(two),
		    "Unreleased reference id=2 alloc_insn=4", 12,
		    "12: (95) exit\n"
		    "Unreleased reference id=2 alloc_insn=4\n"
		    "Unreleased reference id=4 alloc_insn=10\n"
		    "BPF_EXIT instruction in main prog would lead to reference leak\n");
	expect_leak("leak: record held across a tail call", tail, BVT_LEN(tail),
		    "Unreleased reference id=2 alloc_insn=5", 10,
		    "10: (85) call bpf_tail_call#12\n"
		    "Unreleased reference id=2 alloc_insn=5\n"
		    "tail_call would lead to reference leak\n");
	expect_leak("leak: record held at LD_ABS", ld_abs, BVT_LEN(ld_abs),
		    "Unreleased reference id=2 alloc_insn=5", 6,
		    "6: (30) r0 = *(u8 *)skb[0]\n"
		    "Unreleased reference id=2 alloc_insn=5\n"
		    "BPF_LD_[ABS|IND] would lead to reference leak\n");
}

/* 6.18 (tail-call-subprog-exit): a successful tail call in a subprogram
 * returns from it at once, and that return is walked first: the record
 * reserved in the subprogram is still held at the main program's exit.
 * Older kernels only walk the fall-through, where it is submitted. */
static void tail_call_in_subprog(void)
{
	static const struct bv_insn p[] = {
		BV_CALL_REL(2),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
		BV_MOV64_REG(6, 1),                        /* 3: the subprogram */
		RESERVE8,                                  /* 8: reserve */
		BV_JMP_IMM(BV_JEQ, 0, 0, 9),
		BV_MOV64_REG(7, 0),
		BV_MOV64_REG(1, 6),
		BV_LD_MAP_FD(2, BVT_MAP_PROG_ARRAY),
		BV_MOV64_IMM(3, 0),
		BV_CALL_HELPER(BVT_FN_tail_call),          /* 15 */
		BV_MOV64_REG(1, 7),
		BV_MOV64_IMM(2, 0),
		BV_CALL_HELPER(BVT_FN_ringbuf_submit),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	/* func info: the kernel refuses tail calls in subprograms without BTF */
	static const struct bv_func_desc funcs[] = { { 0, "main", false, 1 },
						     { 3, "forward", false, 2 } };
	struct bvt_facade tf;
	struct bv_result r;
	const char *log;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.funcs = funcs;
	tf.f.nr_funcs = 2;
	r = run_log(p, BVT_LEN(p), &tf.f, BV_LOG_LEVEL1);
	expect("tail call in a subprogram returns (6.18)", &r, BV_REJECT,
	       "Unreleased reference id=2 alloc_insn=8", 2);
	log = bvt_last_log.text ? bvt_last_log.text : "";
	expect_true("tail call in a subprogram: the return is walked first",
		    strstr(log, "15: (85) call bpf_tail_call#12\nreturning from callee:\n") != NULL,
		    &r);

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.funcs = funcs;
	tf.f.nr_funcs = 2;
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_TAIL_CALL_SUBPROG_EXIT);
	r = run(p, BVT_LEN(p), &tf.f);
	expect("tail call in a subprogram falls through (6.12)", &r, BV_ACCEPT, NULL, -1);
}

int main(void)
{
	leaks();
	tail_call_in_subprog();
	lookup();
	maps();
	memory_and_sizes();
	ringbuf();
	exits();
	return bvt_summary();
}
