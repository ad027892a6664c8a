/* kfunc.c — calls of kernel functions (BPF_PSEUDO_KFUNC_CALL), as the
 * kernel's check_kfunc_call does them: availability for the program type,
 * sleepable and destructive kfuncs, argument checks from the BTF prototype
 * (scalars, constants, pointers to kernel structs with the trusted / RCU
 * rules of the kfunc's flags), acquired and released references, the
 * return value, and bpf_rcu_read_lock / bpf_rcu_read_unlock sections.
 *
 * What the kernel knows about each kfunc comes from the facade's kfunc op
 * (struct bv_kfunc_desc); a kfunc it cannot describe ends with BV_ERROR
 * naming it. A call of id 0 is libbpf's unresolved weak kfunc: the kernel
 * leaves it alone during the walk (no register changes) and refuses the
 * program afterwards if the walk reached it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alloc_obj.h"
#include "dynptr.h"
#include "state.h"

static bool is_rcu_lock(const struct bv_kfunc_desc *d)
{
	return strcmp(d->name, "bpf_rcu_read_lock") == 0;
}

static bool is_rcu_unlock(const struct bv_kfunc_desc *d)
{
	return strcmp(d->name, "bpf_rcu_read_unlock") == 0;
}

/* Kernel is_trusted_reg, for PTR_TO_BTF_ID registers: referenced, or
 * flagged trusted with no unsafe modifier. */
static bool reg_is_trusted(const struct bv_reg *r)
{
	const bv_reg_type trusted_mods = BV_MEM_ALLOC | BV_PTR_TRUSTED | BV_NON_OWN_REF;
	bv_reg_type flags = r->type & ~((1u << BV_BASE_TYPE_BITS) - 1);

	if (r->ref_obj_id)
		return true;
	return (flags & trusted_mods) && !(flags & ~trusted_mods);
}

static bool reg_is_null_const(const struct bv_reg *r)
{
	return r->type == BV_SCALAR && bv_tnum_is_const(r->s.var_off) && r->s.var_off.value == 0;
}

/* bpf_rcu_read_unlock: pointers valid only inside the section lose it. */
static void rcu_unlock_reg(struct bv_reg *r, void *arg)
{
	(void)arg;
	if (BV_BASE_TYPE(r->type) == BV_PTR_TO_BTF_ID && (r->type & BV_MEM_RCU)) {
		r->type &= ~(BV_MEM_RCU | BV_PTR_MAYBE_NULL);
		r->type |= BV_PTR_UNTRUSTED;
	}
}

struct kfunc_meta {
	uint32_t ref_obj_id;
	uint32_t release_regno;
	struct bv_iter_meta iter;     /* iter.c: the iterator argument */
	struct bv_dynptr_meta dynptr;   /* dynptr.c */
	uint64_t const_arg;             /* the last constant (__k) argument */
};

static const char *struct_name(const struct bv_env *env, uint32_t btf_id)
{
	const char *n = env->f->btf_type_name ? env->f->btf_type_name(env->f->ctx, btf_id) : NULL;

	return n ? n : "?";
}

/* Kernel check_kfunc_args, for the argument kinds the facade describes. */
static int check_args(struct bv_env *env, const struct bv_kfunc_desc *d, struct kfunc_meta *m)
{
	struct bv_reg *regs = bv_cur_regs(env);
	int32_t idx = env->insn_idx;
	char b[64], want[64];
	bool trusted = d->flags & BV_KF_TRUSTED_ARGS, rcu = d->flags & BV_KF_RCU;

	for (uint32_t i = 0; i < d->nargs; i++) {
		const struct bv_kfunc_arg *a = &d->args[i];
		uint32_t regno = i + 1;
		struct bv_reg *r = &regs[regno];
		int err;

		env->scratched_regs |= 1u << regno;
		if (a->kind == BV_KF_ARG_IGNORED)
			continue;
		if (a->kind == BV_KF_ARG_SCALAR) {
			if (r->type != BV_SCALAR)
				return bv_reject(&env->log, idx, -EINVAL, "R%u is not a scalar", regno);
			if (a->is_const && !bv_tnum_is_const(r->s.var_off))
				return bv_reject(&env->log, idx, -EINVAL,
						 "R%u must be a known constant", regno);
			if (a->is_const) {
				m->const_arg = r->s.var_off.value;
				err = bv_mark_precise(env, regno);
				if (err)
					return err;
			}
			continue;
		}
		if (a->kind == BV_KF_ARG_ITER) {
			err = bv_iter_process_arg(env, d, regno, &m->iter);
			if (err)
				return err;
			m->ref_obj_id = m->iter.ref_obj_id;
			continue;
		}
		if ((trusted || rcu) && (reg_is_null_const(r) || (r->type & BV_PTR_MAYBE_NULL)) &&
		    !a->nullable)
			return bv_reject(&env->log, idx, -EACCES,
					 "Possibly NULL pointer passed to trusted arg%u", i);
		bool mem_pair = a->kind == BV_KF_ARG_MEM && i + 1 < d->nargs && d->args[i + 1].is_sz;

		if (a->nullable && reg_is_null_const(r) && !mem_pair)
			continue;
		if (r->ref_obj_id) {
			m->ref_obj_id = r->ref_obj_id;
			if (d->flags & BV_KF_RELEASE)
				m->release_regno = regno;
		}
		if (a->kind == BV_KF_ARG_ALLOC) {
			err = bv_alloc_obj_arg(env, d, i, regno);
			if (err)
				return err;
			continue;
		}
		if (a->kind == BV_KF_ARG_DYNPTR || a->kind == BV_KF_ARG_CTX || mem_pair) {
			err = bv_dynptr_kfunc_arg(env, d, i, &m->dynptr);
			if (err)
				return err;
			if (mem_pair)
				i++;     /* its size argument went with it */
			continue;
		}
		if (a->kind != BV_KF_ARG_BTF_ID)
			return bv_unsupported(&env->log, idx, "kfunc %s: argument %u ('%s')",
					      d->name, i, a->name);
		if (BV_BASE_TYPE(r->type) == BV_PTR_TO_BTF_ID && (trusted || rcu) &&
		    !reg_is_trusted(r)) {
			if (!rcu)
				return bv_reject(&env->log, idx, -EINVAL,
						 "R%u must be referenced or trusted", regno);
			if (!(r->type & BV_MEM_RCU))
				return bv_reject(&env->log, idx, -EINVAL,
						 "R%u must be a rcu pointer", regno);
		}
		if (BV_BASE_TYPE(r->type) != BV_PTR_TO_BTF_ID) {
			if (r->type == BV_PTR_TO_SOCKET || r->type == BV_PTR_TO_SOCK_COMMON ||
			    r->type == BV_PTR_TO_TCP_SOCK || r->type == BV_PTR_TO_XDP_SOCK)
				return bv_unsupported(&env->log, idx,
						      "kfunc %s: a socket pointer as argument %u",
						      d->name, i);
			/* get_kfunc_ptr_arg_type: not a kernel object at all, so
			 * the struct would have to be plain memory */
			return bv_reject(&env->log, idx, -EINVAL,
					 "arg#%u pointer type STRUCT %s must point to scalar, or struct with scalar",
					 i, a->type_name);
		}
		if ((r->type & ~((1u << BV_BASE_TYPE_BITS) - 1) &
		     ~(BV_MEM_ALLOC | BV_PTR_TRUSTED | BV_NON_OWN_REF)) &&
		    !(r->type & BV_MEM_RCU)) {
			bv_reg_type_str(env, r->type, b, sizeof(b));
			bv_reg_type_str(env, BV_BASE_TYPE(r->type) |
					     (r->type & (BV_MEM_ALLOC | BV_PTR_TRUSTED | BV_NON_OWN_REF)),
					want, sizeof(want));
			return bv_reject(&env->log, idx, -EINVAL, "arg#%u is %s expected %s or socket",
					 i, b, want);
		}
		/* check_func_arg_reg_off */
		if ((d->flags & BV_KF_RELEASE) && r->ref_obj_id) {
			if (r->off)
				return bv_reject(&env->log, idx, -EINVAL,
						 "R%u must have zero offset when passed to release func or trusted arg to kfunc",
						 regno);
			err = bv_check_ptr_off_reg(env, regno, false);
		} else {
			err = bv_check_ptr_off_reg(env, regno, true);
		}
		if (err)
			return err;
		/* process_kf_arg_ptr_to_btf_id */
		{
			bool strict = (d->flags & BV_KF_RELEASE) && r->ref_obj_id;
			bool ok = env->f->btf_ids_match ?
				  env->f->btf_ids_match(env->f->ctx, r->btf_id, r->off, a->btf_id, strict) :
				  r->off == 0 && r->btf_id == a->btf_id;

			if (!ok)
				return bv_reject(&env->log, idx, -EINVAL,
						 "kernel function %s args#%u expected pointer to STRUCT %s but R%u has a pointer to STRUCT %s",
						 d->name, i, a->type_name, regno,
						 struct_name(env, r->btf_id));
		}
	}
	if ((d->flags & BV_KF_RELEASE) && !m->release_regno) {
		int err = bv_reject(&env->log, idx, -EINVAL,
				    "release kernel function %s expects refcounted PTR_TO_BTF_ID",
				    d->name);

		/* the release kfuncs take the object first */
		bv_note_unreferenced_release(env, 1, &bv_cur_regs(env)[1]);
		return err;
	}
	return 0;
}

int bv_check_kfunc_call(struct bv_env *env, const struct bv_insn *insn)
{
	int (*op)(void *, int32_t, int16_t, struct bv_kfunc_desc *) = bv_facade_kfunc(env->f);
	struct bv_reg *regs = bv_cur_regs(env);
	int32_t idx = env->insn_idx;
	struct bv_kfunc_desc d;
	struct kfunc_meta m = { 0 };
	int err;

	/* libbpf's unresolved weak kfunc: nothing happens now; the kernel's
	 * fixup refuses the program if this call was reached. */
	if (insn->imm == 0) {
		if (!env->seen_unresolved_kfunc)
			env->unresolved_kfunc_insn = idx;
		env->seen_unresolved_kfunc = true;
		return 0;
	}
	if (!op)
		return bv_unsupported(&env->log, idx, "kfunc calls");
	memset(&d, 0, sizeof(d));
	err = op(env->f->ctx, insn->imm, insn->off, &d);
	if (err)
		return bv_reject(&env->log, idx, -EINVAL, "kernel btf_id %d is not a function",
				 insn->imm);
	/* check_kfunc_call's order: availability (facts unknown: say so),
	 * destructive (root holds CAP_SYS_BOOT; an unprivileged load never
	 * gets here), sleepable, then the arguments */
	if (!d.allowed && d.unsupported[0])
		return bv_unsupported(&env->log, idx, "%s", d.unsupported);
	if (!d.allowed)
		return bv_reject(&env->log, idx, -EACCES, "calling kernel function %s is not allowed",
				 d.name);
	if ((d.flags & BV_KF_SLEEPABLE) && bv_prog_sleepable(env->f) != 1)
		return bv_reject(&env->log, idx, -EACCES,
				 "program must be sleepable to call sleepable kfunc %s", d.name);
	if (d.unsupported[0])
		return bv_unsupported(&env->log, idx, "%s", d.unsupported);
	err = check_args(env, &d, &m);
	if (err)
		return err;
	if (d.refused[0])
		return bv_reject(&env->log, idx, -EACCES, "%s", d.refused);

	if (is_rcu_lock(&d)) {
		if (env->cur->active_rcu_lock) {
			err = bv_reject(&env->log, idx, -EINVAL,
					"nested rcu read lock (kernel function %s)", d.name);
			bv_note(&env->log, env->cur->rcu_lock_insn,
				"the RCU read-side section was already opened here (insn %d)",
				env->cur->rcu_lock_insn);
			return err;
		}
		env->cur->active_rcu_lock = true;
		env->cur->rcu_lock_insn = idx;
	} else if (is_rcu_unlock(&d)) {
		bv_for_each_reg(env->cur, rcu_unlock_reg, NULL);
		if (!env->cur->active_rcu_lock)
			return bv_reject(&env->log, idx, -EINVAL,
					 "unmatched rcu read unlock (kernel function %s)", d.name);
		env->cur->active_rcu_lock = false;
	} else if (env->cur->active_rcu_lock && (d.flags & BV_KF_SLEEPABLE)) {
		return bv_reject(&env->log, idx, -EACCES,
				 "kernel func %s is sleepable within rcu_read_lock region", d.name);
	}

	if (m.release_regno) {
		err = bv_ref_release(env, m.ref_obj_id);
		if (err) {
			err = bv_reject(&env->log, idx, -EINVAL,
					"release kernel function %s expects refcounted PTR_TO_BTF_ID",
					d.name);
			bv_note_unreferenced_release(env, m.release_regno, &regs[m.release_regno]);
			return err;
		}
	}

	for (uint32_t i = 0; i <= 5; i++)
		bv_reg_mark_not_init(&regs[i]);
	env->scratched_regs |= 0x3f;

	switch (d.ret) {
	case BV_KF_RET_VOID:
		break;
	case BV_KF_RET_SCALAR:
		/* whatever its width: the kernel's mark_btf_func_reg_size only
		 * records it for the JIT's zero-extension, the value stays
		 * unknown (its logs print R0=scalar() after an int kfunc) */
		bv_reg_mark_unknown(&regs[0], idx);
		break;
	case BV_KF_RET_BTF_ID:
	case BV_KF_RET_ALLOC_OBJ: {
		struct bv_reg *r0 = &regs[0];
		bv_reg_type t = BV_PTR_TO_BTF_ID;

		/* referenced (acquired) pointers are trusted by their ref_obj_id,
		 * others carry no trust flag */
		if (d.flags & BV_KF_RCU_PROTECTED)
			t |= BV_MEM_RCU;
		if (d.flags & BV_KF_RET_NULL)
			t |= BV_PTR_MAYBE_NULL;
		/* an iterator's next: a trusted object */
		if (d.flags & BV_KF_ITER_NEXT)
			t |= BV_PTR_TRUSTED;
		if (d.ret == BV_KF_RET_ALLOC_OBJ) {
			err = bv_alloc_obj_new(env, m.const_arg, r0);
			if (err)
				return err;
			t |= r0->type;
		} else {
			r0->btf_id = d.ret_btf_id;
		}
		{
			uint32_t btf_id = r0->btf_id;

			bv_reg_mark_ptr(r0, t, idx);
			r0->btf_id = btf_id;
		}
		if (d.flags & BV_KF_RET_NULL)
			r0->id = bv_new_id(env);
		if (d.flags & BV_KF_ACQUIRE) {
			uint32_t id = bv_ref_acquire(env, idx, BV_REF_PTR);

			if (!id)
				return bv_unsupported(&env->log, idx, "out of memory");
			if (d.flags & BV_KF_RET_NULL)
				r0->id = id;
			r0->ref_obj_id = id;
		}
		break;
	}
	case BV_KF_RET_MEM: {
		/* a pointer to a sized non-struct type: read-only memory of
		 * that size, tied to the argument's reference */
		struct bv_reg *r0 = &regs[0];

		bv_reg_mark_ptr(r0, BV_PTR_TO_MEM | BV_MEM_RDONLY, idx);
		r0->mem_size = d.ret_size;
		r0->ref_obj_id = m.ref_obj_id;
		if (d.flags & BV_KF_RET_NULL) {
			r0->type |= BV_PTR_MAYBE_NULL;
			r0->id = bv_new_id(env);
		}
		break;
	}
	case BV_KF_RET_OTHER:
		return bv_dynptr_kfunc_ret(env, &d, &m.dynptr);
	default:
		return bv_unsupported(&env->log, idx, "kfunc %s: its return type", d.name);
	}
	if (d.flags & BV_KF_ITER_NEXT)
		return bv_iter_next_call(env, &m.iter);
	return 0;
}

int bv_check_rcu_region_end(struct bv_env *env, const char *prefix)
{
	int32_t idx = env->insn_idx;
	int err;

	if (bv_kernel_has(env->f, BV_FEAT_RCU_REGION_EXIT_MSG))
		err = bv_reject(&env->log, idx, -EINVAL,
				"%s cannot be used inside bpf_rcu_read_lock-ed region", prefix);
	else if (strncmp(prefix, "BPF_EXIT", 8) == 0)
		err = bv_reject(&env->log, idx, -EINVAL, "bpf_rcu_read_unlock is missing");
	else
		return bv_unsupported(&env->log, idx, "%s inside bpf_rcu_read_lock() on this kernel",
				      prefix);
	bv_note(&env->log, env->cur->rcu_lock_insn,
		"the RCU read-side section opened here (bpf_rcu_read_lock) is still open");
	return err;
}

bool bv_kfunc_addr_ok(const struct bv_facade *f, const struct bv_insn *insn)
{
	int (*op)(void *, int32_t, int16_t, struct bv_kfunc_desc *) = bv_facade_kfunc(f);
	struct bv_kfunc_desc d;

	return op && insn->imm > 0 && op(f->ctx, insn->imm, 0, &d) == 0;
}

bool bv_kfunc_is_iter_next(const struct bv_facade *f, const struct bv_insn *insn)
{
	int (*op)(void *, int32_t, int16_t, struct bv_kfunc_desc *) = f ? bv_facade_kfunc(f) : NULL;
	struct bv_kfunc_desc d;

	memset(&d, 0, sizeof(d));
	return op && insn->imm > 0 && op(f->ctx, insn->imm, insn->off, &d) == 0 &&
	       (d.flags & BV_KF_ITER_NEXT) && !d.unsupported[0];
}
