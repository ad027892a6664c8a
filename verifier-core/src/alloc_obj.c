/* alloc_obj.c — program-allocated objects: bpf_obj_new() returns a
 * referenced pointer to a new object of one of the program's own BTF
 * structs (PTR_TO_BTF_ID | MEM_ALLOC, maybe NULL until checked), the
 * program reads and writes its fields (btf_ptr.c, through the facade's
 * struct walk on the program's BTF), and bpf_obj_drop() releases it.
 *
 * Only plain structs are modelled: a struct holding a lock, a list or
 * rbtree root or node, a refcount or a kptr (the kernel's struct meta)
 * ends with BV_ERROR naming it, as do the graph kfuncs themselves (the
 * facade does not describe them).
 */
#include <errno.h>
#include <stdio.h>

#include "alloc_obj.h"

static bool reg_is_null_const(const struct bv_reg *r)
{
	return r->type == BV_SCALAR && bv_tnum_is_const(r->s.var_off) && r->s.var_off.value == 0;
}

/* Kernel is_trusted_reg: referenced; a socket or map pointer (types
 * with a kernel struct of their own); or carrying only the trusted
 * modifiers. */
static bool reg_is_trusted(const struct bv_reg *r)
{
	const bv_reg_type trusted_mods = BV_MEM_ALLOC | BV_PTR_TRUSTED | BV_NON_OWN_REF;
	bv_reg_type flags = r->type & ~((1u << BV_BASE_TYPE_BITS) - 1);
	bool unsafe = flags & (BV_PTR_UNTRUSTED | BV_MEM_RCU | BV_PTR_MAYBE_NULL | BV_MEM_PERCPU |
			       BV_MEM_USER);

	if (r->ref_obj_id)
		return true;
	switch (BV_BASE_TYPE(r->type)) {
	case BV_PTR_TO_SOCKET:
	case BV_PTR_TO_SOCK_COMMON:
	case BV_PTR_TO_TCP_SOCK:
	case BV_CONST_PTR_TO_MAP:
		return !unsafe;
	default:
		return (flags & trusted_mods) && !unsafe;
	}
}

int bv_alloc_obj_arg(struct bv_env *env, const struct bv_kfunc_desc *d, uint32_t argno,
		     uint32_t regno)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int32_t idx = env->insn_idx;

	/* the kfuncs taking one release it: their arguments are trusted */
	if (reg_is_null_const(r) || (r->type & BV_PTR_MAYBE_NULL))
		return bv_reject(&env->log, idx, -EACCES,
				 "Possibly NULL pointer passed to trusted arg%u", argno);
	if (!reg_is_trusted(r))
		return bv_reject(&env->log, idx, -EINVAL, "R%u must be referenced or trusted", regno);
	if (r->type == (BV_PTR_TO_BTF_ID | BV_MEM_ALLOC | BV_MEM_PERCPU))
		return bv_unsupported(&env->log, idx, "per-CPU allocated objects (%s)", d->name);
	if (r->type != (BV_PTR_TO_BTF_ID | BV_MEM_ALLOC))
		return bv_reject(&env->log, idx, -EINVAL,
				 "arg#%u expected pointer to allocated object", argno);
	if (!r->ref_obj_id)
		return bv_reject(&env->log, idx, -EINVAL, "allocated object must be referenced");
	return 0;
}

int bv_alloc_obj_new(struct bv_env *env, uint64_t local_id, struct bv_reg *r0)
{
	int (*op)(void *, uint32_t, uint32_t *, char *, size_t) = bv_facade_local_struct(env->f);
	int32_t idx = env->insn_idx;
	char what[64] = "";
	uint32_t size = 0;
	int err;

	if ((uint64_t)(uint32_t)local_id != local_id)
		return bv_reject(&env->log, idx, -EINVAL,
				 "local type ID argument must be in range [0, U32_MAX]");
	if (!op)
		return bv_unsupported(&env->log, idx, "bpf_obj_new: the program's own BTF types");
	err = op(env->f->ctx, (uint32_t)local_id, &size, what, sizeof(what));
	if (err == -ENODATA)
		return bv_reject(&env->log, idx, -EINVAL,
				 "bpf_obj_new/bpf_percpu_obj_new requires prog BTF");
	if (err == -EOPNOTSUPP)
		return bv_unsupported(&env->log, idx,
				      "bpf_obj_new of a struct holding %s (graph, refcount, lock "
				      "and kptr fields of allocated objects are not modelled yet)",
				      what[0] ? what : "special fields");
	if (err || (local_id & BV_BTF_ID_LOCAL))
		return bv_reject(&env->log, idx, -EINVAL,
				 "bpf_obj_new/bpf_percpu_obj_new type ID argument must be of a struct");
	bv_reg_mark_ptr(r0, BV_PTR_TO_BTF_ID | BV_MEM_ALLOC, idx);
	r0->btf_id = (uint32_t)local_id | BV_BTF_ID_LOCAL;
	return 0;
}
