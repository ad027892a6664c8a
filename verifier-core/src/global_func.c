/* global_func.c — global (non-static) BPF functions (kernel:
 * do_check_subprogs, btf_check_subprog_call, the global branch of
 * check_func_call).
 *
 * A global function is verified once, on its own, from the argument kinds
 * its BTF prototype gives (the facade derives them: struct bv_func_proto):
 * scalars are unknown, the context is the context, memory pointers are
 * memory of the pointee's size that may be NULL, trusted pointers are
 * trusted BTF pointers. A call to it checks the caller's registers against
 * those kinds instead of walking into the callee, clobbers R1-R5 and
 * leaves an unknown scalar in R0.
 *
 * Order, per kernel: verifiers with global-func-after-main walk the main
 * program first and then the global functions it reached, in index order,
 * again until no new one was reached; older verifiers walk every global
 * function first, in index order, and then the main program.
 */
#include "state.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct bv_global {
	struct bv_func_proto proto;
	bool have_proto;
	bool called;           /* reached from a verified path */
	bool verified;
};

struct bv_globals {
	struct bv_global g[BV_MAX_SUBPROGS + 1];
};

static struct bv_global *global_of(struct bv_env *env, uint32_t sp)
{
	if (!env->globals) {
		env->globals = calloc(1, sizeof(*env->globals));
		if (!env->globals)
			return NULL;
	}
	return sp <= BV_MAX_SUBPROGS ? &env->globals->g[sp] : NULL;
}

void bv_globals_free(struct bv_env *env)
{
	free(env->globals);
	env->globals = NULL;
}

static const struct bv_func_proto *proto_of(struct bv_env *env, uint32_t sp)
{
	struct bv_global *g = global_of(env, sp);
	void (*op)(void *, uint32_t, struct bv_func_proto *) = bv_facade_func_proto(env->f);

	if (!g || !op)
		return NULL;
	if (!g->have_proto) {
		memset(&g->proto, 0, sizeof(g->proto));
		op(env->f->ctx, env->info.subprogs[sp].start, &g->proto);
		g->have_proto = true;
	}
	return &g->proto;
}

static const char *name_of(const struct bv_env *env, uint32_t sp)
{
	const char *n = env->info.subprogs[sp].name;

	return n ? n : "";
}

static bool after_main(const struct bv_env *env)
{
	return bv_kernel_has(env->f, BV_FEAT_GLOBAL_FUNC_AFTER_MAIN);
}

/* ---- the call ---- */

static bool reg_is_null(const struct bv_reg *r)
{
	return r->type == BV_SCALAR && bv_tnum_is_const(r->s.var_off) && r->s.var_off.value == 0;
}

/* Kernel check_func_arg_reg_off for an argument of no particular kind:
 * memory-like pointers may carry offsets, the others must be unmodified. */
static int arg_reg_off(struct bv_env *env, uint32_t regno)
{
	if (bv_arg_may_have_off(bv_cur_regs(env)[regno].type))
		return 0;
	return bv_check_ptr_off_reg(env, regno, false);
}

/* Kernel check_mem_reg: the caller's memory holds mem_size readable and
 * writable bytes; NULL passes, a maybe-NULL pointer is checked as if it
 * were not NULL. */
static int mem_reg(struct bv_env *env, uint32_t regno, uint32_t mem_size)
{
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	bv_reg_type saved = r->type;
	int err;

	if (reg_is_null(r))
		return 0;
	r->type &= ~BV_PTR_MAYBE_NULL;
	err = bv_check_helper_mem_access(env, regno, (int32_t)mem_size, true, BV_READ);
	if (!err)
		err = bv_check_helper_mem_access(env, regno, (int32_t)mem_size, true, BV_WRITE);
	r->type = saved;
	return err;
}

static int check_arg(struct bv_env *env, uint32_t i, const struct bv_func_arg *a)
{
	uint32_t regno = i + 1;
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	int32_t idx = env->insn_idx;
	uint32_t base = BV_BASE_TYPE(a->type);
	bool v2 = after_main(env);
	char b[64];
	int err;

	if (a->type == BV_ARG_ANYTHING) {
		if (r->type != BV_SCALAR)
			return bv_reject(&env->log, idx, -EINVAL, "R%u is not a scalar", regno);
		return 0;
	}
	if (base == BV_ARG_PTR_TO_CTX) {
		err = arg_reg_off(env, regno);
		if (err)
			return err;
		if (r->type != BV_PTR_TO_CTX)
			return v2 ? bv_reject(&env->log, idx, -EINVAL,
					      "arg#%u expects pointer to ctx", i)
				  : bv_reject(&env->log, idx, -EINVAL,
					      "arg#%u expected pointer to ctx, but got PTR", i);
		return 0;
	}
	if (base == BV_ARG_PTR_TO_MEM) {
		err = arg_reg_off(env, regno);
		if (!err)
			err = mem_reg(env, regno, a->mem_size);
		if (err)
			return err;
		if (v2 && !(a->type & BV_PTR_MAYBE_NULL) && (r->type & BV_PTR_MAYBE_NULL))
			return bv_reject(&env->log, idx, -EINVAL,
					 "arg#%u is expected to be non-NULL", i);
		return 0;
	}
	if (base == BV_ARG_PTR_TO_ARENA) {
		if (r->type != BV_PTR_TO_ARENA && r->type != BV_SCALAR)
			return bv_reject(&env->log, idx, -EINVAL,
					 "R%u is not a pointer to arena or scalar.", regno);
		return 0;
	}
	if (base == BV_ARG_PTR_TO_BTF_ID) {
		bool ids_ok;

		if (reg_is_null(r) && (a->type & BV_PTR_MAYBE_NULL))
			return 0;
		/* the kernel's check_reg_type for a trusted BTF argument: only
		 * the plain case (a trusted pointer to the very struct, no
		 * offset) is modelled */
		ids_ok = BV_BASE_TYPE(r->type) == BV_PTR_TO_BTF_ID && r->off == 0 &&
			 bv_tnum_is_const(r->s.var_off) && r->s.var_off.value == 0 &&
			 (r->btf_id == a->btf_id ||
			  (env->f->btf_ids_match &&
			   env->f->btf_ids_match(env->f->ctx, r->btf_id, 0, a->btf_id, false)));
		if (ids_ok && (r->type & BV_PTR_TRUSTED) &&
		    !(r->type & (BV_PTR_MAYBE_NULL | BV_PTR_UNTRUSTED | BV_MEM_RCU)))
			return 0;
		return bv_unsupported(&env->log, idx,
				      "passing %s to a global function's trusted argument",
				      bv_reg_type_str(env, r->type, b, sizeof(b)));
	}
	return bv_unsupported(&env->log, idx, "global function argument kind %u", a->type);
}

/* May the subprogram change packet data: does it call a helper that does
 * (a tail call too, on kernels that count it), itself or through the
 * subprograms it calls? (kernel: changes_pkt_data of a subprogram) */
static bool changes_pkt_data(struct bv_env *env, uint32_t sp, uint64_t *seen)
{
	const struct bv_subprog *s = &env->info.subprogs[sp];
	bool tail_call_changes = bv_kernel_has(env->f, BV_FEAT_TAIL_CALL_CHANGES_PKT) ||
				 bv_kernel_has(env->f, BV_FEAT_TAIL_CALL_SUBPROG_EXIT);

	if (sp >= 64 || (*seen & (UINT64_C(1) << sp)))
		return false;
	*seen |= UINT64_C(1) << sp;
	for (uint32_t i = s->start; i < s->end && i < env->info.insn_cnt; i++) {
		const struct bv_insn *insn = &env->info.insns[i];
		const struct bv_helper_proto *p = NULL;

		if (bv_insn_is_helper_call(insn)) {
			if (insn->imm == 12 /* bpf_tail_call */ && tail_call_changes)
				return true;
			if (env->f->helper && env->f->helper(env->f->ctx, insn->imm, &p) == 0 && p &&
			    p->changes_pkt_data)
				return true;
		} else if (bv_insn_is_pseudo_call(insn)) {
			int64_t t = (int64_t)i + insn->imm + 1;
			int callee = t >= 0 && t < env->info.insn_cnt ?
				     bv_subprog_at(&env->info, (uint32_t)t) : -1;

			if (callee >= 0 && changes_pkt_data(env, (uint32_t)callee, seen))
				return true;
		}
	}
	return false;
}

int bv_global_func_call(struct bv_env *env, uint32_t sp)
{
	const struct bv_func_proto *p = proto_of(env, sp);
	struct bv_global *g = global_of(env, sp);
	struct bv_reg *regs = bv_cur_regs(env);
	int32_t idx = env->insn_idx;
	int err = 0;

	if (!p || !g)
		return bv_unsupported(&env->log, idx, "calls to global functions");
	if (p->unsupported[0])
		return bv_unsupported(&env->log, idx, "%s", p->unsupported);
	if (p->err[0])
		err = bv_reject(&env->log, idx, -EINVAL, "%s", p->err);
	for (uint32_t i = 0; !err && i < p->nr_args && i < 5; i++)
		err = check_arg(env, i, &p->args[i]);
	if (err == -EOPNOTSUPP)
		return err;
	/* the arguments are checked first (their message, if any, comes
	 * first), then the lock (kernels that allow static calls under a
	 * lock; the others refused every call before, lock.c) */
	if (env->cur->active_locks)
		return bv_global_call_in_lock(env);
	if (err) {
		if (after_main(env))
			bv_reject(&env->log, idx, err, "Caller passes invalid args into func#%u ('%s')",
				  sp, name_of(env, sp));
		else
			bv_reject(&env->log, idx, err, "Caller passes invalid args into func#%u", sp);
		return err;
	}
	if (bv_kernel_has(env->f, BV_FEAT_GLOBAL_FUNC_CHANGES_PKT)) {
		uint64_t seen = 0;

		if (env->info.nr_subprogs > 64)
			return bv_unsupported(&env->log, idx,
					      "packet data changes of more than 64 subprograms");
		if (changes_pkt_data(env, sp, &seen))
			bv_invalidate_pkt_pointers(env, env->cur);
	}
	if (bv_log_enabled(&env->log)) {
		if (after_main(env))
			bv_log_printf(&env->log, "Func#%u ('%s') is global and assumed valid.\n",
				      sp, name_of(env, sp));
		else
			bv_log_printf(&env->log, "Func#%u is global and valid. Skipping.\n", sp);
	}
	g->called = true;
	for (uint32_t i = 1; i <= 5; i++)
		bv_reg_mark_not_init(&regs[i]);
	bv_reg_mark_unknown(&regs[0], idx);
	return 0;
}

/* ---- the global function's own walk ---- */

int bv_global_func_exit(struct bv_env *env)
{
	const struct bv_reg *r0 = &bv_cur_regs(env)[0];
	char b[64];

	if (r0->type != BV_SCALAR)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "At subprogram exit the register R0 is not a scalar value (%s)",
				 bv_reg_type_str(env, r0->type, b, sizeof(b)));
	return 0;
}

static int verify_one(struct bv_env *env, uint32_t sp)
{
	const struct bv_func_proto *p = proto_of(env, sp);
	struct bv_reg args[6];
	int32_t start = (int32_t)env->info.subprogs[sp].start;
	int err;

	bv_log_printf(&env->log, "Validating %s() func#%u...\n", name_of(env, sp), sp);
	if (!p)
		return bv_unsupported(&env->log, start, "global functions");
	if (p->unsupported[0])
		return bv_unsupported(&env->log, start, "%s", p->unsupported);
	if (p->err[0])
		return bv_reject(&env->log, -1, -EINVAL, "%s", p->err);
	memset(args, 0, sizeof(args));
	for (uint32_t i = 1; i <= 5; i++)
		bv_reg_mark_not_init(&args[i]);
	for (uint32_t i = 0; i < p->nr_args && i < 5; i++) {
		const struct bv_func_arg *a = &p->args[i];
		struct bv_reg *r = &args[i + 1];
		uint32_t base = BV_BASE_TYPE(a->type);

		if (base == BV_ARG_PTR_TO_CTX) {
			bv_reg_mark_ptr(r, BV_PTR_TO_CTX, -1);
		} else if (base == BV_ARG_PTR_TO_MEM) {
			bv_reg_mark_ptr(r, BV_PTR_TO_MEM | (a->type & BV_PTR_MAYBE_NULL), -1);
			r->mem_size = a->mem_size;
			r->id = bv_new_id(env);
		} else if (base == BV_ARG_PTR_TO_BTF_ID) {
			bv_reg_mark_ptr(r, BV_PTR_TO_BTF_ID |
					   (a->type & (BV_PTR_MAYBE_NULL | BV_PTR_TRUSTED |
						       BV_PTR_UNTRUSTED)), -1);
			r->btf_id = a->btf_id;
			r->id = bv_new_id(env);
		} else {
			/* scalars; arena arguments may be a pointer or a scalar */
			bv_reg_mark_unknown(r, -1);
		}
	}
	err = bv_explore_entry(env, sp, args);
	if (err)
		return err;
	if (bv_log_enabled(&env->log)) {
		if (after_main(env))
			bv_log_printf(&env->log,
				      "Func#%u ('%s') is safe for any args that match its prototype\n",
				      sp, name_of(env, sp));
		else
			bv_log_printf(&env->log,
				      "Func#%u is safe for any args that match its prototype\n", sp);
	}
	return 0;
}

int bv_verify_program(struct bv_env *env)
{
	uint32_t n = env->info.nr_subprogs, sp, found = 0;
	int err;

	for (sp = 1; sp < n; sp++)
		found += env->info.subprogs[sp].global;
	if (!found)
		return bv_explore_entry(env, 0, NULL);
	if (!bv_facade_func_proto(env->f)) {
		for (sp = 1; sp < n; sp++)
			if (env->info.subprogs[sp].global)
				break;
		return bv_unsupported(&env->log, (int32_t)env->info.subprogs[sp].start,
				      "global functions");
	}
	if (!global_of(env, 0))
		return bv_unsupported(&env->log, -1, "out of memory");
	if (!after_main(env)) {
		for (sp = 1; sp < n; sp++) {
			if (!env->info.subprogs[sp].global)
				continue;
			err = verify_one(env, sp);
			if (err)
				return err;
		}
		return bv_explore_entry(env, 0, NULL);
	}
	err = bv_explore_entry(env, 0, NULL);
	if (err)
		return err;
	for (;;) {
		uint32_t new_cnt = 0;

		for (sp = 1; sp < n; sp++) {
			struct bv_global *g = &env->globals->g[sp];

			if (!env->info.subprogs[sp].global || !g->called || g->verified)
				continue;
			err = verify_one(env, sp);
			if (err)
				return err;
			g->verified = true;
			new_cnt++;
		}
		if (!new_cnt)
			return 0;
	}
}
