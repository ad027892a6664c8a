/* loop_states.c — when a kept state inside a loop may prune: the loop
 * rule of kernels that group instructions into the strongly connected
 * components (SCCs) of the control flow graph (feature scc-loops).
 *
 * Precision marks reach a kept state from the paths below it. Inside a
 * loop, a path that ends because it met an earlier state of the same loop
 * (a back-edge of the state graph: may_goto, a callback-calling helper,
 * or any prune inside the loop body while the loop is still walked) has
 * copied only the marks that earlier state had then; marks it gains later
 * never reach the states of the path that looped. So, as the kernel does:
 *
 *   - before the walk, each instruction gets the number of its SCC (0 when
 *     it is in no loop: a component of one instruction without a jump to
 *     itself); the call of a callback-calling helper is a loop of its own
 *     (its callback is walked again and again from there);
 *   - a "visit" of a loop is identified by the call sites that lead to it
 *     and its SCC (the first frame, from the main one, whose instruction is
 *     in a loop); the first state kept inside it is its entry;
 *   - a prune inside the loop records a back-edge: a copy of the path that
 *     ended and the kept state it met;
 *   - while a visit has back-edges, its kept states compare every scalar's
 *     range (not only the precise ones) and keep every register (no dead
 *     ones forgotten): their marks may be incomplete;
 *   - when the entry state has no path left below it, the marks of each
 *     back-edge's kept state are copied up the back-edge's path until
 *     nothing changes, and the back-edges are dropped.
 *
 * Kernels before it (loop-entry) track loops along the walk instead: a
 * path that meets a kept state still being walked (at may_goto, or any
 * kept state whose own loop is still walked) names that state its loop
 * entry; a path that ends passes its entry to its parent when the entry
 * comes no later on the path; and a kept state whose (outermost) entry is
 * still walked keeps every register and compares every scalar's range.
 */
#include "state.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A path that ended meeting a kept state of the loop it is in. */
struct backedge {
	struct bv_state *st;        /* the path, as it was at the prune */
	int32_t insn;               /* where it was pruned */
	const struct bv_state *equal;  /* the kept state it met */
	struct backedge *next;
};

struct visit {
	uint32_t scc;
	uint32_t ncallsites;
	int32_t callsites[BV_MAX_CALL_FRAMES];
	const void *entry;          /* the kept state (bv_kept) that entered, NULL: none */
	struct backedge *backedges;
	struct visit *next;
};

struct bv_loops {
	uint32_t *scc;              /* per instruction, 0: in no loop */
	uint32_t nscc;
	struct visit *visits;
};

/* ---- the components (before the walk) ---- */

/* Successors of insn i inside its function: the next instruction and a
 * jump's target; a call continues after itself. -1: none. */
static void successors(const struct bv_prog_info *info, uint32_t i, int64_t succ[2])
{
	const struct bv_insn *insn = &info->insns[i];
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);

	succ[0] = (int64_t)i + (bv_insn_is_ldimm64(insn) ? 2 : 1);
	succ[1] = -1;
	if (cls != BV_JMP && cls != BV_JMP32)
		return;
	if (op == BV_EXIT) {
		succ[0] = -1;
	} else if (op == BV_JA) {
		succ[1] = (int64_t)i + 1 + (cls == BV_JMP ? insn->off : insn->imm);
		succ[0] = -1;
	} else if (op != BV_CALL) {
		succ[1] = (int64_t)i + 1 + insn->off;
	}
	for (int k = 0; k < 2; k++)
		if (succ[k] >= (int64_t)info->insn_cnt)
			succ[k] = -1;
}

/* Tarjan's algorithm without recursion: order[] numbers instructions in
 * the order the depth-first walk meets them, low[] the smallest number
 * reachable from each through its subtree and one edge back; a component
 * is complete when its first instruction's low equals its own number. The
 * components are numbered from 1 in the order they complete. */
static int compute_scc(const struct bv_prog_info *info, struct bv_loops *l)
{
	uint32_t n = info->insn_cnt, sp = 0, tsp = 0, next_order = 1, i;
	/* one zeroed block for all six arrays: a verification runs this once
	 * and small programs felt six allocations (the u32 arrays first, so
	 * each stays aligned) */
	uint32_t *order = calloc(n ? n : 1, 4 * sizeof(uint32_t) + 1 + sizeof(bool));
	uint32_t *low = order + n;
	uint32_t *stack = low + n;                       /* Tarjan's stack */
	uint32_t *walk = stack + n;                      /* the DFS path */
	uint8_t *edge = (uint8_t *)(walk + n);           /* next successor to try */
	bool *on_stack = (bool *)(edge + n);

	if (!order)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (order[i] || (info->insn_flags[i] & BV_INSN_LDIMM64_HI))
			continue;
		walk[tsp++] = i;
		order[i] = low[i] = next_order++;
		stack[sp++] = i;
		on_stack[i] = true;
		while (tsp) {
			uint32_t v = walk[tsp - 1];
			int64_t succ[2];

			successors(info, v, succ);
			if (edge[v] < 2) {
				int64_t w = succ[edge[v]++];

				if (w < 0)
					continue;
				if (!order[w]) {
					order[w] = low[w] = next_order++;
					stack[sp++] = (uint32_t)w;
					on_stack[w] = true;
					walk[tsp++] = (uint32_t)w;
				} else if (on_stack[w] && order[w] < low[v]) {
					low[v] = order[w];
				}
				continue;
			}
			/* all successors done */
			tsp--;
			if (tsp && low[v] < low[walk[tsp - 1]])
				low[walk[tsp - 1]] = low[v];
			if (low[v] != order[v])
				continue;
			/* v roots a component: it is a loop when it has more than
			 * one instruction, jumps to itself, or calls a callback */
			bool loop = stack[sp - 1] != v ||
				    succ[0] == (int64_t)v || succ[1] == (int64_t)v ||
				    (info->insn_flags[v] & BV_INSN_CALLS_CALLBACK);
			uint32_t id = loop ? ++l->nscc : 0;
			uint32_t w;

			do {
				w = stack[--sp];
				on_stack[w] = false;
				l->scc[w] = id;
			} while (w != v);
		}
	}
	free(order);
	return 0;
}

int bv_loops_new(struct bv_env *env, struct bv_loops **out)
{
	struct bv_loops *l;
	int err;

	*out = NULL;
	if (!bv_kernel_has(env->f, BV_FEAT_SCC_LOOPS))
		return 0;
	l = calloc(1, sizeof(*l));
	if (!l)
		return -ENOMEM;
	l->scc = calloc(env->info.insn_cnt ? env->info.insn_cnt : 1, sizeof(*l->scc));
	if (!l->scc) {
		free(l);
		return -ENOMEM;
	}
	err = compute_scc(&env->info, l);
	if (err) {
		bv_loops_free(l);
		return err;
	}
	*out = l;
	return 0;
}

uint32_t bv_loops_scc(const struct bv_loops *l, int32_t insn)
{
	return l && insn >= 0 ? l->scc[insn] : 0;
}

static void free_backedges(struct visit *v)
{
	struct backedge *b, *next;

	for (b = v->backedges; b; b = next) {
		next = b->next;
		bv_state_free(b->st);
		free(b);
	}
	v->backedges = NULL;
}

void bv_loops_free(struct bv_loops *l)
{
	struct visit *v, *next;

	if (!l)
		return;
	for (v = l->visits; v; v = next) {
		next = v->next;
		free_backedges(v);
		free(v);
	}
	free(l->scc);
	free(l);
}

/* ---- visits (during the walk) ---- */

/* The loop visit st (at insn) is in: the call sites of its frames up to
 * the first one whose instruction is in a loop, and that loop. false: in
 * no loop. */
static bool callchain(const struct bv_loops *l, const struct bv_state *st, int32_t insn,
		      struct visit *key)
{
	uint32_t fr;

	memset(key, 0, sizeof(*key));
	for (fr = 0; fr <= st->curframe; fr++) {
		int32_t at = fr == st->curframe ? insn : st->frame[fr + 1]->callsite;

		if (at >= 0 && l->scc[at]) {
			key->scc = l->scc[at];
			return true;
		}
		if (fr == st->curframe)
			return false;
		key->callsites[key->ncallsites++] = at;
	}
	return false;
}

static struct visit *lookup(const struct bv_loops *l, const struct visit *key)
{
	struct visit *v;

	for (v = l->visits; v; v = v->next)
		if (v->scc == key->scc && v->ncallsites == key->ncallsites &&
		    !memcmp(v->callsites, key->callsites,
			    key->ncallsites * sizeof(key->callsites[0])))
			return v;
	return NULL;
}

int bv_loops_enter(struct bv_loops *l, const struct bv_state *st, int32_t insn,
		   const void *kept)
{
	struct visit key, *v;

	if (!l || !callchain(l, st, insn, &key))
		return 0;
	v = lookup(l, &key);
	if (!v) {
		v = malloc(sizeof(*v));
		if (!v)
			return -ENOMEM;
		*v = key;
		v->next = l->visits;
		l->visits = v;
	}
	if (!v->entry)
		v->entry = kept;
	return 0;
}

bool bv_loops_incomplete(const struct bv_loops *l, const struct bv_state *st, int32_t insn)
{
	struct visit key, *v;

	if (!l || !callchain(l, st, insn, &key))
		return false;
	v = lookup(l, &key);
	return v && v->backedges;
}

int bv_loops_backedge(struct bv_env *env, struct bv_loops *l, const struct bv_state *equal,
		      int32_t insn)
{
	struct visit key, *v;
	struct backedge *b;

	if (!l || !callchain(l, equal, insn, &key) || !(v = lookup(l, &key)))
		return 0;   /* kernel: a verifier bug; nothing to propagate */
	b = malloc(sizeof(*b));
	if (!b)
		return -ENOMEM;
	b->st = bv_state_copy(env->cur);
	if (!b->st) {
		free(b);
		return -ENOMEM;
	}
	b->insn = insn;
	b->equal = equal;
	b->next = v->backedges;
	v->backedges = b;
	return 0;
}

/* Registers of frame fr that a later instruction reads: at insn for the
 * current frame, at the call for its callers (kernel: live_regs_before of
 * each frame's instruction). */
static uint16_t frame_live(const struct bv_state *st, uint32_t fr, int32_t insn,
			   const uint16_t *live_regs)
{
	int32_t at = fr == st->curframe ? insn : st->frame[fr + 1]->callsite;

	return at >= 0 ? live_regs[at] : 0xffff;
}

bool bv_loops_state_contains(struct bv_state *old, struct bv_state *cur, int32_t insn,
			     const uint16_t *live_regs, int mode)
{
	/* only the dead registers that are not NOT_INIT already change: an
	 * uninitialised register compares by its type alone, so resetting one
	 * again would change nothing the comparison reads */
	struct bv_reg saved[2 * BV_MAX_CALL_FRAMES * BV_REG_FP];
	struct bv_reg *where[2 * BV_MAX_CALL_FRAMES * BV_REG_FP];
	struct bv_state *st[2] = { old, cur };
	uint32_t fr, i, k, n = 0;
	bool ok;

	if (old->curframe != cur->curframe)
		return false;
	for (k = 0; k < 2; k++)
		for (fr = 0; fr <= st[k]->curframe; fr++) {
			uint16_t live = frame_live(st[k], fr, insn, live_regs);
			struct bv_reg *regs = st[k]->frame[fr]->regs;

			for (i = 0; i < BV_REG_FP; i++)
				if (!(live >> i & 1) && regs[i].type != BV_NOT_INIT) {
					saved[n] = regs[i];
					where[n++] = &regs[i];
					bv_reg_mark_not_init(&regs[i]);
				}
		}
	ok = bv_state_contains(old, cur, mode);
	while (n--)
		*where[n] = saved[n];
	return ok;
}

/* ---- 6.12: loop entries along the walk (loop-entry) ---- */

struct bv_kept *bv_loop_entry_of(const struct bv_state *st)
{
	struct bv_kept *top = st->loop_entry;
	uint32_t steps = 0;

	/* the chain ends at a state that heads its loop; a cycle cannot
	 * form (an entry comes no later on the path), the bound is a guard */
	while (top && bv_kept_state(top)->loop_entry &&
	       bv_kept_state(top)->loop_entry != top && steps++ < 1000000)
		top = bv_kept_state(top)->loop_entry;
	return top;
}

void bv_loop_entry_update(struct bv_state *cur, struct bv_kept *hdr)
{
	struct bv_kept *cur_top = bv_loop_entry_of(cur);
	struct bv_kept *hdr_top = bv_loop_entry_of(bv_kept_state(hdr));
	uint32_t cur_depth = cur_top ? bv_kept_state(cur_top)->dfs_depth : cur->dfs_depth;

	if (!hdr_top)
		hdr_top = hdr;
	/* the loop's head is still walked and no deeper than cur's own */
	if (bv_kept_branches(hdr_top) && bv_kept_state(hdr_top)->dfs_depth <= cur_depth)
		cur->loop_entry = hdr;
}

/* Enough rounds for any loop the kernel accepts; past them, every scalar
 * of the back-edges' paths is precise (the kernel does the same). */
#define MAX_BACKEDGE_ROUNDS 64

int bv_loops_exit(struct bv_env *env, struct bv_loops *l, const struct bv_state *st,
		  int32_t insn, const void *kept)
{
	struct visit key, *v;
	struct backedge *b;
	bool changed;
	int round = 0, err;

	if (!l || !callchain(l, st, insn, &key) || !(v = lookup(l, &key)) ||
	    v->entry != kept)
		return 0;
	v->entry = NULL;
	do {
		if (round++ > MAX_BACKEDGE_ROUNDS) {
			for (b = v->backedges; b; b = b->next)
				bv_mark_path_precise(env, b->st);
			break;
		}
		changed = false;
		for (b = v->backedges; b; b = b->next) {
			err = bv_propagate_precision_from(env, b->equal, b->st, b->insn,
							  &changed);
			if (err)
				return err;
		}
	} while (changed);
	free_backedges(v);
	return 0;
}
