/* ksym.c — typed ksyms and per-CPU pointers: the ld_imm64
 * BPF_PSEUDO_BTF_ID of a kernel variable and what bpf_per_cpu_ptr() /
 * bpf_this_cpu_ptr() make of it.
 *
 * The kernel resolves a typed ksym before its walk (check_pseudo_btf_id):
 * the variable must be a VAR of its BTF, listed by kallsyms; one of
 * DATASEC .data..percpu is a per-CPU pointer (PTR_TO_BTF_ID|MEM_PERCPU)
 * that may not be dereferenced, only handed to the two per-CPU helpers;
 * another struct is a PTR_TO_BTF_ID; anything else read-only memory of its
 * size. The helpers then return the variable's type on one CPU
 * (RET_PTR_TO_MEM_OR_BTF_ID): a struct becomes a PTR_TO_BTF_ID, anything
 * else memory of its size, read-only. Which is which is the kernel's BTF,
 * so the facade's btf_pointee op answers; the rules are here.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"
#include "state.h"

static int ask(const struct bv_facade *f, uint32_t btf_id, bool var, struct bv_btf_pointee *out)
{
	int (*op)(void *, uint32_t, bool, struct bv_btf_pointee *) = bv_facade_btf_pointee(f);
	int err;

	memset(out, 0, sizeof(*out));
	err = op(f->ctx, btf_id, var, out);
	out->msg[sizeof(out->msg) - 1] = '\0';
	return err;
}

int bv_check_pseudo_btf_id(const struct bv_facade *f, struct bv_log *log, uint32_t idx,
			   const struct bv_insn *insn)
{
	struct bv_btf_pointee out;
	int err;

	if (!bv_facade_btf_pointee(f))
		return bv_unsupported(log, (int32_t)idx,
				      "ld_imm64 of a kernel symbol (BPF_PSEUDO_BTF_ID)");
	/* insn[1].imm: a module's BTF by file descriptor; 0: vmlinux */
	if (insn[1].imm != 0)
		return bv_unsupported(log, (int32_t)idx,
				      "ld_imm64 of a kernel module's variable (BTF fd %d)",
				      insn[1].imm);
	err = ask(f, (uint32_t)insn->imm, true, &out);
	if (!err)
		return 0;
	/* resolve_pseudo_ldimm64 runs before the walk: no instruction line */
	bv_reject(log, -1, err, "%s", out.msg[0] ? out.msg : "invalid typed ksym");
	bv_note(log, (int32_t)idx, "insn %u loads the kernel variable of BTF id %d", idx,
		insn->imm);
	return err;
}

int bv_ld_imm64_ksym(struct bv_env *env, const struct bv_insn *insn, struct bv_reg *dst)
{
	struct bv_btf_pointee out;
	int32_t idx = env->insn_idx;
	int err;

	if (!bv_facade_btf_pointee(env->f))
		return bv_unsupported(&env->log, idx, "ld_imm64 of a kernel symbol (BTF id)");
	err = ask(env->f, (uint32_t)insn->imm, true, &out);
	if (err)
		return bv_reject(&env->log, idx, err, "%s",
				 out.msg[0] ? out.msg : "invalid typed ksym");
	bv_reg_mark_ptr(dst, out.type, idx);
	if (BV_BASE_TYPE(out.type) == BV_PTR_TO_BTF_ID)
		dst->btf_id = out.btf_id;
	else
		dst->mem_size = out.mem_size;
	return 0;
}

int bv_percpu_ptr_return(struct bv_env *env, uint32_t ret_btf_id, bv_reg_type flags,
			 struct bv_reg *r0)
{
	struct bv_btf_pointee out;
	int32_t idx = env->insn_idx;
	int err;

	if (!bv_facade_btf_pointee(env->f))
		return bv_unsupported(&env->log, idx, "per-CPU pointers (no facade op)");
	err = ask(env->f, ret_btf_id, false, &out);
	if (err)
		return bv_reject(&env->log, idx, err, "%s",
				 out.msg[0] ? out.msg : "invalid per-CPU pointer type");
	if (BV_BASE_TYPE(out.type) == BV_PTR_TO_BTF_ID) {
		/* MEM_RDONLY means nothing to a BTF pointer: its fields are
		 * read-only anyway, and the flag would confuse the access
		 * checks (the kernel folds it away too). */
		bv_reg_mark_ptr(r0, BV_PTR_TO_BTF_ID | (flags & ~BV_MEM_RDONLY), idx);
		r0->btf_id = out.btf_id;
		return 0;
	}
	bv_reg_mark_ptr(r0, BV_PTR_TO_MEM | flags, idx);
	r0->mem_size = out.mem_size;
	return 0;
}
