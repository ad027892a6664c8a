/* callback.c — subprograms the program hands to helpers: the address of a
 * subprogram (ld_imm64 BPF_PSEUDO_FUNC, a PTR_TO_FUNC register), the
 * callback's frame as each callback-calling helper sets it up, the check
 * of its return value, and the way the target kernel walks it.
 *
 * Two ways, per profile (features.h CALLBACK_ITERATE):
 *  - older verifiers enter the callback at the call, in the caller's path,
 *    walk its body once and come back after the call;
 *  - newer ones queue the callback's entry as a branch and go on after the
 *    call as if it ran zero times; a callback's exit goes back to the call
 *    itself, which queues the next iteration, until the states at the call
 *    converge (a state there already seen prunes). bpf_loop stops after
 *    its count's maximum. Scalars that changed since the previous visit of
 *    the call are widened to unknown so that counters converge.
 * may_goto (a loop bounded at run time) is walked the same way: the jump
 * is taken, the fall-through queued one level deeper.
 *
 * Timers: a bpf_timer argument must point at the map value's bpf_timer
 * (its offset comes from the value's BTF, through the facade), and
 * bpf_timer_set_callback queues its callback as a state of its own, frame
 * 0, whose exit must return 0.
 *
 * Not modelled (verdict error, named): bpf_user_ringbuf_drain (its
 * callback gets a dynptr), references acquired or released inside a
 * callback.
 */
#include "state.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

enum {
	FN_for_each_map_elem = 164,
	FN_timer_set_callback = 170,
	FN_find_vma = 180,
	FN_loop = 181,
	FN_user_ringbuf_drain = 209,
};

int bv_check_ld_imm64_func(struct bv_env *env, const struct bv_insn *insn)
{
	int32_t idx = env->insn_idx;
	int64_t target = (int64_t)idx + insn->imm + 1;
	int sp = target >= 0 && target < env->info.insn_cnt ?
		 bv_subprog_at(&env->info, (uint32_t)target) : -1;
	struct bv_reg *dst = &bv_cur_regs(env)[insn->dst_reg];

	if (sp < 0)
		return bv_reject(&env->log, idx, -EFAULT,
				 "verifier bug. No program starts at insn %lld",
				 (long long)target);
	/* kernel check_ld_imm64: only static functions may be called back */
	if (env->info.subprogs[sp].global)
		return bv_reject(&env->log, idx, -EINVAL, "callback function not static");
	bv_reg_mark_ptr(dst, BV_PTR_TO_FUNC, idx);
	dst->subprogno = (uint32_t)sp;
	return 0;
}

/* Map types whose elements bpf_for_each_map_elem can visit (those with
 * map_set_for_each_callback_args in the kernel). */
static bool map_has_for_each(uint32_t type)
{
	switch (type) {
	case BV_MAP_TYPE_HASH:
	case BV_MAP_TYPE_ARRAY:
	case BV_MAP_TYPE_PERCPU_HASH:
	case BV_MAP_TYPE_PERCPU_ARRAY:
	case 9:  /* LRU_HASH */
	case 10: /* LRU_PERCPU_HASH */
		return true;
	default:
		return false;
	}
}

static void mark_map_ptr(struct bv_reg *r, bv_reg_type type, const struct bv_reg *map,
			 int32_t origin)
{
	bv_reg_mark_ptr(r, type, origin);
	r->map.map = map->map.map;
	r->map.index = map->map.index;
}

/* The callback's frame on entry, its arguments taken from the caller's
 * registers `args` (kernel: set_loop_callback_state and siblings). */
static int make_callee(struct bv_env *env, const struct bv_helper_proto *fn,
		       uint32_t subprogno, const struct bv_state *st,
		       struct bv_frame **out)
{
	const struct bv_frame *caller = st->frame[st->curframe];
	const struct bv_reg *args = caller->regs;
	int32_t idx = env->insn_idx;
	uint32_t max_frames = env->f->max_call_depth ? env->f->max_call_depth
						      : BV_MAX_CALL_FRAMES;
	struct bv_frame *callee;

	if (max_frames > BV_MAX_CALL_FRAMES)
		max_frames = BV_MAX_CALL_FRAMES;
	if (st->curframe + 1 >= max_frames)
		return bv_reject(&env->log, idx, -E2BIG,
				 "the call stack of %u frames is too deep", st->curframe + 2);
	callee = bv_frame_new(idx, st->curframe + 1, subprogno);
	if (!callee)
		return bv_unsupported(&env->log, idx, "out of memory");
	callee->cb_kind = BV_CB_SYNC;
	callee->cb_ret_min = 0;
	callee->cb_ret_max = 1;
	callee->cb_nr_refs = st->nr_refs;
	switch (fn->func_id) {
	case FN_loop:
		/* callback(u32 index, void *ctx) */
		bv_reg_mark_unknown(&callee->regs[1], idx);
		callee->regs[2] = args[3];
		break;
	case FN_for_each_map_elem:
		/* callback(map, key, value, ctx) */
		callee->regs[1] = args[1];
		mark_map_ptr(&callee->regs[2], BV_PTR_TO_MAP_KEY, &args[1], idx);
		mark_map_ptr(&callee->regs[3], BV_PTR_TO_MAP_VALUE, &args[1], idx);
		callee->regs[4] = args[3];
		break;
	case FN_find_vma:
		/* callback(task, vma, ctx); the prototype names the vma's
		 * struct in its callback argument's BTF id */
		if (!fn->arg_btf_id[2]) {
			bv_frame_free(callee);
			return bv_unsupported(&env->log, idx,
					      "bpf_find_vma callback: struct vm_area_struct not in the profile's BTF");
		}
		callee->regs[1] = args[1];
		bv_reg_mark_ptr(&callee->regs[2], BV_PTR_TO_BTF_ID, idx);
		callee->regs[2].btf_id = fn->arg_btf_id[2];
		callee->regs[3] = args[4];
		break;
	default:
		bv_frame_free(callee);
		return bv_unsupported(&env->log, idx, "callbacks of %s#%d", fn->name,
				      fn->func_id);
	}
	*out = callee;
	return 0;
}

static int queue_timer_callback(struct bv_env *env, uint32_t subprogno);

int bv_callback_helper(struct bv_env *env, const struct bv_helper_proto *fn,
		       uint32_t subprogno, struct bv_frame **enter_now)
{
	struct bv_state *st = env->cur;
	struct bv_frame *caller = bv_cur_frame(st), *callee = NULL;
	const struct bv_reg *regs = caller->regs;
	int32_t idx = env->insn_idx;
	struct bv_state *queued;
	int err;

	*enter_now = NULL;
	if (fn->func_id == FN_user_ringbuf_drain)
		return bv_unsupported(&env->log, idx,
				      "bpf_user_ringbuf_drain callbacks (their argument is a dynptr; dynptrs are not modelled)");
	if (fn->func_id == FN_timer_set_callback)
		return queue_timer_callback(env, subprogno);
	if (fn->func_id == FN_for_each_map_elem &&
	    (!regs[1].map.map || !map_has_for_each(regs[1].map.map->type)))
		return bv_reject(&env->log, idx, -ENOTSUP,
				 "callback function not allowed for map");
	if (!bv_kernel_has(env->f, BV_FEAT_CALLBACK_ITERATE))
		return make_callee(env, fn, subprogno, st, enter_now);

	if (fn->func_id == FN_loop && caller->callback_depth >= regs[1].s.umax) {
		/* bpf_loop ran its callback as often as it can */
		caller->callback_depth = 0;
		return 0;
	}
	err = make_callee(env, fn, subprogno, st, &callee);
	if (err)
		return err;
	queued = bv_push_branch(env, (int32_t)env->info.subprogs[subprogno].start, idx);
	if (!queued) {
		bv_frame_free(callee);
		return -EINVAL;
	}
	queued->frame[queued->curframe]->callback_depth++;
	queued->callback_unroll_depth++;
	queued->frame[++queued->curframe] = callee;
	caller->callback_depth = 0;
	return 0;
}

int bv_callback_enter(struct bv_env *env, struct bv_frame *callee, int32_t *insn_idx)
{
	struct bv_state *st = env->cur;

	st->frame[++st->curframe] = callee;
	/* the walk goes on at the instruction after *insn_idx */
	*insn_idx = (int32_t)env->info.subprogs[callee->subprogno].start - 1;
	env->scratched_regs = (1u << BV_MAX_REG) - 1;
	env->scratched_stack = ~0ull;
	return 0;
}

/* ---- widening ---- */

static void widen_reg(const struct bv_reg *old, struct bv_reg *cur)
{
	if (old->type != BV_SCALAR || cur->type != BV_SCALAR)
		return;
	if (old->precise || cur->precise)
		return;
	if (!memcmp(&old->s, &cur->s, sizeof(old->s)))
		return;
	bv_reg_mark_unknown(cur, cur->origin);
}

void bv_widen_scalars(const struct bv_state *old, struct bv_state *cur)
{
	uint32_t fr, i, n;

	for (fr = 0; fr <= old->curframe && fr <= cur->curframe; fr++) {
		const struct bv_frame *fo = old->frame[fr];
		struct bv_frame *fc = cur->frame[fr];

		for (i = 0; i < BV_MAX_REG; i++)
			widen_reg(&fo->regs[i], &fc->regs[i]);
		n = fo->allocated_stack < fc->allocated_stack ? fo->allocated_stack
							       : fc->allocated_stack;
		for (i = 0; i < n / BV_REG_SIZE; i++) {
			if (fo->stack[i].slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL ||
			    fc->stack[i].slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL)
				continue;
			widen_reg(&fo->stack[i].spilled_ptr, &fc->stack[i].spilled_ptr);
		}
	}
}

/* ---- exit ---- */

/* R0 of a callback's exit within [cb_ret_min, cb_ret_max]; `what` names
 * the exit in the kernel's words for the newer kernels ("callback
 * return", "async callback return") and the older ones ("callback
 * return", "async callback"). */
static int check_return(struct bv_env *env, const struct bv_frame *callee,
			const char *what, const char *old_what)
{
	const struct bv_reg *r0 = &callee->regs[0];
	int32_t idx = env->insn_idx;
	char line[BV_MSG_MAX];

	if (callee->cb_kind == BV_CB_ASYNC && r0->type != BV_SCALAR) {
		char tb[64];

		bv_reg_type_str(env, r0->type, tb, sizeof(tb));
		if (!bv_kernel_has(env->f, BV_FEAT_RETVAL_BOUNDS))
			return bv_reject(&env->log, idx, -EINVAL,
					 "In async callback the register R0 is not a known value (%s)",
					 tb);
		return bv_reject(&env->log, idx, -EINVAL,
				 "At %s the register R0 is not a known value (%s)", what, tb);
	}
	if (r0->type != BV_SCALAR)
		return bv_reject(&env->log, idx, -EACCES, "R0 not a scalar value");
	if (!bv_kernel_has(env->f, BV_FEAT_RETVAL_BOUNDS)) {
		/* older verifiers: R0's tnum must lie within the range's */
		struct bv_tnum want = bv_tnum_range((uint64_t)(int64_t)callee->cb_ret_min,
						    (uint64_t)(int64_t)callee->cb_ret_max);
		char tv[64], tr[64];

		if (bv_tnum_in(want, r0->s.var_off))
			return 0;
		bv_tnum_str(env, want, tr, sizeof(tr));
		if (bv_tnum_is_unknown(r0->s.var_off)) {
			snprintf(tv, sizeof(tv), "has unknown scalar value");
		} else {
			memcpy(tv, "has value ", 10);
			bv_tnum_str(env, r0->s.var_off, tv + 10, sizeof(tv) - 10);
		}
		bv_reject(&env->log, idx, -EINVAL,
			  "At %s the register R0 %s should have been in %s", old_what, tv, tr);
		bv_explain_reg(env, 0);
		return -EINVAL;
	}
	if (callee->cb_ret_min <= r0->s.smin && r0->s.smax <= callee->cb_ret_max)
		return 0;
	bv_retval_range_msg(line, sizeof(line), what, r0, callee->cb_ret_min, callee->cb_ret_max);
	bv_reject(&env->log, idx, -EINVAL, "%s", line);
	bv_explain_reg(env, 0);
	if (callee->cb_kind == BV_CB_SYNC)
		bv_note(&env->log, idx, "this is the exit of a callback (subprogram at insn %u, called back by the helper at insn %d), which must return %d or %d",
			env->info.subprogs[callee->subprogno].start, callee->callsite,
			callee->cb_ret_min, callee->cb_ret_max);
	else
		bv_note(&env->log, idx, "this is the exit of a timer callback (subprogram at insn %u), which must return 0",
			env->info.subprogs[callee->subprogno].start);
	return -EINVAL;
}

int bv_callback_exit(struct bv_env *env, int32_t *insn_idx)
{
	struct bv_state *st = env->cur;
	struct bv_frame *callee = bv_cur_frame(st);
	bool iterate = bv_kernel_has(env->f, BV_FEAT_CALLBACK_ITERATE);
	struct bv_state *prev;
	int err;

	if (callee->cb_kind != BV_CB_SYNC)
		return 0;
	if (st->nr_refs != callee->cb_nr_refs)
		return bv_unsupported(&env->log, env->insn_idx,
				      "references acquired or released inside a callback");
	/* the return value's range is checked: it must stay in it */
	if (callee->regs[0].type == BV_SCALAR) {
		err = bv_mark_precise(env, 0);
		if (err)
			return err;
	}
	err = check_return(env, callee, "callback return", "callback return");
	if (err)
		return err;
	/* the caller's R0 is the helper's return value, not the callback's */
	*insn_idx = iterate ? callee->callsite : callee->callsite + 1;
	bv_frame_free(callee);
	st->frame[st->curframe--] = NULL;
	env->scratched_regs = 0;
	env->scratched_stack = 0;
	if (iterate) {
		prev = bv_loop_entry_state(env, *insn_idx, false);
		if (prev)
			bv_widen_scalars(prev, st);
	}
	return 1;
}

/* ---- timers ---- */

int bv_check_timer_arg(struct bv_env *env, uint32_t regno,
		       const struct bv_map_desc **meta_map)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	const struct bv_map_desc *m = r->map.map;
	int32_t idx = env->insn_idx;
	long long off;

	if (!bv_tnum_is_const(r->s.var_off))
		return bv_reject(&env->log, idx, -EINVAL,
				 "R%u doesn't have constant offset. bpf_timer has to be at the constant offset",
				 regno);
	if (!m)
		return bv_unsupported(&env->log, idx, "map value pointer without a map description");
	if (!m->value_btf_id)
		return bv_reject(&env->log, idx, -EINVAL,
				 "map '%s' has to have BTF in order to use bpf_timer", m->name);
	if (m->timer_off < 0)
		return bv_unsupported(&env->log, idx,
				      "bpf_timer argument in map '%s' whose value has no bpf_timer",
				      m->name);
	off = (long long)r->s.var_off.value + r->off;
	if (off != m->timer_off)
		return bv_reject(&env->log, idx, -EINVAL,
				 "off %lld doesn't point to 'struct bpf_timer' that is at %d", off,
				 m->timer_off);
	if (*meta_map)
		return bv_reject(&env->log, idx, -EFAULT,
				 "verifier bug. Two map pointers in a timer helper");
	*meta_map = m;
	return 0;
}

/* bpf_timer_set_callback: the callback runs later, on its own: a fresh
 * state with the callback as frame 0, queued (kernel: push_async_cb). */
static int queue_timer_callback(struct bv_env *env, uint32_t subprogno)
{
	const struct bv_reg *timer = &bv_cur_regs(env)[1];
	struct bv_state *q;
	struct bv_frame *f;
	uint32_t i;

	if (!timer->map.map)
		return bv_unsupported(&env->log, env->insn_idx,
				      "timer callback: the timer's map is not described");
	f = bv_frame_new(-1, 0, subprogno);
	if (!f)
		return bv_unsupported(&env->log, env->insn_idx, "out of memory");
	env->pushing_async_cb = true;   /* limits.c: the kernel's own message */
	q = bv_push_branch(env, (int32_t)env->info.subprogs[subprogno].start, env->insn_idx);
	env->pushing_async_cb = false;
	if (!q) {
		bv_frame_free(f);
		return -EINVAL;
	}
	bv_branch_detach(env, q);
	for (i = 0; i <= q->curframe; i++) {
		bv_frame_free(q->frame[i]);
		q->frame[i] = NULL;
	}
	q->curframe = 0;
	q->frame[0] = f;
	q->nr_refs = 0;
	q->active_locks = 0;
	q->path_len = 0;
	f->cb_kind = BV_CB_ASYNC;
	f->cb_ret_min = 0;
	f->cb_ret_max = 0;
	/* callback(map, key, value) */
	mark_map_ptr(&f->regs[1], BV_CONST_PTR_TO_MAP, timer, env->insn_idx);
	mark_map_ptr(&f->regs[2], BV_PTR_TO_MAP_KEY, timer, env->insn_idx);
	mark_map_ptr(&f->regs[3], BV_PTR_TO_MAP_VALUE, timer, env->insn_idx);
	return 0;
}

int bv_callback_async_exit(struct bv_env *env)
{
	return check_return(env, bv_cur_frame(env->cur), "async callback return",
			    "async callback");
}

/* ---- may_goto ---- */

int bv_check_may_goto(struct bv_env *env, const struct bv_insn *insn, int32_t *insn_idx)
{
	int32_t idx = *insn_idx;
	struct bv_state *prev, *queued;

	if (!bv_kernel_has(env->f, BV_FEAT_MAY_GOTO))
		return bv_reject(&env->log, idx, -EINVAL, "unknown opcode %02x", insn->code);
	if (insn->off == 0)
		return bv_reject(&env->log, idx, -EINVAL, "invalid may_goto off %d imm %d",
				 insn->off, insn->imm);
	prev = bv_loop_entry_state(env, idx, true);
	queued = bv_push_branch(env, idx + 1, idx);
	if (!queued)
		return -EINVAL;
	queued->may_goto_depth++;
	if (prev)
		bv_widen_scalars(prev, queued);
	*insn_idx = idx + insn->off;
	return 0;
}
