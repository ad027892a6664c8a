/* test_lock.c — bpf_spin_lock / bpf_spin_unlock and bpf_tail_call against
 * the test facade: the lock at the value's lock offset, one lock at a
 * time, unlock of the lock taken, calls and exits while holding it (per
 * kernel feature), and a tail call's map and held references. Messages
 * are the kernels' (6.18 unless a feature is switched off).
 */
#include "fixture.h"

#define FN_spin_lock 93
#define FN_spin_unlock 94

static const struct bv_helper_proto lock_protos[] = {
	{ .name = "bpf_spin_lock", .func_id = FN_spin_lock, .ret_type = BV_RET_VOID,
	  .arg_type = { BV_ARG_PTR_TO_SPIN_LOCK } },
	{ .name = "bpf_spin_unlock", .func_id = FN_spin_unlock, .ret_type = BV_RET_VOID,
	  .arg_type = { BV_ARG_PTR_TO_SPIN_LOCK } },
};

static int helper(void *ctx, int32_t func_id, const struct bv_helper_proto **proto)
{
	size_t i;

	for (i = 0; i < BVT_LEN(lock_protos); i++)
		if (lock_protos[i].func_id == func_id) {
			*proto = &lock_protos[i];
			return 0;
		}
	return bvt_helper(ctx, func_id, proto);
}

static void locked(struct bvt_facade *tf)
{
	tf->f.helper = helper;
	tf->maps[BVT_MAP_ARRAY].spin_lock_off = 8;
	tf->maps[BVT_MAP_ARRAY].spin_lock_shape = BV_SPIN_LOCK_ONE;
	tf->maps[BVT_MAP_ARRAY].value_btf_id = 1;
}

static void locked_61(struct bvt_facade *tf)
{
	locked(tf);
	tf->f.features &= ~(BV_FEAT_BIT(BV_FEAT_SPIN_LOCK_RECORD_MSG) |
			    BV_FEAT_BIT(BV_FEAT_LOCK_STATIC_CALLS) |
			    BV_FEAT_BIT(BV_FEAT_LOCK_EXIT_REGION_MSG) |
			    BV_FEAT_BIT(BV_FEAT_TAIL_CALL_MAP_MSG));
}

static void unlocked_struct_61(struct bvt_facade *tf)
{
	locked_61(tf);
	tf->maps[BVT_MAP_ARRAY].spin_lock_off = -1;
	tf->maps[BVT_MAP_ARRAY].spin_lock_shape = BV_SPIN_LOCK_NONE;
}

static void no_btf(struct bvt_facade *tf)
{
	locked(tf);
	tf->maps[BVT_MAP_ARRAY].value_btf_id = 0;
}

#define T(name, setup, want, msg, at, ...) do {                           \
		struct bv_insn p_[] = { __VA_ARGS__ };                    \
		struct bvt_facade tf;                                     \
		struct bv_result r_;                                      \
		bvt_facade_init(&tf, BV_PROG_TYPE_SCHED_CLS);             \
		setup(&tf);                                               \
		r_ = run(p_, BVT_LEN(p_), &tf.f);                         \
		expect(name, &r_, want, msg, at);                         \
	} while (0)

/* r6 = lookup(array, key 0), NULL-checked (insns 0-6) */
#define LOOKUP6                                          \
	BV_ST_MEM(BV_W, 10, -4, 0),                      \
	BV_MOV64_REG(2, 10),                             \
	BV_ALU64_IMM(BV_ADD, 2, -4),                     \
	BV_LD_MAP_FD(1, BVT_MAP_ARRAY),                  \
	BV_CALL_HELPER(BVT_FN_map_lookup_elem),          \
	BV_JMP_IMM(BV_JNE, 0, 0, 2),                     \
	BV_MOV64_IMM(0, 0), BV_EXIT_INSN(),              \
	BV_MOV64_REG(6, 0)

#define LOCK(off) BV_MOV64_REG(1, 6), BV_ALU64_IMM(BV_ADD, 1, off), BV_CALL_HELPER(FN_spin_lock)
#define UNLOCK(off) BV_MOV64_REG(1, 6), BV_ALU64_IMM(BV_ADD, 1, off), BV_CALL_HELPER(FN_spin_unlock)

static void locks(void)
{
	T("lock: take and release", locked, BV_ACCEPT, NULL, -1,
	  LOOKUP6, LOCK(8), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: wrong offset (6.18)", locked, BV_REJECT,
	  "off 0 doesn't point to 'struct bpf_spin_lock' that is at 8", 12,
	  LOOKUP6, LOCK(0), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: wrong offset (6.1)", locked_61, BV_REJECT,
	  "off 0 doesn't point to 'struct bpf_spin_lock'", 12,
	  LOOKUP6, LOCK(0), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: value without a lock (6.1)", unlocked_struct_61, BV_REJECT,
	  "map 'array' doesn't have 'struct bpf_spin_lock'", 12,
	  LOOKUP6, LOCK(8), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: map without BTF", no_btf, BV_REJECT,
	  "map 'array' has to have BTF in order to use bpf_spin_lock", 12,
	  LOOKUP6, LOCK(8), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: unlock without lock", locked, BV_REJECT,
	  "bpf_spin_unlock without taking a lock", 12,
	  LOOKUP6, UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: helper call while locked", locked, BV_REJECT,
	  "function calls are not allowed while holding a lock", 13,
	  LOOKUP6, LOCK(8), BV_CALL_HELPER(BVT_FN_ktime_get_ns), UNLOCK(8),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: exit while locked (6.18)", locked, BV_REJECT,
	  "BPF_EXIT instruction in main prog cannot be used inside bpf_spin_lock-ed region", 14,
	  LOOKUP6, LOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: exit while locked (6.1)", locked_61, BV_REJECT,
	  "bpf_spin_unlock is missing", 14,
	  LOOKUP6, LOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	/* static subprogram call under the lock: 6.12+ yes, 6.1 no */
	T("lock: static call while locked (6.18)", locked, BV_ACCEPT, NULL, -1,
	  LOOKUP6, LOCK(8), BV_CALL_REL(5), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN(),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("lock: static call while locked (6.1)", locked_61, BV_REJECT,
	  "function calls are not allowed while holding a lock", 13,
	  LOOKUP6, LOCK(8), BV_CALL_REL(5), UNLOCK(8), BV_MOV64_IMM(0, 0), BV_EXIT_INSN(),
	  BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
}

/* bpf_tail_call(r1 = ctx, r2 = map, r3 = 0) */
#define TAIL(map) BV_LD_MAP_FD(2, map), BV_MOV64_IMM(3, 0), BV_CALL_HELPER(BVT_FN_tail_call)

static void none(struct bvt_facade *tf) { tf->f.helper = helper; }

static void tail_calls(void)
{
	T("tail call: prog array", none, BV_ACCEPT, NULL, -1,
	  TAIL(BVT_MAP_PROG_ARRAY), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("tail call: R0 unset after it", none, BV_REJECT, "R0 !read_ok", 4,
	  TAIL(BVT_MAP_PROG_ARRAY), BV_EXIT_INSN());
	T("tail call: hash map (6.18)", none, BV_REJECT,
	  "expected prog array map for tail call", 3,
	  TAIL(BVT_MAP_HASH), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
	T("tail call: hash map (6.1)", locked_61, BV_REJECT,
	  "kernel subsystem misconfigured verifier", 3,
	  TAIL(BVT_MAP_HASH), BV_MOV64_IMM(0, 0), BV_EXIT_INSN());
}

int main(void)
{
	locks();
	tail_calls();
	return bvt_summary();
}
