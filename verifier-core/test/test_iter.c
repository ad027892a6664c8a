/* test_iter.c — open-coded iterators (iter.c) against a test facade whose
 * kfunc op describes two iterator types the way the kernel's kfunc facts
 * and BTF do:
 *   struct bpf_iter_num (id 20, 8 bytes):  200 new(it, int, int),
 *       201 next(it) -> int * (KF_RET_NULL), 202 destroy(it)
 *   struct bpf_iter_wide (id 21, 16 bytes): 210 new(it), 211 next(it),
 *       212 destroy(it)
 */
#include "fixture.h"

static void iter_arg(struct bv_kfunc_arg *a, bool wide)
{
	a->kind = BV_KF_ARG_ITER;
	a->btf_id = wide ? 21 : 20;
	a->size = wide ? 16 : 8;
	snprintf(a->name, sizeof(a->name), "it");
	snprintf(a->type_name, sizeof(a->type_name), "%s",
		 wide ? "bpf_iter_wide" : "bpf_iter_num");
}

static int kfunc(void *ctx, int32_t id, int16_t off, struct bv_kfunc_desc *d)
{
	bool wide = id >= 210;

	(void)ctx; (void)off;
	memset(d, 0, sizeof(*d));
	d->allowed = true;
	switch (id % 10) {
	case 0:
		d->name = wide ? "bpf_iter_wide_new" : "bpf_iter_num_new";
		d->flags = BV_KF_ITER | BV_KF_ITER_NEW;
		d->nargs = wide ? 1 : 3;
		for (uint32_t i = 1; i < d->nargs; i++) {
			d->args[i].kind = BV_KF_ARG_SCALAR;
			d->args[i].size = 4;
		}
		d->ret = BV_KF_RET_SCALAR;
		d->ret_size = 4;
		break;
	case 1:
		d->name = wide ? "bpf_iter_wide_next" : "bpf_iter_num_next";
		d->flags = BV_KF_ITER | BV_KF_ITER_NEXT | BV_KF_RET_NULL;
		d->nargs = 1;
		d->ret = BV_KF_RET_MEM;
		d->ret_size = 4;
		break;
	case 2:
		d->name = wide ? "bpf_iter_wide_destroy" : "bpf_iter_num_destroy";
		d->flags = BV_KF_ITER | BV_KF_ITER_DESTROY;
		d->nargs = 1;
		break;
	default:
		return -ENOENT;
	}
	if ((id < 200 || id > 202) && (id < 210 || id > 212))
		return -ENOENT;
	iter_arg(&d->args[0], wide);
	return 0;
}

#define KCALL(id) BV_RAW(BV_JMP | BV_CALL, 0, BV_PSEUDO_KFUNC_CALL, 0, id)
/* r1 = fp + off */
#define IT_PTR(off) BV_MOV64_REG(1, 10), BV_ALU64_IMM(BV_ADD, 1, off)

static struct bv_result check(const char *name, const struct bv_insn *p, uint32_t n,
			      const struct bv_facade *f, enum bv_verdict want, const char *msg,
			      int32_t at)
{
	struct bv_result r = run(p, n, f);

	expect(name, &r, want, msg, at);
	return r;
}

int main(void)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_TRACEPOINT);
	tf.f.kfunc = kfunc;
	{
		/* for (i in 0..10) sum += *i; the sum changes every iteration
		 * and is widened, so the loop converges after two */
		struct bv_insn p[] = {
			BV_MOV64_IMM(6, 0),
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-8),                     /* 6 */
			KCALL(201),                     /* 8 */
			BV_JMP_IMM(BV_JEQ, 0, 0, 3),
			BV_LDX_MEM(BV_W, 2, 0, 0),
			BV_ALU64_REG(BV_ADD, 6, 2),
			BV_JMP_A(-7),
			IT_PTR(-8),                     /* 13 */
			KCALL(202),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		struct bv_result r = check("loop converges", p, BVT_LEN(p), &tf.f, BV_ACCEPT,
					   NULL, -1);

		expect_true("loop converges: few instructions", r.insns_processed < 60, &r);
	}
	{
		struct bv_insn p[] = {
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-8),
			KCALL(201),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("iterator never destroyed", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "Unreleased reference id=1 alloc_insn=4", 9);
	}
	{
		struct bv_insn p[] = {
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("new on a live iterator", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "expected uninitialized iter_num as arg #0", 9);
	}
	{
		struct bv_insn p[] = {
			BV_ST_MEM(BV_DW, 10, -8, 0),
			IT_PTR(-8),
			KCALL(201),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("next on plain stack", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "expected an initialized iter_num as arg #0", 3);
	}
	{
		struct bv_insn p[] = {
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-8),
			KCALL(202),
			IT_PTR(-8),
			KCALL(202),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("destroy twice", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "expected an initialized iter_num as arg #0", 10);
	}
	{
		struct bv_insn p[] = {
			BV_MOV64_IMM(1, 0),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("iterator not on the stack", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "arg#0 expected pointer to an iterator on stack", 3);
	}
	{
		struct bv_insn p[] = {
			IT_PTR(-12),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("misaligned iterator", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "cannot pass in iter at an offset=-12", 4);
	}
	{
		/* a 16-byte iterator needs two slots below its address */
		struct bv_insn p[] = {
			IT_PTR(-8),
			KCALL(210),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("two-slot iterator at fp-8", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "cannot pass in iter at an offset=-8", 2);
	}
	{
		struct bv_insn p[] = {
			IT_PTR(-16),
			KCALL(210),
			IT_PTR(-16),
			KCALL(211),
			IT_PTR(-16),
			KCALL(212),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("two-slot iterator", p, BVT_LEN(p), &tf.f, BV_ACCEPT, NULL, -1);
	}
	{
		/* a num iterator's slot passed as the wide one's */
		struct bv_insn p[] = {
			IT_PTR(-16),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-16),
			KCALL(211),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("wrong iterator type", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "expected an initialized iter_wide as arg #0", 7);
	}
	{
		struct bv_insn p[] = {
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-8),
			KCALL(201),
			BV_JMP_IMM(BV_JEQ, 0, 0, 1),
			BV_ST_MEM(BV_W, 0, 0, 1),
			IT_PTR(-8),
			KCALL(202),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("write to the element", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "R0 cannot write into rdonly_mem", 9);
	}
	{
		/* the element belongs to the iterator: gone with destroy */
		struct bv_insn p[] = {
			IT_PTR(-8),
			BV_MOV64_IMM(2, 0),
			BV_MOV64_IMM(3, 10),
			KCALL(200),
			IT_PTR(-8),
			KCALL(201),
			BV_MOV64_REG(6, 0),
			IT_PTR(-8),
			KCALL(202),
			BV_JMP_IMM(BV_JEQ, 6, 0, 1),
			BV_LDX_MEM(BV_W, 0, 6, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("element after destroy", p, BVT_LEN(p), &tf.f, BV_REJECT,
		      "R6 invalid mem access 'scalar'", 13);
	}
	return bvt_summary();
}
