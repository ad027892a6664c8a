/* bpf_spin_lock / bpf_spin_unlock (kernel: process_spin_lock and the
 * lock checks of do_check).
 *
 * A held lock is a BV_REF_LOCK entry in the state's references, naming
 * the map (lock_ptr) and the id of the map value pointer it was taken
 * through (its id survives the NULL check for maps with a lock, so that
 * two lookups are two different locks). Only one lock may be held at a
 * time, and nothing but bpf_spin_unlock may be called while it is held
 * (static subprograms too on kernels without BV_FEAT_LOCK_STATIC_CALLS).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

#define HELPER_SPIN_UNLOCK 94

static int missing_lock(struct bv_env *env, const struct bv_map_desc *m)
{
	int32_t idx = env->insn_idx;

	if (bv_kernel_has(env->f, BV_FEAT_SPIN_LOCK_RECORD_MSG))
		return bv_reject(&env->log, idx, -EINVAL, "map '%s' has no valid bpf_spin_lock",
				 m->name);
	switch (m->spin_lock_shape) {
	case BV_SPIN_LOCK_MANY:
		return bv_reject(&env->log, idx, -EINVAL,
				 "map '%s' has more than one 'struct bpf_spin_lock'", m->name);
	case BV_SPIN_LOCK_NOT_STRUCT:
		return bv_reject(&env->log, idx, -EINVAL,
				 "map '%s' is not a struct type or bpf_spin_lock is mangled",
				 m->name);
	default:
		return bv_reject(&env->log, idx, -EINVAL,
				 "map '%s' doesn't have 'struct bpf_spin_lock'", m->name);
	}
}

static struct bv_ref *held_lock(struct bv_state *st)
{
	uint32_t i;

	for (i = 0; i < st->nr_refs; i++)
		if (st->refs[i].type == BV_REF_LOCK)
			return &st->refs[i];
	return NULL;
}

int bv_process_spin_lock(struct bv_env *env, uint32_t regno, bool is_lock)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	const struct bv_map_desc *m = r->map.map;
	struct bv_state *st = env->cur;
	int32_t idx = env->insn_idx;
	struct bv_ref *held;
	int64_t off;

	if (!bv_tnum_is_const(r->s.var_off))
		return bv_reject(&env->log, idx, -EINVAL,
				 "R%u doesn't have constant offset. bpf_spin_lock has to be at the constant offset",
				 regno);
	if (BV_BASE_TYPE(r->type) != BV_PTR_TO_MAP_VALUE || !m)
		return bv_unsupported(&env->log, idx, "bpf_spin_lock outside a map value");
	if (!m->value_btf_id)
		return bv_reject(&env->log, idx, -EINVAL,
				 "map '%s' has to have BTF in order to use bpf_spin_lock", m->name);
	if (m->spin_lock_shape == BV_SPIN_LOCK_MANY &&
	    bv_kernel_has(env->f, BV_FEAT_SPIN_LOCK_RECORD_MSG))
		return bv_unsupported(&env->log, idx, "map value with several bpf_spin_locks");
	if (m->spin_lock_off < 0 || m->spin_lock_shape == BV_SPIN_LOCK_MANY)
		return missing_lock(env, m);
	off = (int64_t)r->s.var_off.value + r->off;
	if (off != m->spin_lock_off) {
		if (bv_kernel_has(env->f, BV_FEAT_SPIN_LOCK_RECORD_MSG))
			return bv_reject(&env->log, idx, -EINVAL,
					 "off %lld doesn't point to 'struct bpf_spin_lock' that is at %d",
					 (long long)off, m->spin_lock_off);
		return bv_reject(&env->log, idx, -EINVAL,
				 "off %lld doesn't point to 'struct bpf_spin_lock'", (long long)off);
	}

	held = held_lock(st);
	if (is_lock) {
		struct bv_ref *nr;

		if (held)
			return bv_reject(&env->log, idx, -EINVAL,
					 "Locking two bpf_spin_locks are not allowed");
		nr = realloc(st->refs, (st->nr_refs + 1) * sizeof(*nr));
		if (!nr)
			return bv_unsupported(&env->log, idx, "out of memory");
		st->refs = nr;
		/* id: the map value pointer's id, not a fresh one (a second
		 * pointer to the same element must name the same lock) */
		nr[st->nr_refs++] = (struct bv_ref){ .id = r->id, .insn = idx,
						     .type = BV_REF_LOCK, .lock_ptr = m };
		st->active_locks++;
		return 0;
	}
	if (!held) {
		bv_reject(&env->log, idx, -EINVAL, "bpf_spin_unlock without taking a lock");
		return -EINVAL;
	}
	if (held->lock_ptr != (const void *)m || held->id != r->id) {
		bv_reject(&env->log, idx, -EINVAL, "bpf_spin_unlock of different lock");
		bv_note(&env->log, held->insn, "the lock held here was taken at insn %d",
			held->insn);
		return -EINVAL;
	}
	memmove(held, held + 1, (size_t)(st->refs + st->nr_refs - held - 1) * sizeof(*held));
	st->nr_refs--;
	st->active_locks--;
	return 0;
}

int bv_check_call_in_lock(struct bv_env *env, const struct bv_insn *insn)
{
	const struct bv_ref *held;
	bool allowed;

	if (!env->cur->active_locks)
		return 0;
	if (insn->src_reg == BV_PSEUDO_CALL)
		allowed = bv_kernel_has(env->f, BV_FEAT_LOCK_STATIC_CALLS);
	else if (insn->src_reg == BV_PSEUDO_KFUNC_CALL) {
		/* newer kernels allow the list and rbtree kfuncs here:
		 * those are not modelled */
		if (bv_kernel_has(env->f, BV_FEAT_LOCK_STATIC_CALLS))
			return bv_unsupported(&env->log, env->insn_idx,
					      "kfunc calls while holding a bpf_spin_lock");
		allowed = false;
	} else
		allowed = insn->imm == HELPER_SPIN_UNLOCK;
	if (allowed)
		return 0;
	bv_reject(&env->log, env->insn_idx, -EINVAL,
		  "function calls are not allowed while holding a lock");
	held = held_lock(env->cur);
	if (held)
		bv_note(&env->log, held->insn, "the lock was taken at insn %d", held->insn);
	return -EINVAL;
}

int bv_global_call_in_lock(struct bv_env *env)
{
	const struct bv_ref *held;

	bv_reject(&env->log, env->insn_idx, -EINVAL,
		  "global function calls are not allowed while holding a lock,");
	bv_reject(&env->log, env->insn_idx, -EINVAL, "use static function instead");
	held = held_lock(env->cur);
	if (held)
		bv_note(&env->log, held->insn, "the lock was taken at insn %d", held->insn);
	return -EINVAL;
}

int bv_check_exit_in_lock(struct bv_env *env)
{
	const struct bv_ref *held;

	if (!env->cur->active_locks)
		return 0;
	/* newest kernels: check_resource_leak words it (main program only) */
	if (bv_kernel_has(env->f, BV_FEAT_LOCK_EXIT_REGION_MSG))
		return 0;
	if (env->cur->curframe && bv_kernel_has(env->f, BV_FEAT_LOCK_STATIC_CALLS))
		return 0;
	bv_reject(&env->log, env->insn_idx, -EINVAL, "bpf_spin_unlock is missing");
	held = held_lock(env->cur);
	if (held)
		bv_note(&env->log, held->insn, "the lock was taken at insn %d", held->insn);
	return -EINVAL;
}

void bv_note_held_lock(struct bv_env *env)
{
	const struct bv_ref *held = held_lock(env->cur);

	if (held)
		bv_note(&env->log, held->insn, "the lock was taken at insn %d", held->insn);
}
