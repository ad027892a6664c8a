/* state.c — lifetime of verifier states: creation of a subprogram's entry
 * state, deep copies for pending branches and kept states, stack growth,
 * and the bookkeeping of acquired references.
 */
#include "state.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A frame as a function sees it on entry: nothing initialised except the
 * read-only frame pointer R10 (kernel: init_func_state). */
static struct bv_frame *frame_new(int32_t callsite, uint32_t frameno,
				  uint32_t subprogno)
{
	struct bv_frame *f = calloc(1, sizeof(*f));
	uint32_t i;

	if (!f)
		return NULL;
	for (i = 0; i < BV_MAX_REG; i++)
		bv_reg_mark_not_init(&f->regs[i]);
	bv_reg_mark_ptr(&f->regs[BV_REG_FP], BV_PTR_TO_STACK, -1);
	f->regs[BV_REG_FP].frameno = frameno;
	f->callsite = callsite;
	f->frameno = frameno;
	f->subprogno = subprogno;
	return f;
}

struct bv_frame *bv_frame_new(int32_t callsite, uint32_t frameno,
			      uint32_t subprogno)
{
	return frame_new(callsite, frameno, subprogno);
}

void bv_frame_free(struct bv_frame *f)
{
	if (!f)
		return;
	free(f->stack);
	free(f);
}

struct bv_state *bv_state_new(uint32_t subprogno)
{
	struct bv_state *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->frame[0] = frame_new(-1, 0, subprogno);
	if (!st->frame[0]) {
		free(st);
		return NULL;
	}
	st->last_insn = -1;
	return st;
}

static struct bv_frame *frame_copy(const struct bv_frame *src)
{
	struct bv_frame *f = malloc(sizeof(*f));
	size_t n = src->allocated_stack / BV_REG_SIZE;

	if (!f)
		return NULL;
	*f = *src;
	f->stack = NULL;
	if (n) {
		f->stack = malloc(n * sizeof(*f->stack));
		if (!f->stack) {
			free(f);
			return NULL;
		}
		memcpy(f->stack, src->stack, n * sizeof(*f->stack));
	}
	return f;
}

struct bv_state *bv_state_copy(const struct bv_state *src)
{
	struct bv_state *st = malloc(sizeof(*st));
	uint32_t i;

	if (!st)
		return NULL;
	*st = *src;
	memset(st->frame, 0, sizeof(st->frame));
	st->refs = NULL;
	st->hist = NULL;
	st->hist_cap = 0;
	st->hist_stamp = 0;      /* the copy's path part grows its own way */
	if (src->hist_len) {
		/* room to grow: a pushed branch records its first jumps
		 * without a realloc that would copy the whole history again */
		uint32_t cap = src->hist_len + 16;

		st->hist = malloc(cap * sizeof(*st->hist));
		if (!st->hist) {
			st->hist_len = 0;
			goto fail;
		}
		memcpy(st->hist, src->hist, src->hist_len * sizeof(*st->hist));
		st->hist_cap = cap;
	}
	for (i = 0; i <= src->curframe; i++) {
		st->frame[i] = frame_copy(src->frame[i]);
		if (!st->frame[i])
			goto fail;
	}
	if (src->nr_refs) {
		st->refs = malloc(src->nr_refs * sizeof(*st->refs));
		if (!st->refs)
			goto fail;
		memcpy(st->refs, src->refs, src->nr_refs * sizeof(*st->refs));
	}
	return st;
fail:
	bv_state_free(st);
	return NULL;
}

void bv_state_free(struct bv_state *st)
{
	uint32_t i;

	if (!st)
		return;
	for (i = 0; i < BV_MAX_CALL_FRAMES; i++)
		bv_frame_free(st->frame[i]);
	free(st->refs);
	free(st->hist);
	free(st);
}

int bv_frame_grow_stack(struct bv_frame *f, uint32_t size)
{
	uint32_t want = (size + BV_REG_SIZE - 1) / BV_REG_SIZE * BV_REG_SIZE;
	uint32_t old_n = f->allocated_stack / BV_REG_SIZE, n = want / BV_REG_SIZE;
	struct bv_stack_slot *ns;
	uint32_t i;

	if (want <= f->allocated_stack)
		return 0;
	ns = realloc(f->stack, n * sizeof(*ns));
	if (!ns)
		return -ENOMEM;
	memset(ns + old_n, 0, (n - old_n) * sizeof(*ns));
	for (i = old_n; i < n; i++)
		bv_reg_mark_not_init(&ns[i].spilled_ptr);
	f->stack = ns;
	f->allocated_stack = want;
	return 0;
}

uint32_t bv_ref_acquire(struct bv_env *env, int32_t insn, enum bv_ref_type type)
{
	struct bv_state *st = env->cur;
	struct bv_ref *nr = realloc(st->refs, (st->nr_refs + 1) * sizeof(*nr));

	if (!nr)
		return 0;
	st->refs = nr;
	nr[st->nr_refs] = (struct bv_ref){ .id = bv_new_id(env), .insn = insn,
					   .type = type };
	return nr[st->nr_refs++].id;
}

struct invalidate_arg {
	uint32_t ref_obj_id;
	bool allow_ptr_leaks;
	int32_t release_insn;
};

/* Every copy of a released object becomes unusable: an unknown scalar
 * when pointers may leak, uninitialised otherwise (kernel:
 * mark_reg_invalid). */
static void invalidate_ref(struct bv_reg *r, void *arg)
{
	const struct invalidate_arg *a = arg;
	int32_t origin = r->origin;

	if (r->ref_obj_id != a->ref_obj_id)
		return;
	if (a->allow_ptr_leaks)
		bv_reg_mark_unknown(r, origin);
	else
		bv_reg_mark_not_init(r);
	/* for notes: a later use points at the release */
	r->origin = a->release_insn;
}

int bv_ref_release(struct bv_env *env, uint32_t ref_obj_id)
{
	struct bv_state *st = env->cur;
	struct invalidate_arg a = { ref_obj_id, env->f->allow_ptr_leaks, env->insn_idx };
	uint32_t i;

	for (i = 0; i < st->nr_refs; i++) {
		if (st->refs[i].id != ref_obj_id || st->refs[i].type != BV_REF_PTR)
			continue;
		memmove(&st->refs[i], &st->refs[i + 1],
			(st->nr_refs - i - 1) * sizeof(*st->refs));
		st->nr_refs--;
		bv_for_each_reg(st, invalidate_ref, &a);
		return 0;
	}
	return -EINVAL;
}

/* ---- state comparison (pruning and loop detection) ----
 *
 * `old` was kept at a prune point. With `exact` false the question is
 * "is every concrete machine state `cur` describes also described by
 * `old`?": then, old's exploration having succeeded, cur's would too. With
 * `exact` true the two must be the same abstract state (a loop that makes
 * no progress). Ids need only match consistently (an injective map from
 * old ids to cur ids), never be equal.
 *
 * Registers and slots no later instruction reads were forgotten in old
 * (explore.c), and old's scalars that no check below it needed are not
 * precise (precision.c): any value will do for those when pruning. */

struct idmap {
	uint32_t (*pairs)[2];
	uint32_t len, cap;
	uint32_t tmp;        /* fresh ids given to unlinked cur scalars */
	bool oom;
};

/* A new pair old_id -> cur_id (false when out of memory). */
static bool idmap_add(struct idmap *m, uint32_t old_id, uint32_t cur_id)
{
	if (m->len == m->cap) {
		uint32_t cap = m->cap ? m->cap * 2 : 16;
		uint32_t (*np)[2] = realloc(m->pairs, cap * sizeof(*np));

		if (!np) {
			m->oom = true;
			return false;
		}
		m->pairs = np;
		m->cap = cap;
	}
	m->pairs[m->len][0] = old_id;
	m->pairs[m->len][1] = cur_id;
	m->len++;
	return true;
}

static bool ids_match(struct idmap *m, uint32_t old_id, uint32_t cur_id)
{
	uint32_t i;

	if (!old_id)
		return true;     /* old relies on no link */
	if (!cur_id)
		return false;    /* old was linked, cur is not */
	for (i = 0; i < m->len; i++) {
		if (m->pairs[i][0] == old_id)
			return m->pairs[i][1] == cur_id;
		if (m->pairs[i][1] == cur_id)
			return false;
	}
	return idmap_add(m, old_id, cur_id);
}

/* Before 6.4 (kernel check_ids): an old id maps to the first current id
 * met, whatever it is (none, or one another old id already maps to). */
static bool ids_match_loose(struct idmap *m, uint32_t old_id, uint32_t cur_id)
{
	uint32_t i;

	if (!old_id)
		return true;
	for (i = 0; i < m->len; i++)
		if (m->pairs[i][0] == old_id)
			return m->pairs[i][1] == cur_id;
	return idmap_add(m, old_id, cur_id);
}

static bool scalar_equal(const struct bv_scalar *a, const struct bv_scalar *b)
{
	return a->var_off.value == b->var_off.value && a->var_off.mask == b->var_off.mask &&
	       a->smin == b->smin && a->smax == b->smax && a->umin == b->umin &&
	       a->umax == b->umax && a->s32_min == b->s32_min &&
	       a->s32_max == b->s32_max && a->u32_min == b->u32_min &&
	       a->u32_max == b->u32_max;
}

static bool reg_contains(const struct bv_reg *old, const struct bv_reg *cur,
			 struct idmap *m, int mode)
{
	uint32_t base = BV_BASE_TYPE(old->type);
	bool loose = (mode & BV_CMP_RANGE_LOOSE) != 0;
	bool loose_ids = (mode & BV_CMP_LOOSE_IDS) != 0;
	bool exact;

	mode &= BV_CMP_MODE;
	exact = mode == BV_CMP_EXACT;

	if (old->type == BV_NOT_INIT &&
	    (mode == BV_CMP_PRUNE || (loose && mode == BV_CMP_RANGE)))
		return true;     /* old never read it, or it would have failed */
	if (old->type == BV_NOT_INIT && cur->type == BV_NOT_INIT)
		return true;
	if (old->type != cur->type)
		return false;
	if (old->type == BV_NOT_INIT)
		return true;
	/* no check below old needed its value */
	if (old->type == BV_SCALAR && !old->precise && mode == BV_CMP_PRUNE)
		return true;
	if (exact) {
		if (!scalar_equal(&old->s, &cur->s))
			return false;
	} else if (!bv_scalar_contains(&old->s, &cur->s)) {
		return false;
	}
	/* before 6.4 scalars' ids were not compared */
	if (old->type == BV_SCALAR && loose_ids)
		return true;
	if (old->type == BV_SCALAR) {
		if (exact && !!old->id != !!cur->id)
			return false;
		if (!old->id)
			return true;
		/* linked the same way: same kind of link, same distance */
		if ((old->id & BV_ID_ADD_CONST) != (cur->id & BV_ID_ADD_CONST) ||
		    old->off != cur->off)
			return false;
		/* an unlinked cur scalar links to nothing else: a fresh id
		 * (kernel check_scalar_ids) */
		return ids_match(m, old->id & ~BV_ID_ADD_CONST,
				 cur->id ? cur->id & ~BV_ID_ADD_CONST : (1u << 29) + ++m->tmp);
	}
	if (old->off != cur->off || old->frameno != cur->frameno)
		return false;
	if (loose_ids) {
		/* a non-NULL map value's id was not looked at */
		bool map_value = (base == BV_PTR_TO_MAP_VALUE || base == BV_PTR_TO_MAP_KEY) &&
				 !(old->type & BV_PTR_MAYBE_NULL);

		if (!map_value && (!ids_match_loose(m, old->id, cur->id) ||
				   !ids_match_loose(m, old->ref_obj_id, cur->ref_obj_id)))
			return false;
	} else if (!ids_match(m, old->id, cur->id) ||
	    !ids_match(m, old->ref_obj_id, cur->ref_obj_id))
		return false;
	if (!loose_ids && ((!old->id) != (!cur->id) || (!old->ref_obj_id) != (!cur->ref_obj_id)))
		return false;
	switch (base) {
	case BV_CONST_PTR_TO_MAP:
	case BV_PTR_TO_MAP_VALUE:
	case BV_PTR_TO_MAP_KEY:
		return old->map.map == cur->map.map && old->map.index == cur->map.index;
	case BV_PTR_TO_PACKET:
	case BV_PTR_TO_PACKET_META:
		/* more bytes known inside the packet is fine */
		return exact ? old->range == cur->range : cur->range >= old->range;
	case BV_PTR_TO_MEM:
	case BV_PTR_TO_BUF:
		return old->mem_size == cur->mem_size;
	case BV_PTR_TO_BTF_ID:
		return old->btf_id == cur->btf_id;
	default:
		return true;
	}
}

static bool bytes_all(const uint8_t *t, uint8_t a, uint8_t b)
{
	uint32_t i;

	for (i = 0; i < BV_REG_SIZE; i++)
		if (t[i] != a && t[i] != b)
			return false;
	return true;
}

static bool is_special(uint8_t t)
{
	return t == BV_STACK_DYNPTR || t == BV_STACK_ITER || t == BV_STACK_IRQ_FLAG;
}

/* The scalar a load of the whole slot gives, for comparing a spilled
 * scalar with unknown bytes (kernel: scalar_reg_for_stack): the spilled
 * register, an unbound scalar for plain data, or NULL. */
static const struct bv_reg *slot_scalar(const struct bv_stack_slot *s, bool uninit,
					struct bv_reg *unbound)
{
	uint32_t i;

	if (bytes_all(s->slot_type, BV_STACK_SPILL, BV_STACK_SPILL) &&
	    s->spilled_ptr.type == BV_SCALAR)
		return &s->spilled_ptr;
	for (i = 0; i < BV_REG_SIZE; i++)
		if (s->slot_type[i] != BV_STACK_MISC &&
		    !(uninit && s->slot_type[i] == BV_STACK_INVALID))
			return NULL;
	return unbound;
}

static bool slot_contains(const struct bv_stack_slot *old, const struct bv_stack_slot *cur,
			  struct idmap *m, int mode)
{
	static const struct bv_stack_slot empty;
	bool uninit = (mode & BV_CMP_UNINIT_STACK) != 0;
	bool spill_misc = (mode & BV_CMP_SPILL_MISC) != 0;
	bool loose = (mode & BV_CMP_RANGE_LOOSE) != 0;
	bool dynptr_unread = (mode & BV_CMP_DYNPTR_UNREAD) != 0;
	int id_flags = mode & BV_CMP_LOOSE_IDS;
	struct bv_reg unbound;
	uint32_t i;

	mode &= BV_CMP_MODE;
	if (!old)
		old = &empty;
	if (!cur)
		cur = &empty;
	/* kernel: only a plain prune (and, loose, a range compare) lets the
	 * byte kinds differ */
	if (mode != BV_CMP_PRUNE && !(loose && mode == BV_CMP_RANGE) &&
	    memcmp(old->slot_type, cur->slot_type, BV_REG_SIZE) != 0)
		return false;
	if (old->slot_type[0] == BV_STACK_DYNPTR && dynptr_unread && mode == BV_CMP_PRUNE)
		return true;
	if (old->slot_type[0] == BV_STACK_DYNPTR && cur->slot_type[0] == BV_STACK_DYNPTR &&
	    !dynptr_unread) {
		/* kernel stacksafe: the same kind of dynptr, the same half,
		 * the same reference (its own id does not matter) */
		const struct bv_reg *o = &old->spilled_ptr, *c = &cur->spilled_ptr;

		return o->dynptr.kind == c->dynptr.kind &&
		       o->dynptr.first_slot == c->dynptr.first_slot &&
		       !o->ref_obj_id == !c->ref_obj_id &&
		       (id_flags ? ids_match_loose(m, o->ref_obj_id, c->ref_obj_id)
				 : ids_match(m, o->ref_obj_id, c->ref_obj_id));
	}
	if (is_special(old->slot_type[0]) || is_special(cur->slot_type[0])) {
		if (memcmp(old->slot_type, cur->slot_type, BV_REG_SIZE) != 0)
			return bytes_all(old->slot_type, BV_STACK_INVALID, BV_STACK_INVALID);
		return bv_iter_slot_matches(old, cur) &&
		       reg_contains(&old->spilled_ptr, &cur->spilled_ptr, m, mode);
	}
	memset(&unbound, 0, sizeof(unbound));
	bv_reg_mark_unknown(&unbound, -1);
	for (i = 0; i < BV_REG_SIZE; i++) {
		uint8_t o = old->slot_type[i], c = cur->slot_type[i];
		const struct bv_reg *ro, *rc;

		if (o == BV_STACK_INVALID)
			continue;
		if (uninit && o == BV_STACK_MISC)
			continue;
		/* a spilled scalar and unknown bytes load alike */
		ro = spill_misc ? slot_scalar(old, uninit, &unbound) : NULL;
		rc = spill_misc ? slot_scalar(cur, uninit, &unbound) : NULL;
		if (ro && rc)
			return reg_contains(ro, rc, m, mode);
		if (o == BV_STACK_MISC && c == BV_STACK_ZERO)
			continue;        /* zero is one of the unknown values */
		if (o != c)
			return false;
		if (i != BV_REG_SIZE - 1)
			continue;
		if (o == BV_STACK_SPILL)
			return reg_contains(&old->spilled_ptr, &cur->spilled_ptr, m, mode);
	}
	return true;
}

static bool frame_contains(const struct bv_frame *old, const struct bv_frame *cur,
			   struct idmap *m, int mode)
{
	uint32_t i, n;

	if (old->callsite != cur->callsite)
		return false;
	/* kernel func_states_equal: fewer callback iterations behind */
	if (old->callback_depth > cur->callback_depth)
		return false;
	for (i = 0; i < BV_MAX_REG; i++)
		if (!reg_contains(&old->regs[i], &cur->regs[i], m, mode))
			return false;
	/* Slots beyond old's stack were never written in old: any content
	 * will do, even for loop detection (as the kernel compares). */
	n = old->allocated_stack;
	for (i = 0; i < n / BV_REG_SIZE; i++) {
		const struct bv_stack_slot *o = i < old->allocated_stack / BV_REG_SIZE ?
						&old->stack[i] : NULL;
		const struct bv_stack_slot *c = i < cur->allocated_stack / BV_REG_SIZE ?
						&cur->stack[i] : NULL;

		if (!slot_contains(o, c, m, mode))
			return false;
	}
	return true;
}

bool bv_state_contains(const struct bv_state *old, const struct bv_state *cur,
		       int mode)
{
	struct idmap m = { 0 };
	bool ok = true;
	uint32_t i;

	if (old->curframe != cur->curframe || old->speculative != cur->speculative ||
	    old->nr_refs != cur->nr_refs || old->active_locks != cur->active_locks ||
	    old->active_rcu_lock != cur->active_rcu_lock)
		return false;
	for (i = 0; ok && i <= old->curframe; i++)
		ok = frame_contains(old->frame[i], cur->frame[i], &m, mode);
	/* before 6.3 references and the held lock were compared by their id
	 * number (kernel refsafe: memcmp; active_spin_lock: the lock's id) */
	for (i = 0; ok && i < old->nr_refs; i++)
		ok = old->refs[i].type == cur->refs[i].type &&
		     old->refs[i].lock_ptr == cur->refs[i].lock_ptr &&
		     ((mode & BV_CMP_LOOSE_IDS) ? old->refs[i].id == cur->refs[i].id
						: ids_match(&m, old->refs[i].id, cur->refs[i].id));
	free(m.pairs);
	return ok && !m.oom;
}
