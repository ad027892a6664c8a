/* btf_ptr.c — pointers to kernel objects typed by BTF (PTR_TO_BTF_ID):
 * field loads through them and their use as helper arguments.
 *
 * The core knows no kernel struct: what lies at an offset of a struct (a
 * scalar, a pointer to the next struct, nothing) and how far the result is
 * trusted are the facade's answers (btf_struct_access, against the target
 * kernel's BTF). Here are the verifier's own rules around that question,
 * in the kernel's order (check_ptr_to_btf_access): who may read kernel
 * memory at all, fixed non-negative offsets only, no user or per-CPU
 * memory, reads only (tracing programs have no writable kernel structs),
 * then the walk; and for helper arguments the type match
 * (btf_struct_ids_match) with its "R1 is of type X but Y is expected".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "state.h"
#include "tnum.h"

static const char *struct_name(const struct bv_env *env, uint32_t btf_id)
{
	const char *n = env->f->btf_type_name ? env->f->btf_type_name(env->f->ctx, btf_id) : NULL;

	return n ? n : "?";
}

int bv_check_ptr_to_btf_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
			       int32_t off, int size, enum bv_access t, int32_t value_regno)
{
	struct bv_reg *regs = bv_cur_regs(env);
	struct bv_reg *r = &regs[regno];
	const char *tname = struct_name(env, r->btf_id);
	char tn[64];

	if (!env->f->allow_ptr_leaks)
		return bv_reject(&env->log, insn_idx, -EPERM,
				 "'struct %s' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN",
				 tname);
	/* objects of the program's own types are not the kernel's */
	if (!env->f->gpl_compatible && !(r->btf_id & BV_BTF_ID_LOCAL))
		return bv_reject(&env->log, insn_idx, -EINVAL,
				 "Cannot access kernel 'struct %s' from non-GPL compatible program",
				 tname);
	if (off < 0)
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%u is ptr_%s invalid negative access: off=%d", regno, tname, off);
	if (!bv_tnum_is_const(r->s.var_off) || r->s.var_off.value) {
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%u is ptr_%s invalid variable offset: off=%d, var_off=%s",
				 regno, tname, off, tn);
	}
	if (r->type & BV_MEM_USER)
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%u is ptr_%s access user memory: off=%d", regno, tname, off);
	if (r->type & BV_MEM_PERCPU)
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%u is ptr_%s access percpu memory: off=%d", regno, tname, off);
	/* Objects the program allocated (MEM_ALLOC) are writable; kernel
	 * objects reached by tracing programs are not. */
	if (t != BV_READ && !(BV_BASE_TYPE(r->type) == BV_PTR_TO_BTF_ID &&
			      (r->type & BV_MEM_ALLOC) && !(r->type & BV_MEM_PERCPU)))
		return bv_reject(&env->log, insn_idx, -EACCES, "only read is supported");
	if ((r->type & BV_MEM_ALLOC) && !(r->type & (BV_NON_OWN_REF | BV_MEM_RCU)) &&
	    !r->ref_obj_id)
		return bv_unsupported(&env->log, insn_idx,
				      "an allocated object without a reference");
	if (!env->f->btf_struct_access)
		return bv_unsupported(&env->log, insn_idx, "access through a BTF-typed pointer");
	return bv_btf_struct_load(env, insn_idx, r->btf_id, r->type, off, size, t, value_regno);
}

int bv_btf_struct_load(struct bv_env *env, int32_t insn_idx, uint32_t btf_id, uint32_t type,
		       int32_t off, int32_t size, enum bv_access t, int32_t value_regno)
{
	struct bv_btf_access out;
	struct bv_reg *dst;
	int err;

	memset(&out, 0, sizeof(out));
	out.type = type;
	err = env->f->btf_struct_access(env->f->ctx, btf_id, off, (uint32_t)size, t, &out);
	if (err) {
		out.msg[sizeof(out.msg) - 1] = '\0';
		return bv_reject(&env->log, insn_idx, err, "%s",
				 out.msg[0] ? out.msg : "invalid access to a kernel struct");
	}
	if (value_regno < 0)
		return 0;
	dst = &bv_cur_regs(env)[value_regno];
	if (BV_BASE_TYPE(out.type) != BV_PTR_TO_BTF_ID) {
		bv_reg_mark_unknown(dst, insn_idx);
		return 0;
	}
	bv_reg_mark_ptr(dst, out.type, insn_idx);
	dst->btf_id = out.btf_id;
	if (out.type & BV_PTR_MAYBE_NULL)
		dst->id = bv_new_id(env);
	return 0;
}

int bv_check_btf_arg(struct bv_env *env, uint32_t regno, uint32_t want_btf_id, bool strict)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	bool ok;

	if (!want_btf_id)
		return bv_unsupported(&env->log, env->insn_idx,
				      "helper argument R%u: the kernel's BTF has no type for it",
				      regno);
	if (env->f->btf_ids_match)
		ok = env->f->btf_ids_match(env->f->ctx, r->btf_id, r->off, want_btf_id, strict);
	else
		ok = r->off == 0 && r->btf_id == want_btf_id;
	if (ok)
		return 0;
	return bv_reject(&env->log, env->insn_idx, -EACCES, "R%u is of type %s but %s is expected",
			 regno, struct_name(env, r->btf_id), struct_name(env, want_btf_id));
}
