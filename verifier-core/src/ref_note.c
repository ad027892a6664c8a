/* "Why" notes for references: a leaked reference points at the helper
 * call that acquired it, a use after release at the call that released
 * it (issue 9: resource rejections name the line to look at). */

#include <stdio.h>

#include "state.h"

static const struct bv_helper_proto *call_proto(struct bv_env *env, int32_t idx)
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
	const struct bv_helper_proto *fn = call_proto(env, ref->insn);
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

bool bv_note_released_reg(struct bv_env *env, uint32_t regno, const struct bv_reg *r)
{
	const struct bv_helper_proto *fn;
	uint32_t i;

	if (r->type != BV_NOT_INIT && r->type != BV_SCALAR)
		return false;
	fn = call_proto(env, r->origin);
	if (!fn)
		return false;
	for (i = 0; i < 5; i++)
		if (fn->arg_type[i] & BV_OBJ_RELEASE)
			break;
	if (i == 5)
		return false;
	bv_note(&env->log, r->origin,
		"R%u pointed to an object released by %s at insn %d: after the release no copy of the pointer may be used",
		regno, fn->name, r->origin);
	return true;
}
