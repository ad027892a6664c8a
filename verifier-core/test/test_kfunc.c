/* test_kfunc.c — kfunc calls (kfunc.c) against a test facade: the kfunc
 * op describes three kfuncs of a "task" struct (id 10):
 *   id 100 acquire(task *) -> task *   KF_ACQUIRE | KF_RCU | KF_RET_NULL
 *   id 101 release(task *)             KF_RELEASE
 *   id 102 rcu_lock / 103 rcu_unlock   (bpf_rcu_read_lock / _unlock)
 *   id 104 sleepy(int)                 KF_SLEEPABLE
 *   id 105 other(int)                  not in a set for this program type
 *   id 106 dynptr thing                described as unsupported
 *   id 107 refused_here(int)           refused by this kernel build after
 *                                      its arguments are checked
 * The context holds a trusted task pointer at off 0.
 */
#include "fixture.h"

#define TASK_ID 10

static bool ctx_access(void *ctx, int32_t off, uint32_t size, enum bv_access access,
		       struct bv_ctx_access_info *info)
{
	(void)ctx;
	if (access != BV_READ || size != 8 || off != 0)
		return false;
	info->reg_type = BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED;
	info->btf_id = TASK_ID;
	return true;
}

static int struct_access(void *ctx, uint32_t btf_id, int32_t off, uint32_t size,
			 enum bv_access access, struct bv_btf_access *out)
{
	(void)ctx; (void)btf_id; (void)access;
	if ((uint32_t)off + size > 64) {
		snprintf(out->msg, sizeof(out->msg), "access beyond struct task at off %d size %u",
			 off, size);
		return -EACCES;
	}
	out->type = BV_SCALAR;
	return 0;
}

static const char *type_name(void *ctx, uint32_t btf_id)
{
	(void)ctx;
	return btf_id == TASK_ID ? "task" : NULL;
}

static void task_arg(struct bv_kfunc_arg *a)
{
	a->kind = BV_KF_ARG_BTF_ID;
	a->btf_id = TASK_ID;
	snprintf(a->name, sizeof(a->name), "p");
	snprintf(a->type_name, sizeof(a->type_name), "task");
}

static int kfunc(void *ctx, int32_t id, int16_t off, struct bv_kfunc_desc *d)
{
	(void)ctx; (void)off;
	memset(d, 0, sizeof(*d));
	d->allowed = true;
	switch (id) {
	case 100:
		d->name = "acquire";
		d->flags = BV_KF_ACQUIRE | BV_KF_RCU | BV_KF_RET_NULL;
		d->nargs = 1;
		task_arg(&d->args[0]);
		d->ret = BV_KF_RET_BTF_ID;
		d->ret_btf_id = TASK_ID;
		return 0;
	case 101:
		d->name = "release";
		d->flags = BV_KF_RELEASE;
		d->nargs = 1;
		task_arg(&d->args[0]);
		return 0;
	case 102:
		d->name = "bpf_rcu_read_lock";
		return 0;
	case 103:
		d->name = "bpf_rcu_read_unlock";
		return 0;
	case 104:
	case 105:
		d->name = id == 104 ? "sleepy" : "other";
		d->flags = id == 104 ? BV_KF_SLEEPABLE : 0;
		d->allowed = id == 104;
		d->nargs = 1;
		d->args[0].kind = BV_KF_ARG_SCALAR;
		d->args[0].size = 4;
		d->ret = BV_KF_RET_SCALAR;
		d->ret_size = 4;
		return 0;
	case 107:
		d->name = "refused_here";
		d->nargs = 1;
		d->args[0].kind = BV_KF_ARG_SCALAR;
		d->args[0].size = 4;
		d->ret = BV_KF_RET_SCALAR;
		d->ret_size = 4;
		snprintf(d->refused, sizeof(d->refused), "refused_here() is not allowed");
		return 0;
	case 106:
		d->name = "bpf_dynptr_thing";
		snprintf(d->unsupported, sizeof(d->unsupported),
			 "kfunc bpf_dynptr_thing (dynptrs) is not modelled yet");
		return 0;
	default:
		return -ENOENT;
	}
}

#define KCALL(id) BV_RAW(BV_JMP | BV_CALL, 0, BV_PSEUDO_KFUNC_CALL, 0, id)

static void init(struct bvt_facade *tf)
{
	bvt_facade_init(tf, BV_PROG_TYPE_TRACING);
	tf->f.ctx_access = ctx_access;
	tf->f.btf_struct_access = struct_access;
	tf->f.btf_type_name = type_name;
	tf->f.ctx_size = 8;
	tf->f.kfunc = kfunc;
	tf->f.features |= BV_FEAT_BIT(BV_FEAT_BTF_TRUSTED_PTRS);
}

static void check(const char *name, const struct bv_insn *p, uint32_t n,
		  struct bvt_facade *tf, enum bv_verdict want, const char *msg, int32_t at)
{
	struct bv_result r = run(p, n, &tf->f);

	expect(name, &r, want, msg, at);
}

int main(void)
{
	struct bvt_facade tf;

	init(&tf);
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 1, 1, 0),
			KCALL(100),
			BV_JMP_IMM(BV_JEQ, 0, 0, 2),
			BV_MOV64_REG(1, 0),
			KCALL(101),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("acquire, check, release", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 1, 1, 0),
			KCALL(100),
			BV_JMP_IMM(BV_JEQ, 0, 0, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("leak", p, BVT_LEN(p), &tf, BV_REJECT,
		      "Unreleased reference id=2 alloc_insn=1", 4);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 1, 1, 0),
			KCALL(100),
			BV_LDX_MEM(BV_W, 2, 0, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("maybe-NULL result", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R0 invalid mem access 'ptr_or_null_'", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 1, 1, 0),
			KCALL(101),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("release of an unreferenced pointer", p, BVT_LEN(p), &tf, BV_REJECT,
		      "release kernel function release expects refcounted PTR_TO_BTF_ID", 1);
	}
	{
		struct bv_insn p[] = {
			BV_MOV64_IMM(1, 0),
			KCALL(100),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("NULL to an RCU arg", p, BVT_LEN(p), &tf, BV_REJECT,
		      "Possibly NULL pointer passed to trusted arg0", 1);
	}
	{
		struct bv_insn p[] = {
			KCALL(102),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_RCU_REGION_EXIT_MSG);
		check("rcu lock held at exit (older wording)", p, BVT_LEN(p), &tf, BV_REJECT,
		      "bpf_rcu_read_unlock is missing", 2);
		tf.f.features |= BV_FEAT_BIT(BV_FEAT_RCU_REGION_EXIT_MSG);
		check("rcu lock held at exit (6.18 wording)", p, BVT_LEN(p), &tf, BV_REJECT,
		      "BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region",
		      2);
	}
	{
		struct bv_insn p[] = {
			KCALL(102),
			KCALL(102),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("nested rcu lock", p, BVT_LEN(p), &tf, BV_REJECT,
		      "nested rcu read lock (kernel function bpf_rcu_read_lock)", 1);
	}
	{
		struct bv_insn p[] = {
			KCALL(103),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("unmatched rcu unlock", p, BVT_LEN(p), &tf, BV_REJECT,
		      "unmatched rcu read unlock (kernel function bpf_rcu_read_unlock)", 0);
	}
	{
		struct bv_insn p[] = {
			BV_MOV64_IMM(1, 1),
			KCALL(104),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("sleepable kfunc", p, BVT_LEN(p), &tf, BV_REJECT,
		      "program must be sleepable to call sleepable kfunc sleepy", 1);
		p[1] = (struct bv_insn)KCALL(105);
		check("not allowed", p, BVT_LEN(p), &tf, BV_REJECT,
		      "calling kernel function other is not allowed", 1);
		p[1] = (struct bv_insn)KCALL(106);
		check("not modelled", p, BVT_LEN(p), &tf, BV_ERROR, NULL, 1);
	}
	{
		/* libbpf's unresolved weak kfunc: R0 untouched */
		struct bv_insn p[] = {
			KCALL(0),
			BV_EXIT_INSN(),
		};
		check("unresolved weak kfunc, R0 read", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R0 !read_ok", 1);
		struct bv_insn q[] = {
			BV_MOV64_IMM(0, 0),
			KCALL(0),
			BV_EXIT_INSN(),
		};
		check("unresolved weak kfunc reached", q, BVT_LEN(q), &tf, BV_REJECT,
		      "invalid kernel function call not eliminated in verifier pass", -1);
	}
	{
		/* a kfunc call reads the parameters of its prototype only:
		 * R2-R5, set on one path and not on the other, are dead at
		 * insn 9, so the path from 4 is pruned there (kernel 6.18:
		 * "from 4 to 9: safe", 16 insns, 1 state) */
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 1, 1, 0),
			KCALL(100),
			BV_JMP_IMM(BV_JEQ, 0, 0, 10),
			BV_LDX_MEM(BV_W, 1, 0, 0),
			BV_JMP_IMM(BV_JNE, 1, 1, 4),
			BV_MOV64_IMM(2, 5),
			BV_MOV64_IMM(3, 6),
			BV_MOV64_IMM(4, 7),
			BV_MOV64_IMM(5, 8),
			BV_MOV64_REG(1, 0),
			KCALL(101),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		struct bv_result r = run(p, BVT_LEN(p), &tf.f);

		expect_true("kfunc reads its parameters only: pruned at the release",
			    r.verdict == BV_ACCEPT && r.insns_processed == 16 &&
			    r.total_states == 1, &r);
	}
	{
		/* a kernel build's refusal comes after the argument checks */
		struct bv_insn p[] = {
			BV_MOV64_IMM(1, 3),
			KCALL(107),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("refused after its arguments", p, BVT_LEN(p), &tf, BV_REJECT,
		      "refused_here() is not allowed", 1);
		p[0] = (struct bv_insn)BV_MOV64_REG(1, 10);
		check("argument check first", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 is not a scalar", 1);
	}
	return bvt_summary();
}
