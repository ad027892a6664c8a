/* test_mem.c — memory instructions against the test facade: loads,
 * stores, atomics, ld_imm64, LD_ABS, and the access rules by pointer type
 * (context, stack spills and fills, map values, packet, helper memory).
 * Each rejecting case sits next to an accepted one; messages are the
 * Linux 6.18 verifier's, as observed on the live kernel.
 */
#include "fixture.h"

/* One case: instructions, a facade set-up, the expected outcome. */
#define T(name, ptype, setup, want, msg, at, ...) do {                  \
		struct bv_insn p_[] = { __VA_ARGS__ };                    \
		struct bvt_facade tf;                                     \
		struct bv_result r_;                                      \
		bvt_facade_init(&tf, ptype);                              \
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

static void none(struct bvt_facade *tf) { (void)tf; }

static void no_cap_bpf(struct bvt_facade *tf)
{
	tf->f.bpf_capable = false;
}

/* An unprivileged load (no CAP_BPF, no CAP_PERFMON). */
/* A kernel before privileged uninitialised-stack reads (6.1's). */
static void no_uninit_read(struct bvt_facade *tf)
{
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_UNINIT_STACK_READ);
}

/* Constant tnums printed as tnums (6.1). */
static void old_tnum(struct bvt_facade *tf)
{
	tf->f.features &= ~BV_FEAT_BIT(BV_FEAT_TNUM_CONST_NUMBER);
}

static void unpriv(struct bvt_facade *tf)
{
	tf->f.bpf_capable = false;
	tf->f.perfmon_capable = false;
	tf->f.allow_ptr_leaks = false;
}

/* R0 must be 0 or 1 at exit (as for cgroup_skb). */
static void ret01(struct bvt_facade *tf)
{
	tf->ret = (struct bv_retval_range){ .minval = 0, .maxval = 1, .enforce = true };
}

static void wo_array(struct bvt_facade *tf)
{
	tf->maps[BVT_MAP_ARRAY].map_flags = 1u << 8;   /* BPF_F_WRONLY_PROG */
}

static void locked_array(struct bvt_facade *tf)
{
	tf->maps[BVT_MAP_ARRAY].spin_lock_off = 0;
}

static void ro_array(struct bvt_facade *tf)
{
	tf->maps[BVT_MAP_ARRAY].rdonly_prog = true;
}

static const uint8_t rodata[64] = { 1, 0, 0, 0, 7, 0, 0, 0 };

static void frozen_array(struct bvt_facade *tf)
{
	tf->maps[BVT_MAP_ARRAY].rdonly_prog = true;
	tf->maps[BVT_MAP_ARRAY].frozen = true;
	tf->maps[BVT_MAP_ARRAY].initial_value = rodata;
	ret01(tf);
}

/* cgroup_skb: __sk_buff read like sched_cls, packet read-only. */
static bool cg_ctx_access(void *ctx, int32_t off, uint32_t size, enum bv_access a,
			  struct bv_ctx_access_info *info)
{
	struct bvt_facade *tf = ctx;
	bool ok;

	tf->f.prog_type = BV_PROG_TYPE_SCHED_CLS;
	ok = bvt_ctx_access(ctx, off, size, a, info);
	tf->f.prog_type = BV_PROG_TYPE_CGROUP_SKB;
	return ok;
}

static void cgroup_skb(struct bvt_facade *tf)
{
	tf->f.prog_type = BV_PROG_TYPE_CGROUP_SKB;
	tf->f.ctx_access = cg_ctx_access;
}

static bool note_is(const struct bv_result *r, const char *text)
{
	return r->nr_notes > 0 && strcmp(r->notes[0].text, text) == 0;
}

/* r0 = lookup(map, &key 0 at fp-4); instructions 0..6 (7 slots). */
#define LOOKUP(map)                                      \
	BV_ST_MEM(BV_W, 10, -4, 0),                      \
	BV_MOV64_REG(2, 10),                             \
	BV_ALU64_IMM(BV_ADD, 2, -4),                     \
	BV_LD_MAP_FD(1, map),                            \
	BV_CALL_HELPER(BVT_FN_map_lookup_elem)

static void map_values(void)
{
	T("map: deref of map_value_or_null", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R0 invalid mem access 'map_value_or_null'", 6,
	  LOOKUP(BVT_MAP_HASH), BV_LDX_MEM(BV_DW, 0, 0, 0), BV_EXIT_INSN());
	T("map: deref after NULL check", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_HASH), BV_JMP_IMM(BV_JEQ, 0, 0, 1),
	  BV_LDX_MEM(BV_DW, 0, 0, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());

	/* Privileged array lookup with a constant key is never NULL (6.13+). */
	T("map: array const key, no check needed (priv)", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_DW, 0, 0, 56), BV_EXIT_INSN());
	T("map: array const key, without CAP_BPF may be NULL", BV_PROG_TYPE_SOCKET_FILTER,
	  no_cap_bpf, BV_REJECT, "R0 invalid mem access 'map_value_or_null'", 6,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_DW, 0, 0, 56), BV_EXIT_INSN());

	T("map: constant offset past the value", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid access to map value, value_size=64 off=64 size=8", 6,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_DW, 0, 0, 64), BV_EXIT_INSN());
	expect_true("map: constant offset note", note_is(&last,
		    "R0 min value is outside of the allowed memory range"), &last);

	T("map: unbounded variable offset", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R6 unbounded memory access, make sure to bounds check any such access", 10,
	  LOOKUP(BVT_MAP_ARRAY), BV_MOV64_REG(6, 0),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_RSH, 0, 1),
	  BV_ALU64_REG(BV_ADD, 6, 0), BV_LDX_MEM(BV_DW, 0, 6, 0), BV_EXIT_INSN());
	T("map: bounded variable offset", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_ARRAY), BV_MOV64_REG(6, 0),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 0x38),
	  BV_ALU64_REG(BV_ADD, 6, 0), BV_LDX_MEM(BV_DW, 0, 6, 0), BV_EXIT_INSN());
	T("map: variable offset too large", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid access to map value, value_size=64 off=120 size=8", 10,
	  LOOKUP(BVT_MAP_ARRAY), BV_MOV64_REG(6, 0),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 0x78),
	  BV_ALU64_REG(BV_ADD, 6, 0), BV_LDX_MEM(BV_DW, 0, 6, 0), BV_EXIT_INSN());
	expect_true("map: variable offset note", note_is(&last,
		    "R6 max value is outside of the allowed memory range"), &last);
	T("map: negative variable offset", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT,
	  "R6 min value is negative, either use unsigned index or do a if (index >=0) check.", 11,
	  LOOKUP(BVT_MAP_ARRAY), BV_MOV64_REG(6, 0),
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 0x38),
	  BV_ALU64_IMM(BV_SUB, 0, 8),
	  BV_ALU64_REG(BV_ADD, 6, 0), BV_LDX_MEM(BV_DW, 0, 6, 0), BV_EXIT_INSN());

	T("map: write into a read-only map", BV_PROG_TYPE_SOCKET_FILTER, ro_array,
	  BV_REJECT, "write into map forbidden, value_size=64 off=0 size=8", 6,
	  LOOKUP(BVT_MAP_ARRAY), BV_ST_MEM(BV_DW, 0, 0, 1), BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());
	T("map: read from a read-only map", BV_PROG_TYPE_SOCKET_FILTER, ro_array,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_DW, 0, 0, 0), BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());

	T("map: read from a write-only map", BV_PROG_TYPE_SOCKET_FILTER, wo_array,
	  BV_REJECT, "read from map forbidden, value_size=64 off=8 size=4", 6,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_W, 0, 0, 8), BV_EXIT_INSN());
	T("map: write into a write-only map", BV_PROG_TYPE_SOCKET_FILTER, wo_array,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_ARRAY), BV_ST_MEM(BV_W, 0, 8, 1), BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());
	T("map: load of the bpf_spin_lock", BV_PROG_TYPE_SCHED_CLS, locked_array,
	  BV_REJECT, "bpf_spin_lock cannot be accessed directly by load/store", 6,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_DW, 0, 0, 0), BV_EXIT_INSN());
	T("map: load next to the bpf_spin_lock", BV_PROG_TYPE_SCHED_CLS, locked_array,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_ARRAY), BV_LDX_MEM(BV_W, 0, 0, 4), BV_EXIT_INSN());

	T("map: pointer stored into a map (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "R10 leaks addr into map", 2,
	  BV_LD_MAP_VALUE(0, BVT_MAP_ARRAY, 0),
	  BV_STX_MEM(BV_DW, 0, 10, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("map: pointer stored into a map (priv)", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_HASH), BV_JMP_IMM(BV_JEQ, 0, 0, 1),
	  BV_STX_MEM(BV_DW, 0, 10, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());

	/* Global data: ld_imm64 of a map value address. */
	T("ld_imm64: map value past the end", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid access to map value, value_size=64 off=64 size=8", 2,
	  BV_LD_MAP_VALUE(1, BVT_MAP_ARRAY, 8), BV_LDX_MEM(BV_DW, 0, 1, 56),
	  BV_EXIT_INSN());
	T("ld_imm64: map value inside", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_LD_MAP_VALUE(1, BVT_MAP_ARRAY, 8), BV_LDX_MEM(BV_DW, 0, 1, 48),
	  BV_EXIT_INSN());
	/* .rodata reads as constants: 1 passes [0, 1], 7 does not. */
	T("ld_imm64: frozen rodata constant in range", BV_PROG_TYPE_SOCKET_FILTER,
	  frozen_array, BV_ACCEPT, NULL, -1,
	  BV_LD_MAP_VALUE(1, BVT_MAP_ARRAY, 0), BV_LDX_MEM(BV_W, 0, 1, 0),
	  BV_EXIT_INSN());
	T("ld_imm64: frozen rodata constant out of range", BV_PROG_TYPE_SOCKET_FILTER,
	  frozen_array, BV_REJECT,
	  "At program exit the register R0 has smin=7 smax=7 should have been in [0, 1]", 3,
	  BV_LD_MAP_VALUE(1, BVT_MAP_ARRAY, 0), BV_LDX_MEM(BV_W, 0, 1, 4),
	  BV_EXIT_INSN());
	T("ld_imm64: 64-bit constant", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT,
	  "At program exit the register R0 has smin=4294967297 smax=4294967297 should have been in [0, 1]",
	  2, BV_LD_IMM64(0, 0x100000001ULL), BV_EXIT_INSN());
}

static void ctx_and_packet(void)
{
	T("ctx: read-only field written", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid bpf_context access off=8 size=4", 1,
	  BV_MOV64_IMM(0, 0), BV_STX_MEM(BV_W, 1, 0, 8), BV_EXIT_INSN());
	T("ctx: cb[] written", BV_PROG_TYPE_SCHED_CLS, none, BV_ACCEPT, NULL, -1,
	  BV_MOV64_IMM(0, 0), BV_STX_MEM(BV_W, 1, 0, 48), BV_ST_MEM(BV_W, 1, 52, 3),
	  BV_EXIT_INSN());
	/* __sk_buff: narrow (1, 2-byte) loads of the u32 fields, whole ones
	 * elsewhere; each verdict observed on 6.18.44 as root */
	T("ctx: u8 load of len", BV_PROG_TYPE_SOCKET_FILTER, none, BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_B, 0, 1, 3), BV_EXIT_INSN());
	T("ctx: u16 load of len", BV_PROG_TYPE_SOCKET_FILTER, none, BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_H, 0, 1, 2), BV_EXIT_INSN());
	T("ctx: u8 load yields [0, 255]", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_B, 0, 1, 0), BV_JMP_IMM(BV_JGT, 0, 255, 1), BV_EXIT_INSN(),
	  BV_MOV64_IMM(0, 0), BV_LDX_MEM(BV_W, 0, 0, 0), BV_EXIT_INSN());
	T("ctx: misaligned u16 load", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid bpf_context access off=1 size=2", 0,
	  BV_LDX_MEM(BV_H, 0, 1, 1), BV_EXIT_INSN());
	T("ctx: u64 load of len", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid bpf_context access off=0 size=8", 0,
	  BV_LDX_MEM(BV_DW, 0, 1, 0), BV_EXIT_INSN());
	T("ctx: tc_classid is tc's", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid bpf_context access off=72 size=4", 0,
	  BV_LDX_MEM(BV_W, 0, 1, 72), BV_EXIT_INSN());
	T("ctx: u64 load of cb[2..3]", BV_PROG_TYPE_SOCKET_FILTER, none, BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_DW, 0, 1, 56), BV_EXIT_INSN());
	T("ctx: u64 load past cb[]", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid bpf_context access off=64 size=8", 0,
	  BV_LDX_MEM(BV_DW, 0, 1, 64), BV_EXIT_INSN());
	T("ctx: tc writes mark", BV_PROG_TYPE_SCHED_CLS, none, BV_ACCEPT, NULL, -1,
	  BV_MOV64_IMM(0, 0), BV_STX_MEM(BV_W, 1, 0, 8), BV_EXIT_INSN());
	T("ctx: tc writes half of mark", BV_PROG_TYPE_SCHED_CLS, none,
	  BV_REJECT, "invalid bpf_context access off=8 size=2", 1,
	  BV_MOV64_IMM(0, 0), BV_STX_MEM(BV_H, 1, 0, 8), BV_EXIT_INSN());
	T("ctx: u8 load of data", BV_PROG_TYPE_SCHED_CLS, none,
	  BV_REJECT, "invalid bpf_context access off=76 size=1", 0,
	  BV_LDX_MEM(BV_B, 0, 1, 76), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("ctx: modified pointer", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "dereference of modified ctx ptr R1 off=4 disallowed", 1,
	  BV_ALU64_IMM(BV_ADD, 1, 4), BV_LDX_MEM(BV_W, 0, 1, 0), BV_EXIT_INSN());
	T("ctx: pointer written into ctx (unpriv)", BV_PROG_TYPE_SCHED_CLS, unpriv,
	  BV_REJECT, "R10 leaks addr into ctx", 0,
	  BV_STX_MEM(BV_W, 1, 10, 48), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("mem: load through a scalar", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R2 invalid mem access 'scalar'", 1,
	  BV_MOV64_IMM(2, 0), BV_LDX_MEM(BV_W, 0, 2, 0), BV_EXIT_INSN());
	T("mem: load through pkt_end", BV_PROG_TYPE_XDP, none,
	  BV_REJECT, "R2 invalid mem access 'pkt_end'", 1,
	  BV_LDX_MEM(BV_W, 2, 1, 4), BV_LDX_MEM(BV_B, 0, 2, 0), BV_EXIT_INSN());

	T("pkt: read without bounds check", BV_PROG_TYPE_XDP, none,
	  BV_REJECT, "invalid access to packet, off=12 size=2, R2(id=0,off=12,r=0)", 1,
	  BV_LDX_MEM(BV_W, 2, 1, 0), BV_LDX_MEM(BV_H, 0, 2, 12), BV_EXIT_INSN());
	expect_true("pkt: read without bounds check note",
		    note_is(&last, "R2 offset is outside of the packet"), &last);
	T("pkt: read after bounds check", BV_PROG_TYPE_XDP, none, BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_W, 2, 1, 0), BV_LDX_MEM(BV_W, 3, 1, 4),
	  BV_MOV64_REG(4, 2), BV_ALU64_IMM(BV_ADD, 4, 14),
	  BV_JMP_REG(BV_JGT, 4, 3, 2),
	  BV_LDX_MEM(BV_H, 0, 2, 12), BV_ST_MEM(BV_B, 2, 0, 1),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("pkt: write in cgroup_skb", BV_PROG_TYPE_SCHED_CLS, cgroup_skb,
	  BV_REJECT, "cannot write into packet", 5,
	  BV_LDX_MEM(BV_W, 2, 1, 76), BV_LDX_MEM(BV_W, 3, 1, 80),
	  BV_MOV64_REG(4, 2), BV_ALU64_IMM(BV_ADD, 4, 4),
	  BV_JMP_REG(BV_JGT, 4, 3, 1),
	  BV_ST_MEM(BV_B, 2, 0, 1), BV_MOV64_IMM(0, 1), BV_EXIT_INSN());
	T("pkt: read in cgroup_skb", BV_PROG_TYPE_SCHED_CLS, cgroup_skb,
	  BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_W, 2, 1, 76), BV_LDX_MEM(BV_W, 3, 1, 80),
	  BV_MOV64_REG(4, 2), BV_ALU64_IMM(BV_ADD, 4, 4),
	  BV_JMP_REG(BV_JGT, 4, 3, 1),
	  BV_LDX_MEM(BV_B, 0, 2, 0), BV_MOV64_IMM(0, 1), BV_EXIT_INSN());
}

static void stack(void)
{
	T("stack: read below the frame", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid read from stack R10 off=-520 size=8", 0,
	  BV_LDX_MEM(BV_DW, 0, 10, -520), BV_EXIT_INSN());
	T("stack: write below the frame", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid write to stack R10 off=-520 size=8", 0,
	  BV_ST_MEM(BV_DW, 10, -520, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: write above the frame", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid write to stack R10 off=0 size=8", 0,
	  BV_ST_MEM(BV_DW, 10, 0, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: write at the bottom", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_DW, 10, -512, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: misaligned", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned stack access off 0+0+-6 size 4", 1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_LDX_MEM(BV_W, 0, 10, -6), BV_EXIT_INSN());

	/* 6.18: a privileged program reads uninitialised stack as unknown. */
	T("stack: uninitialised read (priv)", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());
	T("stack: misaligned, tnum-style offset", BV_PROG_TYPE_SOCKET_FILTER, old_tnum,
	  BV_REJECT, "misaligned stack access off (0x0; 0x0)+0+-6 size 4", 1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_LDX_MEM(BV_W, 0, 10, -6), BV_EXIT_INSN());
	T("stack: uninitialised read, older kernel (priv, unallocated)",
	  BV_PROG_TYPE_SOCKET_FILTER, no_uninit_read, BV_REJECT,
	  "invalid read from stack R10 off=-8 size=8", 0,
	  BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());
	T("stack: uninitialised read (unpriv, unallocated)", BV_PROG_TYPE_SOCKET_FILTER,
	  unpriv, BV_REJECT, "invalid read from stack R10 off=-8 size=8", 0,
	  BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());
	T("stack: partly initialised read (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "invalid read from stack off -8+4 size 8", 1,
	  BV_ST_MEM(BV_W, 10, -8, 0), BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());
	T("stack: initialised read (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_W, 10, -8, 0), BV_ST_MEM(BV_W, 10, -4, 0),
	  BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());

	/* Spills keep a pointer; fills must be whole. */
	T("stack: pointer spill and fill", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_LDX_MEM(BV_DW, 2, 10, -8),
	  BV_LDX_MEM(BV_W, 0, 2, 0), BV_EXIT_INSN());
	T("stack: narrow fill of a pointer", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid size of register fill", 1,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_LDX_MEM(BV_W, 0, 10, -8), BV_EXIT_INSN());
	T("stack: narrow fill of a pointer's upper half", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid size of register fill", 1,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_LDX_MEM(BV_W, 0, 10, -4), BV_EXIT_INSN());
	T("stack: narrow spill of a pointer", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid size of register spill", 0,
	  BV_STX_MEM(BV_W, 10, 1, -8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: overwrite part of a spilled pointer (unpriv)",
	  BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "attempt to corrupt spilled pointer on stack", 1,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_ST_MEM(BV_W, 10, -8, 0), BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());
	T("stack: overwrite part of a spilled pointer (priv)",
	  BV_PROG_TYPE_SOCKET_FILTER, none, BV_ACCEPT, NULL, -1,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_ST_MEM(BV_W, 10, -8, 0), BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());
	T("stack: filled pointer after partial overwrite", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R2 invalid mem access 'scalar'", 3,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_ST_MEM(BV_W, 10, -8, 0),
	  BV_LDX_MEM(BV_DW, 2, 10, -8), BV_LDX_MEM(BV_W, 0, 2, 0), BV_EXIT_INSN());

	T("stack: variable-offset write past the frame", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid variable-offset write to stack R2 var_off=(0x0; 0x78) off=-64 size=8", 5,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 0x78),
	  BV_MOV64_REG(2, 10), BV_ALU64_REG(BV_ADD, 2, 0),
	  BV_MOV64_IMM(1, 5), BV_STX_MEM(BV_DW, 2, 1, -64),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: variable-offset write and read", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_AND, 0, 0x38),
	  BV_MOV64_REG(2, 10), BV_ALU64_REG(BV_ADD, 2, 0),
	  BV_MOV64_IMM(1, 5), BV_STX_MEM(BV_DW, 2, 1, -64),
	  BV_LDX_MEM(BV_DW, 0, 2, -64), BV_EXIT_INSN());
	T("stack: misaligned variable offset", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned stack access off (0x0; 0x7fffffffffffffff)+0+-8 size 8", 4,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_RSH, 0, 1),
	  BV_MOV64_REG(2, 10), BV_ALU64_REG(BV_ADD, 2, 0),
	  BV_LDX_MEM(BV_DW, 0, 2, -8), BV_EXIT_INSN());
	T("stack: unbounded variable-offset read", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "invalid unbounded variable-offset read from stack R2", 5,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_ALU64_IMM(BV_RSH, 0, 1),
	  BV_ALU64_IMM(BV_AND, 0, -8),
	  BV_MOV64_REG(2, 10), BV_ALU64_REG(BV_ADD, 2, 0),
	  BV_LDX_MEM(BV_DW, 0, 2, -8), BV_EXIT_INSN());
	T("stack: spilled pointer read as data (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "leaking pointer from stack off -8", 2,
	  BV_STX_MEM(BV_DW, 10, 1, -8), BV_MOV64_IMM(0, 1),
	  BV_ATOMIC_OP(BV_DW, BV_ADD, 10, 0, -8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: spilled scalar read as data (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_IMM(0, 1), BV_STX_MEM(BV_DW, 10, 0, -8),
	  BV_ATOMIC_OP(BV_DW, BV_ADD, 10, 0, -8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("stack: one load, two pointer types", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "same insn cannot be used with different pointers", 7,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_MOV64_REG(6, 1), BV_CALL_HELPER(BVT_FN_ktime_get_ns),
	  BV_MOV64_REG(2, 6), BV_JMP_IMM(BV_JEQ, 0, 0, 2),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -8),
	  BV_LDX_MEM(BV_W, 0, 2, 0), BV_EXIT_INSN());
	T("stack: one load, stack or map value", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_CALL_HELPER(BVT_FN_ktime_get_ns),
	  BV_LD_MAP_VALUE(2, BVT_MAP_ARRAY, 0), BV_JMP_IMM(BV_JEQ, 0, 0, 2),
	  BV_MOV64_REG(2, 10), BV_ALU64_IMM(BV_ADD, 2, -8),
	  BV_LDX_MEM(BV_W, 0, 2, 0), BV_EXIT_INSN());

	/* Known values survive the stack: zeros, immediates, scalar spills. */
	T("stack: stored zero reads back as 0", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());
	T("stack: stored zero reads back as 0 (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_IMM(1, 0), BV_STX_MEM(BV_W, 10, 1, -4), BV_LDX_MEM(BV_W, 0, 10, -4),
	  BV_EXIT_INSN());
	T("stack: stored immediate reads back", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT, "At program exit the register R0 has smin=5 smax=5 should have been in [0, 1]",
	  2, BV_ST_MEM(BV_DW, 10, -8, 5), BV_LDX_MEM(BV_DW, 0, 10, -8), BV_EXIT_INSN());
	T("stack: narrow scalar spill and fill", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_IMM(1, 1), BV_STX_MEM(BV_W, 10, 1, -8), BV_LDX_MEM(BV_W, 0, 10, -8),
	  BV_EXIT_INSN());
	T("stack: narrow fill of a wide constant truncates", BV_PROG_TYPE_SOCKET_FILTER,
	  ret01, BV_ACCEPT, NULL, -1,
	  BV_LD_IMM64(1, 0x100000001ULL), BV_STX_MEM(BV_DW, 10, 1, -8),
	  BV_LDX_MEM(BV_W, 0, 10, -8), BV_EXIT_INSN());
	T("stack: sign-extending fill", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_REJECT, "At program exit the register R0 has smin=-1 smax=-1 should have been in [0, 1]",
	  3, BV_MOV64_IMM(1, 0xff), BV_STX_MEM(BV_DW, 10, 1, -8),
	  BV_LDX_MEMSX(BV_B, 0, 10, -8), BV_EXIT_INSN());
}

static void atomics_and_ld_abs(void)
{
	T("atomic: add into ctx", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "BPF_ATOMIC stores into R1 ctx is not allowed", 1,
	  BV_MOV64_IMM(0, 0), BV_ATOMIC_OP(BV_DW, BV_ADD, 1, 0, 0), BV_EXIT_INSN());
	T("atomic: fetch-add on the stack", BV_PROG_TYPE_SOCKET_FILTER, ret01,
	  BV_ACCEPT, NULL, -1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_MOV64_IMM(0, 1),
	  BV_ATOMIC_OP(BV_DW, BV_ADD | BV_FETCH, 10, 0, -8),
	  BV_ALU64_IMM(BV_AND, 0, 1), BV_EXIT_INSN());
	T("atomic: cmpxchg on a map value", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  LOOKUP(BVT_MAP_ARRAY), BV_MOV64_REG(6, 0), BV_MOV64_IMM(0, 0),
	  BV_MOV64_IMM(1, 2), BV_ATOMIC_OP(BV_W, BV_CMPXCHG, 6, 1, 0),
	  BV_EXIT_INSN());
	/* atomics ask for strict alignment, checked before the pointer type
	 * (kernel: check_mem_access's strict_alignment_once) */
	T("atomic: misaligned through a constant", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned access off 0+0+3 size 4", 2,
	  BV_MOV64_IMM(1, 0), BV_MOV64_IMM(0, 1), BV_ATOMIC_OP(BV_W, BV_ADD, 1, 0, 3),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("atomic: aligned through a constant", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 invalid mem access 'scalar'", 2,
	  BV_MOV64_IMM(1, 8), BV_MOV64_IMM(0, 1), BV_ATOMIC_OP(BV_DW, BV_XCHG, 1, 0, 0),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("atomic: misaligned through a large constant", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned access off 0xfffffffffffffff8+0+1 size 4", 2,
	  BV_MOV64_IMM(1, -8), BV_MOV64_IMM(0, 1), BV_ATOMIC_OP(BV_W, BV_ADD, 1, 0, 1),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("atomic: through an unknown number", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned access off (0x0; 0xffffffffffffffff)+0+0 size 8", 3,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(1, 0), BV_MOV64_IMM(0, 1),
	  BV_ATOMIC_OP(BV_DW, BV_ADD | BV_FETCH, 1, 0, 0), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("atomic: through a linked number (its delta prints)", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned access off (0x0; 0xffffffffffffffff)+3+0 size 8", 4,
	  BV_CALL_HELPER(BVT_FN_ktime_get_ns), BV_MOV64_REG(1, 0), BV_ALU64_IMM(BV_ADD, 1, 3),
	  BV_MOV64_IMM(0, 1), BV_ATOMIC_OP(BV_DW, BV_ADD, 1, 0, 0), BV_MOV64_IMM(0, 0),
	  BV_EXIT_INSN());
	T("atomic: misaligned in a map value", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned value access off 0+0+2 size 8", 9,
	  LOOKUP(BVT_MAP_ARRAY), BV_JMP_IMM(BV_JEQ, 0, 0, 3), BV_MOV64_REG(1, 0),
	  BV_MOV64_IMM(0, 1), BV_ATOMIC_OP(BV_DW, BV_CMPXCHG, 1, 0, 2),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("atomic: misaligned, maybe-NULL map value", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "misaligned access off 0+0+2 size 4", 7,
	  LOOKUP(BVT_MAP_HASH), BV_MOV64_IMM(1, 1), BV_ATOMIC_OP(BV_W, BV_ADD, 0, 1, 2),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("atomic: pointer xchg'd into memory (unpriv)", BV_PROG_TYPE_SOCKET_FILTER, unpriv,
	  BV_REJECT, "R10 leaks addr into mem", 1,
	  BV_ST_MEM(BV_DW, 10, -8, 0), BV_ATOMIC_OP(BV_DW, BV_XCHG, 10, 10, -8),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());

	T("ld_abs: not for kprobes", BV_PROG_TYPE_KPROBE, none,
	  BV_REJECT, "BPF_LD_[ABS|IND] instructions not allowed for this program type", 1,
	  BV_MOV64_REG(6, 1), BV_LD_ABS(BV_B, 12), BV_EXIT_INSN());
	T("ld_abs: R6 must be the context", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "at the time of BPF_LD_ABS|IND R6 != pointer to skb", 1,
	  BV_MOV64_IMM(6, 0), BV_LD_ABS(BV_B, 12), BV_EXIT_INSN());
	T("ld_abs: clobbers R1-R5", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_REJECT, "R1 !read_ok", 2,
	  BV_MOV64_REG(6, 1), BV_LD_ABS(BV_B, 12), BV_MOV64_REG(0, 1), BV_EXIT_INSN());
	T("ld_abs: loads into R0", BV_PROG_TYPE_SOCKET_FILTER, none,
	  BV_ACCEPT, NULL, -1,
	  BV_MOV64_REG(6, 1), BV_LD_ABS(BV_B, 12), BV_MOV64_IMM(7, 2),
	  BV_LD_IND(BV_H, 7, 14), BV_EXIT_INSN());
}

/* The level-2 log shows after an instruction only the stack slots it
 * wrote or loaded from: a helper reading its key from the stack leaves
 * fp-8 out of the call's line (Linux 6.18.44, as root; the kernel prints
 * the map without "map=" because the loader gave it no name). */
static void scratch_marks(void)
{
	static const struct bv_insn p[] = {
		BV_ST_MEM(BV_W, 10, -8, 0),
		BV_MOV64_REG(2, 10),
		BV_ALU64_IMM(BV_ADD, 2, -8),
		BV_LD_MAP_FD(1, BVT_MAP_HASH),
		BV_CALL_HELPER(BVT_FN_map_lookup_elem),
		BV_LDX_MEM(BV_W, 3, 10, -8),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	static const char *const want[] = {
		"0: (62) *(u32 *)(r10 -8) = 0          ; R10=fp0 fp-8=????0\n",
		"5: (85) call bpf_map_lookup_elem#1    ; R0=map_value_or_null(id=1,map=hash,ks=4,vs=8)\n6:",
		"6: (61) r3 = *(u32 *)(r10 -8)         ; R3=0 R10=fp0 fp-8=????0\n",
	};
	struct bvt_facade tf;
	struct bv_result r;
	size_t i;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	r = run_log(p, BVT_LEN(p), &tf.f, BV_LOG_LEVEL2);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		expect_true(want[i], bvt_last_log.text && strstr(bvt_last_log.text, want[i]), &r);
}

/* LD_ABS in a subprogram may end it with R0 = 0: with the feature the walk
 * returns to the caller at once and walks the load's next instruction
 * later (0,1,4,5,2,3 then 6,7,2,3); without it only the fall-through
 * (0,1,4,5,6,7,2,3). */
static void ld_abs_in_subprog(void)
{
	static const struct bv_insn p[] = {
		BV_MOV64_REG(6, 1),
		BV_CALL_REL(2),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
		BV_MOV64_REG(6, 1),
		BV_LD_ABS(BV_B, 12),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	static const struct bv_func_desc funcs[] = {
		{ .insn_off = 0, .name = "main" }, { .insn_off = 4, .name = "is_tcp" },
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.funcs = funcs;
	tf.f.nr_funcs = 2;
	r = run(p, BVT_LEN(p), &tf.f);
	expect_true("ld_abs in a subprogram: early exit walked first",
		    r.verdict == BV_ACCEPT && r.insns_processed == 10, &r);
	tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_LD_ABS_SUBPROG_EXIT);
	r = run(p, BVT_LEN(p), &tf.f);
	expect_true("ld_abs in a subprogram: fall-through only (older kernels)",
		    r.verdict == BV_ACCEPT && r.insns_processed == 8, &r);
}

/* A helper that reads a stack buffer as bytes (bpf_trace_vprintk's data
 * argument) depends on no spilled value: r6, 2 on the first path and 1
 * on the path from 6, is spilled to fp-8 only for that helper, so the
 * second path is pruned at 8 (kernel: no precision for helper memory).
 * 0-14, then 8 again: 16 insns; 22 if the spilled value mattered. */
static int bytes_helper(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	static const struct bv_helper_proto print = {
		.name = "bpf_print_bytes", .func_id = 500, .ret_type = BV_RET_INTEGER,
		.arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY, BV_ARG_CONST_SIZE },
	};

	if (func_id == 500) {
		*proto = &print;
		return 0;
	}
	return bvt_helper(ctx, func_id, proto);
}

static void helper_bytes_not_needed(void)
{
	static const struct bv_insn p[] = {
		BV_CALL_HELPER(BVT_FN_ktime_get_ns),
		BV_MOV64_IMM(6, 1),
		BV_MOV64_IMM(7, 0),
		BV_MOV64_IMM(7, 0),
		BV_MOV64_IMM(7, 0),
		BV_MOV64_IMM(7, 0),
		BV_JMP_IMM(BV_JGT, 0, 5, 1),
		BV_MOV64_IMM(6, 2),
		BV_STX_MEM(BV_DW, 10, 6, -8),
		BV_MOV64_REG(1, 10),
		BV_ALU64_IMM(BV_ADD, 1, -8),
		BV_MOV64_IMM(2, 8),
		BV_CALL_HELPER(500),
		BV_MOV64_IMM(0, 0),
		BV_EXIT_INSN(),
	};
	struct bvt_facade tf;
	struct bv_result r;

	bvt_facade_init(&tf, BV_PROG_TYPE_SOCKET_FILTER);
	tf.f.helper = bytes_helper;
	r = run(p, BVT_LEN(p), &tf.f);
	expect_true("stack read by a helper as bytes: its values need not match",
		    r.verdict == BV_ACCEPT && r.insns_processed == 16, &r);
}

int main(void)
{
	helper_bytes_not_needed();
	ld_abs_in_subprog();
	scratch_marks();
	map_values();
	ctx_and_packet();
	stack();
	atomics_and_ld_abs();
	return bvt_summary();
}
