/* test_alloc_obj.c — objects the program allocates (alloc_obj.c):
 * bpf_obj_new() of a local struct, its NULL check, field writes and reads
 * within the struct, bpf_obj_drop() releasing it, and the refusals: a
 * non-struct type id, a struct with special fields (not modelled: error),
 * a drop of something else, a leak, a use after the drop.
 *
 * Test facade: a tc-like program; kfunc 200 is bpf_obj_new_impl
 * (local_type_id__k, meta__ign; KF_ACQUIRE | KF_RET_NULL), 201
 * bpf_obj_drop_impl (p__alloc, meta__ign; KF_RELEASE). The program's
 * BTF: id 5 a 16-byte struct "obj", id 6 an int, id 7 a struct holding a
 * bpf_spin_lock.
 */
#include "fixture.h"

#define OBJ_ID 5

static int kfunc(void *ctx, int32_t id, int16_t off, struct bv_kfunc_desc *d)
{
	(void)ctx; (void)off;
	memset(d, 0, sizeof(*d));
	d->allowed = true;
	d->nargs = 2;
	d->args[1].kind = BV_KF_ARG_IGNORED;
	switch (id) {
	case 200:
		d->name = "bpf_obj_new_impl";
		d->flags = BV_KF_ACQUIRE | BV_KF_RET_NULL;
		d->args[0].kind = BV_KF_ARG_SCALAR;
		d->args[0].size = 8;
		d->args[0].is_const = true;
		d->ret = BV_KF_RET_ALLOC_OBJ;
		return 0;
	case 201:
		d->name = "bpf_obj_drop_impl";
		d->flags = BV_KF_RELEASE;
		d->args[0].kind = BV_KF_ARG_ALLOC;
		return 0;
	default:
		return -ENOENT;
	}
}

static int local_struct(void *ctx, uint32_t id, uint32_t *size, char *what, size_t n)
{
	(void)ctx;
	if (id == OBJ_ID) {
		*size = 16;
		return 0;
	}
	if (id == 7) {
		snprintf(what, n, "bpf_spin_lock");
		return -EOPNOTSUPP;
	}
	return -ENOENT;
}

static int struct_access(void *ctx, uint32_t btf_id, int32_t off, uint32_t size,
			 enum bv_access access, struct bv_btf_access *out)
{
	(void)ctx; (void)access;
	if (btf_id != (OBJ_ID | BV_BTF_ID_LOCAL))
		return -EACCES;
	if ((uint32_t)off + size > 16) {
		snprintf(out->msg, sizeof(out->msg), "access beyond struct obj at off %d size %u",
			 off, size);
		return -EACCES;
	}
	out->type = BV_SCALAR;
	return 0;
}

static const char *type_name(void *ctx, uint32_t btf_id)
{
	(void)ctx;
	return btf_id == (OBJ_ID | BV_BTF_ID_LOCAL) ? "obj" : NULL;
}

#define KCALL(id) BV_RAW(BV_JMP | BV_CALL, 0, BV_PSEUDO_KFUNC_CALL, 0, id)

static void check(const char *name, const struct bv_insn *p, uint32_t n,
		  struct bvt_facade *tf, enum bv_verdict want, const char *msg, int32_t at)
{
	struct bv_result r = run(p, n, &tf->f);

	expect(name, &r, want, msg, at);
}

int main(void)
{
	struct bvt_facade tf;

	bvt_facade_init(&tf, BV_PROG_TYPE_SCHED_CLS);
	tf.f.kfunc = kfunc;
	tf.f.local_struct = local_struct;
	tf.f.btf_struct_access = struct_access;
	tf.f.btf_type_name = type_name;
	{
		/* s = obj_new(obj); if (!s) return 0; s->a = 1; r = s->b; drop(s) */
		struct bv_insn p[] = {
			BV_MOV64_IMM(1, OBJ_ID),
			BV_MOV64_IMM(2, 0),
			KCALL(200),
			BV_JMP_IMM(BV_JEQ, 0, 0, 6),
			BV_MOV64_REG(6, 0),
			BV_ST_MEM(BV_DW, 6, 0, 1),
			BV_LDX_MEM(BV_W, 7, 6, 8),
			BV_MOV64_REG(1, 6),
			BV_MOV64_IMM(2, 0),
			KCALL(201),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("new, write, read, drop", p, BVT_LEN(p), &tf, BV_ACCEPT, NULL, -1);
		p[6] = (struct bv_insn)BV_LDX_MEM(BV_DW, 7, 6, 12);
		check("read past the struct", p, BVT_LEN(p), &tf, BV_REJECT,
		      "access beyond struct obj at off 12 size 8", 6);
		p[6] = (struct bv_insn)BV_LDX_MEM(BV_W, 7, 6, 8);
		p[9] = (struct bv_insn)BV_MOV64_IMM(0, 0);
		check("no drop: a leak", p, BVT_LEN(p), &tf, BV_REJECT,
		      "Unreleased reference id=2 alloc_insn=2", 11);
		p[9] = (struct bv_insn)KCALL(201);
		p[3] = (struct bv_insn)BV_MOV64_IMM(3, 0);
		check("no NULL check", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R6 invalid mem access 'ptr_or_null_'", 5);
		p[3] = (struct bv_insn)BV_JMP_IMM(BV_JEQ, 0, 0, 6);
		p[0] = (struct bv_insn)BV_MOV64_IMM(1, 6);
		check("not a struct", p, BVT_LEN(p), &tf, BV_REJECT,
		      "bpf_obj_new/bpf_percpu_obj_new type ID argument must be of a struct", 2);
		p[0] = (struct bv_insn)BV_MOV64_IMM(1, 7);
		check("special fields: unsupported", p, BVT_LEN(p), &tf, BV_ERROR, NULL, 2);
	}
	{
		/* drop twice */
		struct bv_insn p[] = {
			BV_MOV64_IMM(1, OBJ_ID),
			BV_MOV64_IMM(2, 0),
			KCALL(200),
			BV_JMP_IMM(BV_JEQ, 0, 0, 7),
			BV_MOV64_REG(6, 0),
			BV_MOV64_REG(1, 6),
			BV_MOV64_IMM(2, 0),
			KCALL(201),
			BV_MOV64_REG(1, 6),
			BV_MOV64_IMM(2, 0),
			KCALL(201),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("dropped twice", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 must be referenced or trusted", 10);
	}
	{
		/* drop a stack pointer */
		struct bv_insn p[] = {
			BV_MOV64_REG(1, 10),
			BV_ALU64_IMM(BV_ADD, 1, -8),
			BV_ST_MEM(BV_DW, 10, -8, 0),
			BV_MOV64_IMM(2, 0),
			KCALL(201),
			BV_MOV64_IMM(0, 0),
			BV_EXIT_INSN(),
		};
		check("drop of the stack", p, BVT_LEN(p), &tf, BV_REJECT,
		      "R1 must be referenced or trusted", 4);
	}
	return bvt_summary();
}
