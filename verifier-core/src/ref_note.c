/* "Why" notes for references: a leaked reference points at the helper
 * call that acquired it, a use after release at the call that released
 * it (issue 9: resource rejections name the line to look at). */

#include <stdio.h>

#include "state.h"

const struct bv_helper_proto *bv_helper_at(struct bv_env *env, int32_t idx)
{
	const struct bv_helper_proto *fn = NULL;
	const struct bv_insn *insn;

	if (idx < 0 || (uint32_t)idx >= env->info.insn_cnt || !env->f->helper)
		return NULL;
	insn = &env->info.insns[idx];
	if (insn->code != (BV_JMP | BV_CALL) || insn->src_reg != 0)
		return NULL;
	if (env->f->helper(env->f->ctx, insn->imm, &fn) || !fn)
		return NULL;
	return fn;
}

/* The kfunc called at idx, or NULL. */
static const char *kfunc_name(struct bv_env *env, int32_t idx, struct bv_kfunc_desc *d)
{
	int (*op)(void *, int32_t, int16_t, struct bv_kfunc_desc *) = bv_facade_kfunc(env->f);
	const struct bv_insn *insn;

	if (idx < 0 || (uint32_t)idx >= env->info.insn_cnt || !op)
		return NULL;
	insn = &env->info.insns[idx];
	if (insn->code != (BV_JMP | BV_CALL) || insn->src_reg != BV_PSEUDO_KFUNC_CALL ||
	    op(env->f->ctx, insn->imm, insn->off, d) != 0)
		return NULL;
	return d->name;
}

void bv_note_leaked_ref(struct bv_env *env, const struct bv_ref *ref)
{
	const struct bv_helper_proto *fn = bv_helper_at(env, ref->insn);
	struct bv_kfunc_desc kd;
	const char *kname = fn ? NULL : kfunc_name(env, ref->insn, &kd);

	if (fn || kname)
		bv_note(&env->log, ref->insn,
			"reference id=%u was acquired here by %s (insn %d) and is not released on this path",
			ref->id, fn ? fn->name : kname, ref->insn);
	else
		bv_note(&env->log, ref->insn,
			"reference id=%u was acquired at insn %d and is not released on this path",
			ref->id, ref->insn);
}

/* The name of the call at idx when it releases a reference (a helper
 * with an OBJ_RELEASE argument, a KF_RELEASE kfunc), else NULL. */
static const char *releasing_call(struct bv_env *env, int32_t idx, struct bv_kfunc_desc *kd)
{
	const struct bv_helper_proto *fn = bv_helper_at(env, idx);
	uint32_t i;

	if (fn) {
		for (i = 0; i < 5; i++)
			if (fn->arg_type[i] & BV_OBJ_RELEASE)
				return fn->name;
		return NULL;
	}
	if (kfunc_name(env, idx, kd) && (kd->flags & BV_KF_RELEASE))
		return kd->name;
	return NULL;
}

bool bv_note_released_reg(struct bv_env *env, uint32_t regno, const struct bv_reg *r)
{
	struct bv_kfunc_desc kd;
	const char *name;

	if (r->type != BV_NOT_INIT && r->type != BV_SCALAR)
		return false;
	name = releasing_call(env, r->origin, &kd);
	if (!name)
		return false;
	bv_note(&env->log, r->origin,
		"R%u pointed to an object released by %s at insn %d: after the release no copy of the pointer may be used",
		regno, name, r->origin);
	return true;
}

void bv_note_unreferenced_release(struct bv_env *env, uint32_t regno, const struct bv_reg *r)
{
	const struct bv_helper_proto *fn = bv_helper_at(env, r->origin);
	struct bv_kfunc_desc kd;
	const char *kname = fn ? NULL : kfunc_name(env, r->origin, &kd);

	if (r->origin < 0 || (uint32_t)r->origin >= env->info.insn_cnt)
		return;
	if (fn || kname)
		bv_note(&env->log, r->origin,
			"R%u holds the result of %s (insn %d), which takes no reference: only what an acquiring call returned may be released",
			regno, fn ? fn->name : kname, r->origin);
	else
		bv_note(&env->log, r->origin,
			"R%u holds a pointer produced at insn %d, which holds no reference: only what an acquiring call returned may be released",
			regno, r->origin);
}
