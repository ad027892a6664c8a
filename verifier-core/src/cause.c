/* cause.c — the structured cause of a rejection (bv_result.cause), for
 * the facades' fix-its: which kind of mistake, and which instruction
 * produced the value it is about (the lookup that may return NULL, the
 * call that acquired a leaked reference). Only the first rejection, the
 * one the result reports, gets a cause. */

#include "state.h"

bool bv_cause_first(const struct bv_env *env)
{
	return env->res->verdict == BV_ACCEPT;
}

void bv_cause_arrive(struct bv_env *env)
{
	int32_t prev = env->prev_insn_idx;
	const struct bv_insn *p;

	if (prev < 0 || (uint32_t)prev >= env->info.insn_cnt || prev == env->insn_idx - 1)
		return;
	p = &env->info.insns[prev];
	if ((BV_CLASS(p->code) == BV_JMP || BV_CLASS(p->code) == BV_JMP32) &&
	    BV_OP(p->code) != BV_CALL && BV_OP(p->code) != BV_EXIT)
		env->last_jump_from = prev;
}

void bv_cause_set(struct bv_env *env, bool first, enum bv_cause_kind kind,
		  int32_t insn, int32_t regno)
{
	struct bv_result *res = env->res;

	if (!first || res->verdict != BV_REJECT || res->cause.kind != BV_CAUSE_NONE)
		return;
	res->cause.kind = kind;
	res->cause.insn = insn;
	res->cause.regno = regno;
	res->cause.path_insn = kind == BV_CAUSE_LEAK ? env->last_jump_from : -1;
}
