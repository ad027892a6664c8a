/* bpf_tail_call (kernel: record_func_key, the tail call case of
 * check_helper_call, and the tail call rule of check_max_stack_depth).
 *
 * A tail call that succeeds never comes back; one that fails (index out
 * of range, empty slot, too many nested tail calls) falls through with R0
 * unset, so the walk simply continues after it. What the verifier checks:
 * the map is a prog array, nothing is held across the call (locks and
 * references: the callee could not release them), and a subprogram doing
 * a tail call sits under at most 256 bytes of callers' stack.
 */

#include <errno.h>

#include "state.h"

/* the JIT unwinds one frame per tail call but keeps the callers': the
 * callers' stack is capped so that 33 nested tail calls fit in 8 KiB */
#define TAIL_CALL_CALLERS_STACK_MAX 256

int bv_check_tail_call_map(struct bv_env *env, const struct bv_map_desc *map)
{
	if (map && map->type == BV_MAP_TYPE_PROG_ARRAY)
		return 0;
	if (bv_kernel_has(env->f, BV_FEAT_TAIL_CALL_MAP_MSG))
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "expected prog array map for tail call");
	return bv_reject(&env->log, env->insn_idx, -EINVAL,
			 "kernel subsystem misconfigured verifier");
}

/* 6.18 (BV_FEAT_TAIL_CALL_SUBPROG_EXIT): a successful tail call in a
 * subprogram also ends it, as an exit with R0 unknown after the packet may
 * have changed. The kernel queues the fall-through (the failed call, packet
 * pointers intact) and goes on with the current state as the return to the
 * caller, at the end of the helper call: that return is walked first.
 * explore.c does the return when env->tail_call_exit is set. A callback's
 * return value the kernel then checks through its precision backtracking
 * ("callback unexpected regs"), which is not modelled. */
int bv_tail_call_subprog_exit(struct bv_env *env)
{
	struct bv_state *branch;

	if (!env->cur->curframe || !bv_kernel_has(env->f, BV_FEAT_TAIL_CALL_SUBPROG_EXIT))
		return 0;
	/* In a synchronous callback that return is the callback's exit, whose
	 * R0 the kernel makes precise; its backtracking treats the tail call
	 * as a subprogram boundary and stops, still looking for R0, at the
	 * helper call that invoked the callback. */
	if (bv_cur_frame(env->cur)->cb_kind == BV_CB_SYNC)
		return bv_reject(&env->log, env->insn_idx, -EFAULT,
				 "verifier bug: callback unexpected regs 1");
	branch = bv_push_branch(env, env->insn_idx + 1, env->insn_idx);
	if (!branch)
		return -ENOMEM;
	bv_invalidate_pkt_pointers(env, env->cur);
	bv_reg_mark_unknown(&bv_cur_regs(env)[0], env->insn_idx);
	env->tail_call_exit = true;
	return 0;
}

int bv_check_tail_call(struct bv_env *env)
{
	const struct bv_state *st = env->cur;

	if (!st->curframe)
		/* the leak check notes where each leaked reference was acquired */
		return bv_check_resource_leak(env, true, "tail_call");
	/* In a subprogram the kernels skip the reference check (the main
	 * program's exit finds a leak). */
	if (st->active_locks)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "tail_call cannot be used inside bpf_spin_lock-ed region");
	if (bv_cur_frame(env->cur)->cb_kind == BV_CB_ASYNC &&
	    bv_kernel_has(env->f, BV_FEAT_TAIL_CALL_SUBPROG_EXIT))
		return bv_unsupported(&env->log, env->insn_idx,
				      "a tail call inside an asynchronous callback below the main frame");
	return 0;
}

int bv_check_tail_call_stack(struct bv_env *env, uint32_t subprog, uint32_t callers_depth)
{
	if (!subprog || !env->info.subprogs[subprog].has_tail_call ||
	    callers_depth < TAIL_CALL_CALLERS_STACK_MAX)
		return 0;
	return bv_reject(&env->log, -1, -EACCES,
			 "tail_calls are not allowed when call stack of previous frames is %u bytes. Too large",
			 callers_depth);
}
