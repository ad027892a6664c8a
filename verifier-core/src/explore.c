/* explore.c — the path walk (kernel: do_check): every path of the program
 * from its entry, one instruction at a time, with the branches still to be
 * walked on a stack and the states kept at prune points so that a path
 * reaching a state already known to be safe stops early.
 *
 * Order and limits are the kernel's: the fall-through edge of a
 * conditional jump first, the jump target later (pushed); at most
 * insn_processed_limit instructions processed; at most 8192 pending
 * branches. The level-1 log of a path that ended well is cut back, so a
 * rejected program's log shows the failing path only.
 */
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PENDING 8192   /* kernel: BPF_COMPLEXITY_LIMIT_JMP_SEQ */
#define HELPER_SPIN_UNLOCK 94

/* A state kept at a prune point. `branches` counts the paths still being
 * walked below it (the current one and pending ones); only a state with
 * none left is known safe and may prune. Kept states stay allocated until
 * the end of the walk because later paths name them as parents. */
struct bv_kept {
	struct bv_state *st;
	int32_t insn;
	uint32_t branches;
	struct bv_kept *parent;
	struct bv_kept *next;      /* same instruction */
	struct bv_kept *all_next;  /* every kept state, for freeing */
	bool cleaned;              /* dead registers forgotten */
	uint32_t hit, miss;        /* pruned others / failed to */
	bool evicted;              /* out of the list, alive while branches > 0 */
};

struct bv_explored {
	struct bv_kept **at;       /* per instruction */
	uint32_t *count;           /* per instruction */
	struct bv_kept *all;
	struct bv_liveness live;
	struct bv_loops *loops;    /* loop_states.c: NULL without scc-loops */
};

struct pending {
	struct bv_state *st;
	int32_t insn, prev_insn;
	size_t log_pos;
};

struct bv_pending {
	struct pending *v;
	uint32_t len, cap;
};

/* Log bookkeeping of the instruction being printed (kernel:
 * prev_log_pos / prev_insn_print_pos). */
struct walk {
	struct bv_env *env;
	size_t prev_log_pos;       /* end of the last instruction line, 0: none */
	size_t prev_insn_print_pos;
	bool do_print_state;       /* a popped branch starts */
	/* A conditional jump prints its state under its own index, also when
	 * the next instruction is elsewhere (kernel: print_insn_state from
	 * check_cond_jmp_op); -1: under the next instruction's. */
	int32_t state_idx;
};

/* The instruction trace is for log levels 1 and 2; level 4 alone asks
 * for the statistics (kernel: BPF_LOG_LEVEL). */
static bool log_insns(const struct bv_env *env)
{
	return bv_log_enabled(&env->log) &&
	       (env->log.level & (BV_LOG_LEVEL1 | BV_LOG_LEVEL2));
}

/* ---- pending branches ---- */

struct bv_state *bv_push_branch(struct bv_env *env, int32_t insn_idx,
				int32_t prev_insn_idx)
{
	struct bv_pending *p = env->pending;
	struct bv_state *copy;

	if (p->len == p->cap) {
		uint32_t cap = p->cap ? p->cap * 2 : 64;
		struct pending *nv = realloc(p->v, cap * sizeof(*nv));

		if (!nv) {
			bv_unsupported(&env->log, env->insn_idx, "out of memory");
			return NULL;
		}
		p->v = nv;
		p->cap = cap;
	}
	copy = bv_state_copy(env->cur);
	if (!copy) {
		bv_unsupported(&env->log, env->insn_idx, "out of memory");
		return NULL;
	}
	p->v[p->len++] = (struct pending){ copy, insn_idx, prev_insn_idx,
					   bv_log_pos(&env->log) };
	if (p->len > MAX_PENDING) {
		bv_limit_jmp_seq(env, p->len, &p->v[0].prev_insn, sizeof(p->v[0]));
		return NULL;
	}
	if (copy->parent)
		copy->parent->branches++;
	return copy;
}

void bv_branch_detach(struct bv_env *env, struct bv_state *st)
{
	struct bv_kept *k = st->parent;
	struct bv_pending *p = env->pending;

	if (k && --k->branches == 0) {
		if (k->evicted)
			env->cur_states--;
		/* out of memory here only delays the loop's marks: safe */
		(void)bv_loops_exit(env, env->explored->loops, k->st, k->insn, k);
	}
	st->parent = NULL;
	/* its path starts where it is queued to start */
	bv_hist_reset(st, p->len && p->v[p->len - 1].st == st ? p->v[p->len - 1].insn : -1);
}

struct bv_state *bv_kept_state(const struct bv_kept *k)
{
	return k->st;
}

uint32_t bv_kept_branches(const struct bv_kept *k)
{
	return k->branches;
}

static void free_pending(struct bv_env *env)
{
	struct bv_pending *p = env->pending;

	if (!p)
		return;
	while (p->len)
		bv_state_free(p->v[--p->len].st);
	free(p->v);
	free(p);
	env->pending = NULL;
}

static void free_explored(struct bv_env *env)
{
	struct bv_explored *e = env->explored;
	struct bv_kept *k, *n;

	if (!e)
		return;
	for (k = e->all; k; k = n) {
		n = k->all_next;
		bv_state_free(k->st);
		free(k);
	}
	free(e->at);
	free(e->count);
	bv_liveness_free(&e->live);
	bv_loops_free(e->loops);
	free(e);
	env->explored = NULL;
}

void bv_explore_free(struct bv_env *env)
{
	free_pending(env);
	free_explored(env);
	bv_state_free(env->cur);
	env->cur = NULL;
	bv_precision_free(env);
}

/* The current path ended (exit or pruned): its ancestors have one live
 * path fewer (kernel: update_branch_counts). */
static int path_done(struct bv_env *env)
{
	struct bv_kept *k;
	bool entries = bv_kernel_has(env->f, BV_FEAT_LOOP_ENTRY);

	/* loop_states.c: a path found in a loop makes its parent part of
	 * that loop too (kernel: update_branch_counts) */
	if (entries && env->cur->parent && env->cur->loop_entry)
		bv_loop_entry_update(env->cur->parent->st, env->cur->loop_entry);
	for (k = env->cur->parent; k; k = k->parent) {
		if (--k->branches)
			break;
		if (entries && k->parent && k->st->loop_entry)
			bv_loop_entry_update(k->parent->st, k->st->loop_entry);
		if (k->evicted)
			env->cur_states--;   /* kernel: freed only now */
		if (bv_loops_exit(env, env->explored->loops, k->st, k->insn, k))
			return -ENOMEM;
	}
	return 0;
}

/* ---- log ---- */

/* Kernel: bpf_vlog_alignment — state text starts at a column that is a
 * multiple of 8, at least 40. */
static int log_alignment(size_t pos)
{
	size_t a = pos + 4 > 40 ? pos + 4 : 40;

	a = (a + 7) / 8 * 8;
	return (int)(a - pos - 1);
}

static const char slot_chars[] = { '?', 'r', 'm', '0', 'd', 'i', 'f' };

/* precise: "P" before the scalars a kept state has marked precise (the
 * kernel prints it; bpfverify's current state carries no marks). */
static void log_frame(struct bv_env *env, const struct bv_state *st, uint32_t frameno,
		      bool print_all, bool precise)
{
	const struct bv_frame *f = st->frame[frameno];
	char buf[512];
	uint32_t i, j;

	if (f->frameno)
		bv_log_printf(&env->log, " frame%u:", f->frameno);
	for (i = 0; i < BV_MAX_REG; i++) {
		if (f->regs[i].type == BV_NOT_INIT)
			continue;
		if (!print_all && !(env->scratched_regs & (1u << i)))
			continue;
		bv_reg_format_in(env, &f->regs[i], frameno, buf, sizeof(buf));
		bv_log_printf(&env->log, " R%u=%s%s", i,
			      precise && f->regs[i].type == BV_SCALAR && f->regs[i].precise ?
			      "P" : "", buf);
	}
	for (i = 0; i < f->allocated_stack / BV_REG_SIZE; i++) {
		const struct bv_stack_slot *s = &f->stack[i];
		char types[BV_REG_SIZE + 1];
		bool valid = false;

		if (!print_all && (i >= 64 || !(env->scratched_stack & (1ull << i))))
			continue;
		for (j = 0; j < BV_REG_SIZE; j++) {
			uint8_t t = s->slot_type[j];

			valid |= t != BV_STACK_INVALID;
			types[j] = t < sizeof(slot_chars) ? slot_chars[t] : '?';
		}
		types[BV_REG_SIZE] = '\0';
		if (!valid)
			continue;
		if (s->slot_type[BV_REG_SIZE - 1] == BV_STACK_SPILL) {
			/* the bytes above a narrow spill, then the register */
			for (j = 0; j < BV_REG_SIZE; j++)
				if (s->slot_type[j] == BV_STACK_SPILL)
					break;
			types[j] = '\0';
			bv_reg_format_in(env, &s->spilled_ptr, frameno, buf, sizeof(buf));
			bv_log_printf(&env->log, " fp%d=%s%s%s",
				      -(int)(i + 1) * BV_REG_SIZE, types,
				      precise && s->spilled_ptr.type == BV_SCALAR &&
				      s->spilled_ptr.precise ? "P" : "", buf);
		} else if (s->slot_type[BV_REG_SIZE - 1] == BV_STACK_ITER) {
			/* iter.c: the iterator, on its first slot only */
			if (bv_iter_slot_format(env, s, buf, sizeof(buf)))
				bv_log_printf(&env->log, " fp%d=%s",
					      -(int)(i + 1) * BV_REG_SIZE, buf);
		} else {
			bv_log_printf(&env->log, " fp%d=%s",
				      -(int)(i + 1) * BV_REG_SIZE, types);
		}
	}
	if (st->nr_refs && st->refs[0].id) {
		bv_log_printf(&env->log, " refs=%u", st->refs[0].id);
		for (i = 1; i < st->nr_refs; i++)
			if (st->refs[i].id)
				bv_log_printf(&env->log, ",%u", st->refs[i].id);
	}
	bv_log_printf(&env->log, "\n");
	if (!print_all) {
		env->scratched_regs = 0;
		env->scratched_stack = 0;
	}
}

static void print_frame(struct walk *w, const struct bv_state *st, uint32_t frameno,
			bool print_all)
{
	log_frame(w->env, st, frameno, print_all, false);
}

void bv_log_kept_frame(struct bv_env *env, const struct bv_state *st, uint32_t frameno)
{
	log_frame(env, st, frameno, true, true);
}

static void print_state(struct walk *w, const struct bv_state *st, bool print_all)
{
	print_frame(w, st, st->curframe, print_all);
}

/* The registers an instruction touched, after its line (kernel:
 * print_insn_state). */
static void print_insn_state(struct walk *w)
{
	struct bv_env *env = w->env;

	if (w->prev_log_pos && w->prev_log_pos == bv_log_pos(&env->log)) {
		bv_log_truncate(&env->log, w->prev_log_pos - 1);
		bv_log_printf(&env->log, "%*c;",
			      log_alignment(w->prev_insn_print_pos), ' ');
	} else {
		bv_log_printf(&env->log, "%d:",
			      w->state_idx >= 0 ? w->state_idx : env->insn_idx);
	}
	print_state(w, env->cur, false);
}

static void scratch_all(struct bv_env *env)
{
	env->scratched_regs = (1u << BV_MAX_REG) - 1;
	env->scratched_stack = ~0ull;
}

static const char *helper_name(void *ctx, int32_t id)
{
	const struct bv_facade *f = ctx;
	const struct bv_helper_proto *p = NULL;

	if (!f->helper)
		return NULL;
	f->helper(f->ctx, id, &p);
	return p ? p->name : NULL;
}

void bv_log_insn_text(struct bv_env *env, const struct bv_insn *insn, char *buf, size_t size)
{
	bv_insn_format_ex(insn, helper_name, (void *)env->f, buf, size);
}

static void print_insn(struct walk *w, const struct bv_insn *insn)
{
	struct bv_env *env = w->env;
	char text[256];
	size_t start;

	bv_insn_format_ex(insn, helper_name, (void *)env->f, text, sizeof(text));
	start = bv_log_pos(&env->log);
	bv_log_printf(&env->log, "%d: %s\n", env->insn_idx, text);
	w->prev_insn_print_pos = bv_log_pos(&env->log) - start;
	w->prev_log_pos = bv_log_pos(&env->log);
}

/* Registers and stack slots an instruction changed count as touched too:
 * the core's checks report reads and writes of registers only. */
struct snapshot {
	struct bv_reg regs[BV_MAX_REG];
	struct bv_stack_slot *stack;
	uint32_t nslots;
	uint32_t curframe;
	bool jmp;
	bool helper;      /* the kernel scratches no stack slot a helper touched */
};

static void snapshot_take(struct snapshot *s, struct bv_state *st,
			  const struct bv_insn *insn)
{
	const struct bv_frame *f = st->frame[st->curframe];

	s->jmp = BV_CLASS(insn->code) == BV_JMP || BV_CLASS(insn->code) == BV_JMP32;
	s->helper = bv_insn_is_helper_call(insn);
	memcpy(s->regs, f->regs, sizeof(s->regs));
	s->curframe = st->curframe;
	s->nslots = f->allocated_stack / BV_REG_SIZE;
	s->stack = NULL;
	if (s->nslots) {
		s->stack = malloc(s->nslots * sizeof(*s->stack));
		if (s->stack)
			memcpy(s->stack, f->stack, s->nslots * sizeof(*s->stack));
	}
}

static bool slot_changed(const struct bv_stack_slot *a, const struct bv_stack_slot *b)
{
	if (memcmp(a->slot_type, b->slot_type, sizeof(a->slot_type)))
		return true;
	if (a->slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL)
		return false;    /* the register part means nothing then */
	return a->spilled_ptr.type != b->spilled_ptr.type ||
	       a->spilled_ptr.off != b->spilled_ptr.off ||
	       a->spilled_ptr.id != b->spilled_ptr.id ||
	       memcmp(&a->spilled_ptr.s, &b->spilled_ptr.s, sizeof(a->spilled_ptr.s));
}

static void snapshot_diff(struct snapshot *s, struct bv_env *env)
{
	const struct bv_frame *f;
	uint32_t i, n;

	if (!env->cur)
		goto out;
	if (env->cur->curframe != s->curframe)
		goto out;       /* calls and returns set the marks themselves */
	/* Jumps change registers as a side effect (ranges learnt by every
	 * copy): the kernel prints only their operands. */
	if (s->jmp)
		goto out;
	f = env->cur->frame[env->cur->curframe];
	for (i = 0; i < BV_MAX_REG; i++)
		if (memcmp(&s->regs[i], &f->regs[i], sizeof(s->regs[i])))
			env->scratched_regs |= 1u << i;
	n = s->helper ? 0 : f->allocated_stack / BV_REG_SIZE;
	for (i = 0; i < n && i < 64; i++)
		if (i >= s->nslots || !s->stack || slot_changed(&s->stack[i], &f->stack[i]))
			env->scratched_stack |= 1ull << i;
out:
	free(s->stack);
	s->stack = NULL;
}

/* ---- kept states forget what no later instruction uses (live.c) ---- */

#define REGS_R0_R5 0x3fu
#define REG(n) (1u << (n))

/* Forget what a kept state holds in registers no later instruction reads:
 * at idx for the current frame, after the return for the callers. */
static void clean_state(struct bv_env *env, struct bv_state *st, int32_t idx)
{
	const struct bv_liveness *lv = &env->explored->live;
	uint32_t fr, i;

	for (fr = 0; fr <= st->curframe; fr++) {
		struct bv_frame *f = st->frame[fr];
		uint16_t mask;
		uint64_t slots;

		if (fr == st->curframe) {
			mask = lv->regs[idx];
			slots = lv->stack[idx];
		} else {
			int32_t ret = st->frame[fr + 1]->callsite + 1;
			bool in = ret >= 0 && (uint32_t)ret < env->info.insn_cnt;

			/* R0-R5 are rewritten by the return; the callee may
			 * still read the caller's stack */
			mask = in ? (uint16_t)(lv->regs[ret] & ~REGS_R0_R5) : 0x3ff;
			slots = ~0ull;
		}
		/* scalars read again but needed by no check are not precise
		 * (precision.c): state.c ignores their values */
		for (i = 0; i < BV_REG_FP; i++)
			if (!(mask & REG(i)))
				bv_reg_mark_not_init(&f->regs[i]);
		for (i = 0; i < f->allocated_stack / BV_REG_SIZE && i < 64; i++) {
			struct bv_stack_slot *sl = &f->stack[i];

			if (!(slots & (1ull << i))) {
				/* never read again: any content will do */
				memset(sl->slot_type, BV_STACK_INVALID, BV_REG_SIZE);
				bv_reg_mark_not_init(&sl->spilled_ptr);
			}
		}
	}
}

/* A cheap necessary condition for two states being the same (kernel:
 * states_maybe_looping): the current frame's registers. */
static bool maybe_looping(const struct bv_state *old, const struct bv_state *cur)
{
	const struct bv_frame *fo, *fc;
	uint32_t i;

	if (old->curframe != cur->curframe)
		return false;
	fo = old->frame[old->curframe];
	fc = cur->frame[cur->curframe];
	for (i = 0; i < BV_MAX_REG; i++) {
		const struct bv_reg *a = &fo->regs[i], *b = &fc->regs[i];

		/* the kernel compares these raw, ids included */
		if (a->type != b->type || a->id != b->id || a->ref_obj_id != b->ref_obj_id)
			return false;
		if (a->type != BV_NOT_INIT &&
		    (a->off != b->off || memcmp(&a->s, &b->s, sizeof(a->s)) != 0))
			return false;
	}
	return true;
}

/* ---- pruning ---- */

/* A callback-calling helper's call, on a kernel that iterates callbacks. */
static bool iterated_call(const struct bv_env *env, int32_t idx)
{
	return (env->info.insn_flags[idx] & BV_INSN_CALLS_CALLBACK) &&
	       bv_kernel_has(env->f, BV_FEAT_CALLBACK_ITERATE);
}

/* How this kernel compares stack slots (state.c flags). */
static int cmp_flags(const struct bv_env *env)
{
	return (env->f->perfmon_capable ? BV_CMP_UNINIT_STACK : 0) |
	       (bv_kernel_has(env->f, BV_FEAT_SPILL_MISC_EQUIV) ? BV_CMP_SPILL_MISC : 0) |
	       (bv_kernel_has(env->f, BV_FEAT_LOOP_CMP_VALUELESS_ANY) ? BV_CMP_RANGE_LOOSE : 0) |
	       (bv_kernel_has(env->f, BV_FEAT_PRUNE_IDS_STRICT) ? 0 : BV_CMP_LOOSE_IDS) |
	       (bv_kernel_has(env->f, BV_FEAT_DYNPTR_IDS) ? 0 : BV_CMP_DYNPTR_UNREAD);
}

/* Ranges of every scalar; with scc-loops, of live registers only
 * (loop_states.c), as the states compared here keep dead ones. */
static bool range_contains(const struct bv_env *env, struct bv_state *old,
			   struct bv_state *cur, int32_t idx)
{
	if (env->explored->loops)
		return bv_loops_state_contains(old, cur, idx, env->explored->live.regs,
					       BV_CMP_RANGE | cmp_flags(env));
	return bv_state_contains(old, cur, BV_CMP_RANGE | cmp_flags(env));
}

static bool loop_converged(const struct bv_env *env, struct bv_state *old,
			   struct bv_state *cur, int32_t idx)
{
	if (iterated_call(env, idx))
		return range_contains(env, old, cur, idx);
	if (bv_insn_is_may_goto(&env->info.insns[idx]))
		return old->may_goto_depth != cur->may_goto_depth &&
		       range_contains(env, old, cur, idx);
	/* iter.c: an iterator's next with the iterator still active */
	if (env->info.insn_flags[idx] & BV_INSN_ITER_NEXT)
		return range_contains(env, old, cur, idx) && bv_iter_next_active(cur);
	return false;
}

struct bv_state *bv_loop_entry_state(struct bv_env *env, int32_t insn, bool skip_newest)
{
	struct bv_kept *k = env->cur ? env->cur->parent : NULL;

	if (skip_newest && k && k->insn == insn)
		k = k->parent;
	for (; k; k = k->parent)
		if (k->insn == insn && k->branches && k->st->curframe == env->cur->curframe)
			return k->st;
	return NULL;
}

/* cur is pruned by kept state k: the precision k's safety rested on is
 * needed on cur's path too. */
static int prune_hit(struct bv_env *env, struct bv_kept *k, bool loop)
{
	int err = bv_hist_arrive(env);

	if (!err)
		err = bv_propagate_precision(env, k->st);
	/* loop_states.c: a back-edge of the loop's walk */
	if (!err && loop)
		err = bv_loops_backedge(env, env->explored->loops, k->st, k->insn);
	if (err)
		return bv_unsupported(&env->log, env->insn_idx, "out of memory");
	return 1;
}

/* The kernel's lists of kept states are hashed by the instruction and the
 * current frame's callsite (explored_state: (insn ^ callsite) % prog len,
 * the main frame's callsite being -1). States kept at one instruction in
 * different call contexts are thus in different lists, unless the hash
 * collides. */
static bool same_bucket(const struct bv_env *env, const struct bv_state *a,
			const struct bv_state *b, int32_t idx)
{
	uint32_t n = env->info.insn_cnt;
	int32_t ca = a->frame[a->curframe]->callsite;
	int32_t cb = b->frame[b->curframe]->callsite;

	if (ca == cb || !n)
		return true;
	return ((uint32_t)(idx ^ ca)) % n == ((uint32_t)(idx ^ cb)) % n;
}

/* 1: an equivalent safe state was seen here, prune; 0: go on; <0: error
 * (kernel: is_state_visited). */
static int is_state_visited(struct walk *w, int32_t idx)
{
	struct bv_env *env = w->env;
	struct bv_explored *e = env->explored;
	struct bv_state *cur = env->cur;
	struct bv_kept *k;
	uint32_t n = 0;
	bool force = (env->info.insn_flags[idx] & BV_INSN_FORCE_CHECKPOINT) != 0;
	bool add;

	/* a long history forces a checkpoint too (kernel: bounds the
	 * backtracking of each part of the path) */
	force = force || bv_hist_long(env, cur);
	add = force || (env->jmps_processed - env->prev_jmps_processed >= 2 &&
			env->insn_processed - env->prev_insn_processed >= 8);

	for (struct bv_kept **pk = &e->at[idx]; (k = *pk);) {
		uint32_t limit;

		/* the kernel lists kept states by (insn ^ callsite) modulo the
		 * program length: a state kept in another call context is in
		 * another list, never compared, never counted as a miss */
		if (!same_bucket(env, k->st, cur, idx)) {
			pk = &k->next;
			continue;
		}
		n++;
		if (k->branches) {
			/* callback.c: the call of a callback-calling helper and
			 * may_goto are loop heads whose iterations converge: a
			 * state already seen there (within its ranges) prunes */
			if (loop_converged(env, k->st, cur, idx)) {
				k->hit++;
				if (bv_kernel_has(env->f, BV_FEAT_LOOP_ENTRY) &&
				    (bv_insn_is_may_goto(&env->info.insns[idx]) ||
				     (env->info.insn_flags[idx] & BV_INSN_ITER_NEXT)))
					bv_loop_entry_update(cur, k);
				return prune_hit(env, k, true);
			}
			if (iterated_call(env, idx) ||
			    (env->info.insn_flags[idx] & BV_INSN_ITER_NEXT))
				goto skip_loop_check;
			/* still being walked: an ancestor of this path or of a
			 * pending one; the same state again is a loop that makes
			 * no progress */
			if (k->st->may_goto_depth == cur->may_goto_depth &&
			    k->st->callback_unroll_depth == cur->callback_unroll_depth &&
			    maybe_looping(k->st, cur) &&
			    bv_state_contains(k->st, cur, BV_CMP_EXACT | cmp_flags(env)) &&
			    !bv_iter_active_depths_differ(k->st, cur)) {
				bv_limit_infinite_loop(env, idx);
				bv_log_printf(&env->log, "cur state:");
				print_state(w, cur, true);
				bv_log_printf(&env->log, "old state:");
				print_state(w, k->st, true);
				return -EINVAL;
			}
skip_loop_check:
			/* a loop: keep fewer of its distinct iterations */
			if (!force && env->jmps_processed - env->prev_jmps_processed < 20 &&
			    env->insn_processed - env->prev_insn_processed < 100)
				add = false;
		} else {
			/* loop_states.c: marks may be incomplete inside a loop
			 * still walked: every register kept, ranges compared */
			struct bv_kept *entry = NULL;
			bool loop;

			if (e->loops) {
				loop = bv_loops_incomplete(e->loops, k->st, k->insn);
			} else if (bv_kernel_has(env->f, BV_FEAT_LOOP_ENTRY)) {
				entry = bv_loop_entry_of(k->st);
				loop = entry && entry->branches;
			} else {
				loop = false;
			}
			if (!k->cleaned && !loop) {
				clean_state(env, k->st, idx);
				k->cleaned = true;
			}
			if (e->loops && loop ?
			    bv_loops_state_contains(k->st, cur, idx, e->live.regs,
						    BV_CMP_RANGE | cmp_flags(env)) :
			    bv_state_contains(k->st, cur,
					      (loop ? BV_CMP_RANGE : BV_CMP_PRUNE) | cmp_flags(env))) {
				k->hit++;
				if (loop && entry)
					bv_loop_entry_update(cur, entry);
				return prune_hit(env, k, loop && e->loops);
			}
		}
		/* A state that keeps failing to prune is dropped from the list
		 * (it stays allocated: paths may name it as their parent), as
		 * the kernel does; this bounds the states compared per visit. */
		if (add)
			k->miss++;
		limit = force && k->branches ? 64 : 3;
		if (k->miss > k->hit * limit + limit) {
			*pk = k->next;
			e->count[idx]--;
			k->evicted = true;
			if (!k->branches)
				env->cur_states--;
			continue;
		}
		pk = &k->next;
	}
	if (n > env->max_states_per_insn)
		env->max_states_per_insn = n;
	if (!add || !bv_limit_may_keep_state(env, n))
		return 0;

	k = calloc(1, sizeof(*k));
	if (!k)
		return bv_unsupported(&env->log, idx, "out of memory");
	/* the kept state learns its precise scalars from the paths below it */
	bv_mark_all_imprecise(cur);
	k->st = bv_state_copy(cur);
	if (!k->st) {
		free(k);
		return bv_unsupported(&env->log, idx, "out of memory");
	}
	k->insn = idx;
	k->branches = 1;
	k->parent = cur->parent;
	k->st->parent = k->parent;
	if (bv_loops_enter(e->loops, k->st, idx, k)) {
		bv_state_free(k->st);
		free(k);
		return bv_unsupported(&env->log, idx, "out of memory");
	}
	cur->parent = k;
	cur->dfs_depth = k->st->dfs_depth + 1;
	bv_hist_reset(cur, idx);
	env->hist_kept_step = env->insn_processed + 1;
	k->next = e->at[idx];
	e->at[idx] = k;
	k->all_next = e->all;
	e->all = k;
	e->count[idx]++;
	env->prev_jmps_processed = env->jmps_processed;
	env->prev_insn_processed = env->insn_processed;
	env->total_states++;
	env->cur_states++;
	if (env->cur_states > env->peak_states)
		env->peak_states = env->cur_states;
	return 0;
}

/* ---- calls between subprograms ---- */

/* BPF-to-BPF call: a new frame with R1-R5 passed in; the caller's R0-R5
 * are clobbered (kernel: check_func_call). */
static int enter_subprog(struct bv_env *env, const struct bv_insn *insn,
			 int32_t *idx)
{
	struct bv_state *st = env->cur;
	int64_t target = (int64_t)*idx + insn->imm + 1;
	int sp = target >= 0 && target < env->info.insn_cnt ?
		 bv_subprog_at(&env->info, (uint32_t)target) : -1;
	uint32_t max_frames = env->f->max_call_depth ? env->f->max_call_depth
						      : BV_MAX_CALL_FRAMES;
	struct bv_frame *caller = bv_cur_frame(st), *callee;
	uint32_t i;

	if (max_frames > BV_MAX_CALL_FRAMES)
		max_frames = BV_MAX_CALL_FRAMES;
	if (sp < 0)
		return bv_reject(&env->log, *idx, -EFAULT,
				 "verifier bug. No program starts at insn %lld",
				 (long long)target);
	if (env->info.subprogs[sp].global) {
		/* checked against its prototype, not walked (global_func.c) */
		int err = bv_global_func_call(env, (uint32_t)sp);

		return err ? err : 1;
	}
	if (st->curframe + 1 >= max_frames)
		return bv_reject(&env->log, *idx, -E2BIG,
				 "the call stack of %u frames is too deep",
				 st->curframe + 2);
	callee = bv_frame_new(*idx, st->curframe + 1, (uint32_t)sp);
	if (!callee)
		return bv_unsupported(&env->log, *idx, "out of memory");
	for (i = 1; i <= 5; i++)
		callee->regs[i] = caller->regs[i];
	for (i = 0; i <= 5; i++)
		bv_reg_mark_not_init(&caller->regs[i]);
	st->frame[++st->curframe] = callee;
	*idx = (int32_t)target;
	return 0;
}

/* EXIT of a subprogram: R0 goes back to the caller (kernel:
 * prepare_func_exit). */
static int leave_subprog(struct walk *w, int32_t *idx)
{
	struct bv_env *env = w->env;
	struct bv_state *st = env->cur;
	struct bv_frame *callee = bv_cur_frame(st), *caller;

	int err;

	if (BV_BASE_TYPE(callee->regs[0].type) == BV_PTR_TO_STACK)
		return bv_reject(&env->log, *idx, -EINVAL,
				 "cannot return stack pointer to the caller");
	/* callback.c: a callback's exit goes back to its helper's call */
	err = bv_callback_exit(env, idx);
	if (err)
		return err < 0 ? err : 0;
	caller = st->frame[st->curframe - 1];
	caller->regs[0] = callee->regs[0];
	*idx = callee->callsite + 1;
	if (log_insns(env)) {
		bv_log_printf(&env->log, "returning from callee:\n");
		print_frame(w, st, st->curframe, true);
		bv_log_printf(&env->log, "to caller at %d:\n", *idx);
		print_frame(w, st, st->curframe - 1, true);
	}
	env->scratched_regs = 0;
	env->scratched_stack = 0;
	bv_frame_free(callee);
	st->frame[st->curframe--] = NULL;
	return 0;
}

enum step { STEP_NEXT, STEP_JUMPED, STEP_PATH_END };

/* LD_ABS/LD_IND in a subprogram: a short packet ends the subprogram
 * with R0 = 0 (the JIT's hidden exit). The load's next instruction is
 * walked later; this path returns to the caller now (kernel:
 * check_ld_abs). */
static int ld_abs_exit(struct walk *w, enum step *step)
{
	struct bv_env *env = w->env;
	uint32_t regs = env->scratched_regs;
	uint64_t stack = env->scratched_stack;
	int err;

	if (!bv_push_branch(env, env->insn_idx + 1, env->insn_idx))
		return -ENOMEM;
	bv_reg_mark_known(&bv_cur_regs(env)[0], 0, env->insn_idx);
	err = leave_subprog(w, &env->insn_idx);
	if (err)
		return err;
	/* the caller's line shows what the load touched */
	env->scratched_regs = regs;
	env->scratched_stack = stack;
	*step = STEP_JUMPED;
	return 0;
}

/* ---- one instruction ---- */

static int do_insn(struct walk *w, const struct bv_insn *insn, enum step *step)
{
	struct bv_env *env = w->env;
	int32_t idx = env->insn_idx;
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	int err;

	*step = STEP_NEXT;
	switch (cls) {
	case BV_ALU:
	case BV_ALU64:
		return bv_check_alu(env, insn);
	case BV_LDX:
	case BV_STX:
	case BV_ST:
		return bv_check_load_store(env, insn);
	case BV_LD:
		if (BV_MODE(insn->code) == BV_ABS || BV_MODE(insn->code) == BV_IND) {
			err = bv_check_ld_abs(env, insn);
			if (err || !env->cur->curframe ||
			    !bv_kernel_has(env->f, BV_FEAT_LD_ABS_SUBPROG_EXIT))
				return err;
			return ld_abs_exit(w, step);
		}
		if (BV_MODE(insn->code) == BV_IMM) {
			err = bv_check_ld_imm64(env, insn);
			if (err)
				return err;
			env->insn_idx = idx + 2;
			*step = STEP_JUMPED;
			return 0;
		}
		return bv_reject(&env->log, idx, -EINVAL, "invalid BPF_LD mode");
	case BV_JMP:
	case BV_JMP32:
		break;
	default:
		return bv_reject(&env->log, idx, -EINVAL, "unknown insn class %d", cls);
	}

	env->jmps_processed++;
	if (op == BV_CALL) {
		err = bv_check_call_in_lock(env, insn);
		if (err)
			return err;
		env->scratched_regs |= 1u;
		if (insn->src_reg == BV_PSEUDO_CALL) {
			err = enter_subprog(env, insn, &env->insn_idx);
			if (err == 1)
				return 0;   /* a global function: on with the next insn */
			if (err)
				return err;
			*step = STEP_JUMPED;
			if (log_insns(env)) {
				bv_log_printf(&env->log, "caller:\n");
				print_frame(w, env->cur, env->cur->curframe - 1, true);
				bv_log_printf(&env->log, "callee:\n");
				print_frame(w, env->cur, env->cur->curframe, true);
			}
			scratch_all(env);
			return 0;
		}
		if (insn->src_reg == BV_PSEUDO_KFUNC_CALL)
			return bv_check_kfunc_call(env, insn);
		err = bv_check_helper_call(env, insn, &env->insn_idx);
		if (!err && env->tail_call_exit) {
			/* tail_call.c: a successful tail call left the subprogram */
			env->tail_call_exit = false;
			err = leave_subprog(w, &env->insn_idx);
			if (!err) {
				*step = STEP_JUMPED;
				w->do_print_state = true;
			}
		}
		return err;
	}
	if (op == BV_JA) {
		env->insn_idx = idx + 1 + (cls == BV_JMP ? insn->off : insn->imm);
		*step = STEP_JUMPED;
		return 0;
	}
	if (op == BV_EXIT) {
		err = bv_check_exit_in_lock(env);
		if (err)
			return err;
		if (env->cur->curframe) {
			err = leave_subprog(w, &env->insn_idx);
			if (!err) {
				*step = STEP_JUMPED;
				w->do_print_state = true;
			}
			return err;
		}
		err = bv_check_exit(env);
		if (!err)
			*step = STEP_PATH_END;
		return err;
	}
	return bv_check_cond_jmp(env, insn, &env->insn_idx);
}

static void track_stack_depth(struct bv_env *env)
{
	const struct bv_frame *f = bv_cur_frame(env->cur);

	if (f->subprogno <= BV_MAX_SUBPROGS &&
	    f->allocated_stack > env->stack_depth[f->subprogno])
		env->stack_depth[f->subprogno] = f->allocated_stack;
}

/* Continue with the next pending branch; false when none is left. */
static bool pop_branch(struct walk *w)
{
	struct bv_env *env = w->env;
	struct bv_pending *p = env->pending;
	struct pending e;

	if (!p->len)
		return false;
	e = p->v[--p->len];
	bv_state_free(env->cur);
	env->cur = e.st;
	env->prev_insn_idx = e.prev_insn;
	env->insn_idx = e.insn;
	env->last_jump_from = -1;   /* cause.c: the popped path's jumps are not known */
	/* level 1 shows the failing path only: cut the finished one */
	if (!(env->log.level & BV_LOG_LEVEL2))
		bv_log_truncate(&env->log, e.log_pos);
	w->do_print_state = true;
	w->prev_log_pos = 0;
	w->state_idx = -1;
	scratch_all(env);
	return true;
}

static int walk(struct walk *w)
{
	struct bv_env *env = w->env;
	const struct bv_insn *insns = env->info.insns;
	uint32_t cnt = env->info.insn_cnt;
	bool logging = log_insns(env);
	int err;

	for (;;) {
		int32_t idx = env->insn_idx;
		const struct bv_insn *insn;
		struct snapshot snap;
		enum step step = STEP_NEXT;

		if (idx < 0 || (uint32_t)idx >= cnt)
			return bv_reject(&env->log, idx, -EFAULT,
					 "invalid insn idx %d insn_cnt %u", idx, cnt);
		insn = &insns[idx];
		err = bv_limit_count_insn(env, idx);
		if (err)
			return err;
		env->cur->last_insn = env->prev_insn_idx;
		if (env->info.insn_flags[idx] & BV_INSN_PRUNE_POINT) {
			err = is_state_visited(w, idx);
			if (err < 0)
				return err;
			if (err == 1) {
				if (logging) {
					if (w->do_print_state)
						bv_log_printf(&env->log, "\nfrom %d to %d%s: safe\n",
							      env->prev_insn_idx, idx,
							      env->cur->speculative ?
							      " (speculative execution)" : "");
					else
						bv_log_printf(&env->log, "%d: safe\n", idx);
				}
				goto path_end;
			}
		}
		if (bv_hist_arrive(env))
			return bv_unsupported(&env->log, idx, "out of memory");
		bv_cause_arrive(env);
		if (logging) {
			if ((env->log.level & BV_LOG_LEVEL2) && w->do_print_state) {
				bv_log_printf(&env->log, "\nfrom %d to %d%s:",
					      env->prev_insn_idx, idx,
					      env->cur->speculative ?
					      " (speculative execution)" : "");
				print_state(w, env->cur, true);
			}
			w->do_print_state = false;
			if (env->scratched_regs || env->scratched_stack)
				print_insn_state(w);
			print_insn(w, insn);
			snapshot_take(&snap, env->cur, insn);
		}
		env->prev_insn_idx = idx;
		err = bv_check_insn_encoding_phase(&env->log, env->f, insns, cnt, (uint32_t)idx,
						   BV_ENC_BEFORE_READS);
		if (!err) {
			env->aux[idx].seen = true;
			err = do_insn(w, insn, &step);
		}
		if (logging) {
			snapshot_diff(&snap, env);
			w->state_idx = bv_insn_is_cond_jmp(insn) ? idx : -1;
		}
		if (err)
			return err;
		track_stack_depth(env);
		if (step == STEP_PATH_END)
			goto path_end;
		if (step == STEP_NEXT)
			env->insn_idx++;
		continue;
path_end:
		if (path_done(env))
			return bv_unsupported(&env->log, env->insn_idx, "out of memory");
		if (!pop_branch(w))
			return 0;
	}
}

/* The entry state of the main program: R1 = ctx, R10 = fp (kernel:
 * do_check_common for the main subprogram). */
int bv_explore_main(struct bv_env *env)
{
	return bv_explore_entry(env, 0, NULL);
}

int bv_explore_entry(struct bv_env *env, uint32_t sp, const struct bv_reg *args)
{
	struct walk w = { .env = env, .state_idx = -1 };
	struct bv_explored *e;
	uint32_t i;
	int err;

	bv_explore_free(env);   /* each walk starts afresh (kernel: do_check_common) */
	env->pending = calloc(1, sizeof(*env->pending));
	e = calloc(1, sizeof(*e));
	env->explored = e;
	env->cur = bv_state_new(sp);
	if (!env->pending || !e || !env->cur)
		return bv_unsupported(&env->log, -1, "out of memory");
	e->at = calloc(env->info.insn_cnt, sizeof(*e->at));
	e->count = calloc(env->info.insn_cnt, sizeof(*e->count));
	if (!e->at || !e->count)
		return bv_unsupported(&env->log, -1, "out of memory");
	if (bv_liveness_compute(env, &e->live) || bv_loops_new(env, &e->loops))
		return bv_unsupported(&env->log, -1, "out of memory");
	if (args)
		for (i = 1; i <= 5; i++)
			bv_cur_regs(env)[i] = args[i];
	else
		bv_reg_mark_ptr(&bv_cur_regs(env)[1], BV_PTR_TO_CTX, -1);
	env->insn_idx = (int32_t)env->info.subprogs[sp].start;
	env->prev_insn_idx = -1;
	env->last_jump_from = -1;
	bv_hist_reset(env->cur, env->insn_idx);
	env->cur->last_insn = -1;
	scratch_all(env);
	err = walk(&w);
	/* at level 1 an accepted program's log is the statistics only */
	if (!err && !(env->log.level & BV_LOG_LEVEL2))
		bv_log_truncate(&env->log, 0);
	return err;
}

/* ---- "why" notes ---- */

void bv_explain_reg(struct bv_env *env, uint32_t regno)
{
	struct bv_state *st = env->cur;
	const struct bv_reg *r;
	const struct bv_insn *src;
	char tb[64];

	if (!st || regno >= BV_MAX_REG)
		return;
	r = &bv_cur_regs(env)[regno];
	if (bv_note_released_reg(env, regno, r) || bv_note_invalidated_pkt(env, regno, r)) {
		/* noted */
	} else if (r->type == BV_NOT_INIT) {
		bv_note_unreadable_reg(env, regno);
	} else if (bv_note_ptr_bounds(env, regno, r)) {
		/* noted */
	} else if (r->origin >= 0 && (uint32_t)r->origin < env->info.insn_cnt) {
		src = &env->info.insns[r->origin];
		bool is_call = src->code == (BV_JMP | BV_CALL) && src->src_reg == 0;
		const char *name = is_call ? helper_name((void *)env->f, src->imm) : NULL;

		if ((r->type & BV_PTR_MAYBE_NULL) && name)
			bv_note(&env->log, r->origin,
				"R%u may be NULL: it holds the result of %s (insn %d), not checked against NULL on this path",
				regno, name, r->origin);
		else if (name)
			bv_note(&env->log, r->origin,
				"R%u holds the result of %s (insn %d)", regno, name,
				r->origin);
		else if (r->type == BV_SCALAR)
			bv_note(&env->log, r->origin,
				"R%u holds a plain number (scalar), not a pointer: its value was produced at insn %d",
				regno, r->origin);
		else
			bv_note(&env->log, r->origin, "R%u (%s) holds a value produced at insn %d",
				regno, bv_reg_type_str(env, r->type, tb, sizeof(tb)),
				r->origin);
	}
	/* the last few decisions: older ones rarely explain the failure */
	bv_note_path(env, 2);
}
