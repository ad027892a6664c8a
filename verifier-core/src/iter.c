/* iter.c — open-coded iterators (bpf_iter_<type>_new / _next / _destroy),
 * as the kernel verifier models them.
 *
 * An iterator lives in the program's stack: struct bpf_iter_<type> covers
 * size/8 slots of kind BV_STACK_ITER, the first of which holds the
 * iterator's reference (new acquires it, destroy releases it: an
 * iterator not destroyed is a leaked reference), its BTF struct, its
 * state (active or drained) and its depth (the iterations the path
 * took). The methods and the iterator struct come from the facade's kfunc
 * description (the profile's KF_ITER_* flags, the BTF prototype).
 *
 * The loop: at each call of next the walk splits; the current path sees
 * NULL and the iterator drained, a queued path sees a non-NULL value and
 * the iterator active one level deeper, with the scalars that changed
 * since the previous visit of this call widened (callback.c's
 * bv_widen_scalars). explore.c keeps a state at every next call and
 * prunes a later visit whose state lies within one still being walked,
 * while the iterator is active: the loop has converged (the iterator
 * returns NULL eventually and for good).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "state.h"

/* "num" of bpf_iter_num, as the kernel's messages name it. */
static const char *iter_type_str(const struct bv_kfunc_arg *a)
{
	return strncmp(a->type_name, "bpf_iter_", 9) == 0 ? a->type_name + 9 : a->type_name;
}

static struct bv_frame *reg_frame(struct bv_env *env, const struct bv_reg *r)
{
	return r->frameno <= env->cur->curframe ? env->cur->frame[r->frameno] : NULL;
}

/* The slot index of the iterator register r points to (kernel:
 * stack_slot_obj_get_spi): -EINVAL after the message, -ERANGE when the
 * slots are not (all) allocated yet. */
static int iter_spi(struct bv_env *env, const struct bv_reg *r, uint32_t nr_slots)
{
	struct bv_frame *f = reg_frame(env, r);
	int64_t off;
	int spi;

	if (!bv_tnum_is_const(r->s.var_off))
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "iter has to be at a constant offset");
	off = (int64_t)r->off + (int64_t)r->s.var_off.value;
	if (off % BV_REG_SIZE || off >= 0 || off < -512)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "cannot pass in iter at an offset=%lld", (long long)off);
	spi = (int)((-off - 1) / BV_REG_SIZE);
	if ((uint32_t)spi + 1 < nr_slots)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "cannot pass in iter at an offset=%lld", (long long)off);
	if (!f || (uint32_t)spi >= f->allocated_stack / BV_REG_SIZE)
		return -ERANGE;
	return spi;
}

static bool slot_all(const struct bv_stack_slot *s, uint8_t t)
{
	for (uint32_t j = 0; j < BV_REG_SIZE; j++)
		if (s->slot_type[j] != t)
			return false;
	return true;
}

static void scratch_slot(struct bv_env *env, const struct bv_reg *r, int spi)
{
	if (r->frameno == env->cur->curframe && spi < 64)
		env->scratched_stack |= 1ull << spi;
}

static int iter_new(struct bv_env *env, const struct bv_kfunc_arg *a, uint32_t regno,
		    uint32_t nr_slots)
{
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_frame *f;
	uint32_t id, i;
	int spi, err;

	/* the slots must hold no iterator (unallocated ones are checked by
	 * the writes below) */
	spi = iter_spi(env, r, nr_slots);
	if (spi == -EINVAL)
		return spi;
	if (spi >= 0) {
		f = reg_frame(env, r);
		for (i = 0; i < nr_slots; i++)
			for (uint32_t j = 0; j < BV_REG_SIZE; j++)
				if (f->stack[spi - i].slot_type[j] == BV_STACK_ITER)
					return bv_reject(&env->log, env->insn_idx, -EINVAL,
							 "expected uninitialized iter_%s as arg #%u",
							 iter_type_str(a), regno - 1);
	}
	/* new writes the whole struct */
	for (i = 0; i < nr_slots * BV_REG_SIZE; i += BV_REG_SIZE) {
		err = bv_check_mem_access(env, env->insn_idx, regno, (int32_t)i, BV_REG_SIZE,
					  BV_WRITE, -1, false);
		if (err)
			return err;
	}
	r = &bv_cur_regs(env)[regno];
	spi = iter_spi(env, r, nr_slots);
	if (spi < 0)
		return spi == -ERANGE ? bv_unsupported(&env->log, env->insn_idx,
							"iterator slots outside the stack") : spi;
	id = bv_ref_acquire(env, env->insn_idx, BV_REF_PTR);
	if (!id)
		return bv_unsupported(&env->log, env->insn_idx, "out of memory");
	f = reg_frame(env, r);
	for (i = 0; i < nr_slots; i++) {
		struct bv_stack_slot *s = &f->stack[spi - i];
		struct bv_reg *sp = &s->spilled_ptr;

		bv_reg_mark_ptr(sp, BV_PTR_TO_STACK, env->insn_idx);
		sp->ref_obj_id = i == 0 ? id : 0;
		sp->iter.btf_id = a->btf_id;
		sp->iter.state = BV_ITER_ACTIVE;
		sp->iter.depth = 0;
		memset(s->slot_type, BV_STACK_ITER, BV_REG_SIZE);
		scratch_slot(env, r, spi - (int)i);
	}
	return 0;
}

int bv_iter_process_arg(struct bv_env *env, const struct bv_kfunc_desc *d, uint32_t regno,
			struct bv_iter_meta *m)
{
	const struct bv_kfunc_arg *a = &d->args[regno - 1];
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	uint32_t nr_slots = a->size / BV_REG_SIZE, i;
	struct bv_frame *f;
	int spi;

	if (r->type != BV_PTR_TO_STACK)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "arg#%u expected pointer to an iterator on stack", regno - 1);
	if (!nr_slots)
		return bv_unsupported(&env->log, env->insn_idx,
				      "kfunc %s: iterator struct %s of size %u", d->name,
				      a->type_name, a->size);
	if (d->flags & BV_KF_ITER_NEW)
		return iter_new(env, a, regno, nr_slots);

	/* next, destroy: an initialised iterator of this type (kernel:
	 * is_iter_reg_valid_init) */
	spi = iter_spi(env, r, nr_slots);
	if (spi == -EINVAL)
		return spi;
	f = reg_frame(env, r);
	for (i = 0; spi >= 0 && i < nr_slots; i++) {
		const struct bv_stack_slot *s = &f->stack[spi - i];
		const struct bv_reg *sp = &s->spilled_ptr;

		if ((i == 0) != (sp->ref_obj_id != 0) || !slot_all(s, BV_STACK_ITER) ||
		    sp->iter.btf_id != a->btf_id)
			spi = -EINVAL;
	}
	if (spi < 0)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "expected an initialized iter_%s as arg #%u",
				 iter_type_str(a), regno - 1);
	for (i = 0; i < nr_slots; i++)
		scratch_slot(env, r, spi - (int)i);
	m->frameno = r->frameno;
	m->spi = (uint32_t)spi;
	m->ref_obj_id = f->stack[spi].spilled_ptr.ref_obj_id;
	if (d->flags & BV_KF_ITER_DESTROY) {
		uint32_t id = m->ref_obj_id;

		for (i = 0; i < nr_slots; i++) {
			struct bv_stack_slot *s = &f->stack[spi - i];

			bv_reg_mark_not_init(&s->spilled_ptr);
			memset(s->slot_type, BV_STACK_INVALID, BV_REG_SIZE);
		}
		if (bv_ref_release(env, id))
			return bv_reject(&env->log, env->insn_idx, -EFAULT,
					 "verifier internal error: iterator reference %u not held", id);
	}
	return 0;
}

static struct bv_reg *iter_slot(struct bv_state *st, const struct bv_iter_meta *m)
{
	return &st->frame[m->frameno]->stack[m->spi].spilled_ptr;
}

int bv_iter_next_call(struct bv_env *env, const struct bv_iter_meta *m)
{
	struct bv_state *cur = env->cur, *prev, *queued;
	struct bv_reg *it = iter_slot(cur, m), *r0;

	if (it->iter.state != BV_ITER_ACTIVE && it->iter.state != BV_ITER_DRAINED)
		return bv_reject(&env->log, env->insn_idx, -EFAULT,
				 "verifier internal error: unexpected iterator state %u",
				 it->iter.state);
	if (it->iter.state == BV_ITER_ACTIVE) {
		/* the previous visit of this call still being walked, past the
		 * state kept here right now (kernel: find_prev_entry) */
		prev = bv_loop_entry_state(env, env->insn_idx, true);
		queued = bv_push_branch(env, env->insn_idx + 1, env->insn_idx);
		if (!queued)
			return -EINVAL;
		iter_slot(queued, m)->iter.depth++;
		if (prev)
			bv_widen_scalars(prev, queued);
		r0 = &queued->frame[queued->curframe]->regs[0];
		r0->type &= ~BV_PTR_MAYBE_NULL;
		it = iter_slot(env->cur, m);
	}
	/* this path: next returned NULL, the iterator stays drained */
	it->iter.state = BV_ITER_DRAINED;
	r0 = &bv_cur_regs(env)[0];
	bv_reg_mark_known(r0, 0, env->insn_idx);
	return 0;
}

bool bv_iter_next_active(const struct bv_state *st)
{
	const struct bv_frame *f = st->frame[st->curframe];
	const struct bv_reg *r1 = &f->regs[1];
	const struct bv_frame *of;
	int64_t off;
	uint32_t spi;

	if (r1->type != BV_PTR_TO_STACK || r1->frameno > st->curframe)
		return false;
	of = st->frame[r1->frameno];
	off = (int64_t)r1->off + (int64_t)r1->s.var_off.value;
	if (off >= 0)
		return false;
	spi = (uint32_t)((-off - 1) / BV_REG_SIZE);
	if (spi >= of->allocated_stack / BV_REG_SIZE ||
	    of->stack[spi].slot_type[0] != BV_STACK_ITER)
		return false;
	return of->stack[spi].spilled_ptr.iter.state == BV_ITER_ACTIVE;
}

bool bv_iter_active_depths_differ(const struct bv_state *old, const struct bv_state *cur)
{
	for (uint32_t fr = 0; fr <= old->curframe && fr <= cur->curframe; fr++) {
		const struct bv_frame *fo = old->frame[fr], *fc = cur->frame[fr];

		for (uint32_t i = 0; i < fo->allocated_stack / BV_REG_SIZE; i++) {
			const struct bv_reg *so = &fo->stack[i].spilled_ptr;

			if (fo->stack[i].slot_type[0] != BV_STACK_ITER ||
			    so->iter.state != BV_ITER_ACTIVE)
				continue;
			if (i >= fc->allocated_stack / BV_REG_SIZE ||
			    fc->stack[i].spilled_ptr.iter.depth != so->iter.depth)
				return true;
		}
	}
	return false;
}

bool bv_iter_slot_matches(const struct bv_stack_slot *old, const struct bv_stack_slot *cur)
{
	if (old->slot_type[0] != BV_STACK_ITER)
		return true;
	return old->spilled_ptr.iter.btf_id == cur->spilled_ptr.iter.btf_id &&
	       old->spilled_ptr.iter.state == cur->spilled_ptr.iter.state;
}

bool bv_iter_slot_format(const struct bv_env *env, const struct bv_stack_slot *s, char *buf,
			 size_t size)
{
	const struct bv_reg *r = &s->spilled_ptr;
	const char *name = env->f->btf_type_name ?
			   env->f->btf_type_name(env->f->ctx, r->iter.btf_id) : NULL;
	const char *state = r->iter.state == BV_ITER_ACTIVE ? "active" :
			    r->iter.state == BV_ITER_DRAINED ? "drained" : "<invalid>";

	if (!r->ref_obj_id)
		return false;
	if (!name)
		name = "?";
	else if (strncmp(name, "bpf_iter_", 9) == 0)
		name += 9;
	snprintf(buf, size, "iter_%s(ref_id=%u,state=%s,depth=%u)", name, r->ref_obj_id, state,
		 r->iter.depth);
	return true;
}
