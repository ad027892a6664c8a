/* test_btf_ptr.c — loads through BTF-typed pointers (PTR_TO_BTF_ID) and
 * the core's rules around the facade's struct walk: reads only, fixed
 * non-negative offsets, NULL checks of maybe-NULL pointers, the facade's
 * refusal passed through, GPL and capability gates, and chains of
 * pointers (task->mm->…), one load reached through pointers of different
 * trust.
 *
 * The test facade is a tracing-like program type whose context holds two
 * pointers to a "task" struct (off 0: trusted; off 8: trusted, maybe
 * NULL). Struct "task" (id 10, 64 bytes): u32 pid at 0, a pointer to
 * "mm" at 8, u64 fields from 16 to 64. Struct "mm" (id 11, 16 bytes): two
 * u64 fields.
 */
#include "fixture.h"

#define TASK_ID 10
#define MM_ID 11

static bool ctx_access(void *ctx, int32_t off, uint32_t size, enum bv_access access,
		       struct bv_ctx_access_info *info)
{
	(void)ctx;
	if (access != BV_READ || size != 8 || (off != 0 && off != 8))
		return false;
	info->reg_type = BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED | (off ? BV_PTR_MAYBE_NULL : 0);
	info->btf_id = TASK_ID;
	snprintf(info->msg, sizeof(info->msg), "func 'f' arg%d has btf_id %d type STRUCT 'task'",
		 off / 8, TASK_ID);
	return true;
}

static int struct_access(void *ctx, uint32_t btf_id, int32_t off, uint32_t size,
			 enum bv_access access, struct bv_btf_access *out)
{
	uint32_t end = btf_id == TASK_ID ? 64 : 16;

	(void)ctx;
	(void)access;
	if ((uint32_t)off + size > end) {
		snprintf(out->msg, sizeof(out->msg), "access beyond struct %s at off %d size %u",
			 btf_id == TASK_ID ? "task" : "mm", off, size);
		return -EACCES;
	}
	if (btf_id == TASK_ID && off == 8) {
		if (size != 8) {
			snprintf(out->msg, sizeof(out->msg),
				 "cannot access ptr member mm with moff 8 in struct task with off 8 size %u",
				 size);
			return -EACCES;
		}
		/* walking a trusted pointer to an unlisted field: plain ptr_ */
		out->type = BV_PTR_TO_BTF_ID;
		out->btf_id = MM_ID;
		return 0;
	}
	out->type = BV_SCALAR;
	return 0;
}

static const char *type_name(void *ctx, uint32_t btf_id)
{
	(void)ctx;
	return btf_id == TASK_ID ? "task" : btf_id == MM_ID ? "mm" : NULL;
}

static void init(struct bvt_facade *tf)
{
	bvt_facade_init(tf, BV_PROG_TYPE_TRACING);
	tf->f.ctx_access = ctx_access;
	tf->f.btf_struct_access = struct_access;
	tf->f.btf_type_name = type_name;
	tf->f.ctx_size = 96;
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
		/* r2 = task; r0 = task->pid */
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_LDX_MEM(BV_W, 0, 2, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("read a scalar field", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_ST_MEM(BV_W, 2, 0, 1),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("write refused", p, BVT_LEN(p), &tf, BV_REJECT, "only read is supported", 1);
	}
	{
		/* the second argument may be NULL */
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 8),
			BV_LDX_MEM(BV_W, 0, 2, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("maybe-NULL dereference", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R2 invalid mem access 'trusted_ptr_or_null_'", 1);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 8),
			BV_JMP_IMM(BV_JEQ, 2, 0, 1),
			BV_LDX_MEM(BV_W, 0, 2, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("NULL-checked dereference", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		/* task->mm->field: the walked pointer is a plain ptr_mm */
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_LDX_MEM(BV_DW, 3, 2, 8),
			BV_LDX_MEM(BV_DW, 0, 3, 8),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("pointer chain", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_LDX_MEM(BV_DW, 3, 2, 8),
			BV_LDX_MEM(BV_DW, 0, 3, 16),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("beyond the walked struct", p, BVT_LEN(p), &tf, BV_REJECT,
		      "access beyond struct mm at off 16 size 8", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_LDX_MEM(BV_W, 3, 2, 8),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("partial pointer member", p, BVT_LEN(p), &tf, BV_REJECT,
		      "cannot access ptr member mm with moff 8 in struct task with off 8 size 4", 1);
	}
	{
		/* a fixed offset added to the pointer counts */
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_ALU64_IMM(BV_ADD, 2, 60),
			BV_LDX_MEM(BV_DW, 0, 2, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("fixed offset beyond", p, BVT_LEN(p), &tf, BV_REJECT,
		      "access beyond struct task at off 60 size 8", 2);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_LDX_MEM(BV_W, 0, 2, -8),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("negative offset", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R2 is ptr_task invalid negative access: off=-8", 1);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 6, 1, 0),
			BV_CALL_HELPER(BVT_FN_ktime_get_ns),
			BV_ALU64_IMM(BV_AND, 0, 7),
			BV_ALU64_REG(BV_ADD, 6, 0),
			BV_LDX_MEM(BV_B, 0, 6, 16),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("variable offset", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R6 is ptr_task invalid variable offset: off=16, var_off=(0x0; 0x7)", 4);
	}
	{
		struct bv_insn p[] = {
			BV_LDX_MEM(BV_DW, 2, 1, 0),
			BV_LDX_MEM(BV_W, 0, 2, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		tf.f.gpl_compatible = false;
		check("non-GPL", p, BVT_LEN(p), &tf, BV_REJECT,
		      "Cannot access kernel 'struct task' from non-GPL compatible program", 1);
		tf.f.gpl_compatible = true;
		tf.f.btf_struct_access = NULL;
		check("no facade op", p, BVT_LEN(p), &tf, BV_ERROR, NULL, 1);
	}
	{
		/* one load reached through a trusted task on one path and a
		 * plain mm pointer on the other (kernel: allow_trust_mismatch
		 * for loads, the load made a probing one) */
		struct bv_insn p[] = {
			BV_MOV64_REG(6, 1),
			BV_CALL_HELPER(BVT_FN_ktime_get_ns),
			BV_LDX_MEM(BV_DW, 2, 6, 0),
			BV_JMP_IMM(BV_JEQ, 0, 0, 1),
			BV_LDX_MEM(BV_DW, 2, 2, 8),
			BV_LDX_MEM(BV_DW, 3, 2, 0),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		uint64_t all = tf.f.features;

		tf.f.btf_struct_access = struct_access;
		check("load through BTF pointers of different trust", p, BVT_LEN(p), &tf,
		      BV_ACCEPT, NULL, -1);
		tf.f.features &= ~BV_FEAT_BIT(BV_FEAT_LOAD_TRUST_MISMATCH);
		check("mixed trust without load-trust-mismatch", p, BVT_LEN(p), &tf, BV_REJECT,
		      "same insn cannot be used with different pointers", 5);
		tf.f.features = all;
	}
	return bvt_summary();
}
