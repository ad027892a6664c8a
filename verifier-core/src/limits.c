/* limits.c — the kernel's complexity limits on the path walk, where it
 * checks them and which instruction its log names, plus bpfverify notes
 * saying what drove the walk into them.
 *
 * Three limits end a walk (kernel: BPF_COMPLEXITY_LIMIT_INSNS,
 * BPF_COMPLEXITY_LIMIT_JMP_SEQ, and the loop check of is_state_visited):
 *
 *   processed instructions  counted at the top of the walk's loop, before
 *                           the pruning check and before the instruction is
 *                           printed: the 1000001st is refused with the
 *                           previous instruction as the last one in the log;
 *   pending branches        counted when a branch is queued, inside the
 *                           instruction that queues it (printed already);
 *   a repeated state        found at a prune point before the instruction
 *                           there is printed: the message names the prune
 *                           point, the log ends at the instruction that led
 *                           to it.
 *
 * A fourth limit rejects nothing: an unprivileged loader's walk keeps no
 * new state at an instruction that has more than 64 (the kernel counts
 * the states of its hash bucket; bpfverify those of the instruction).
 *
 * The rejected instruction of a result is the last instruction line of the
 * kernel's log before the message (what the oracle reads), so the first
 * and the last report env->prev_insn_idx: on a path just taken from the
 * pending stack that is the instruction that queued it, whose line is the
 * last one left after the level-1 log was cut back.
 */
#include "state.h"

#include <errno.h>

#define DEFAULT_INSN_LIMIT 1000000   /* kernel: BPF_COMPLEXITY_LIMIT_INSNS */
#define UNPRIV_STATES_LIMIT 64       /* kernel: BPF_COMPLEXITY_LIMIT_STATES */

/* The jump (conditional or not) that goes back to at or before `hot`
 * from at or after it and was processed most often: the back-edge of the
 * innermost busy loop around `hot`, or -1. */
static int32_t busiest_back_edge(const struct bv_env *env, uint32_t hot)
{
	int32_t best = -1;
	uint32_t best_visits = 0, i;

	for (i = hot; i < env->info.insn_cnt; i++) {
		const struct bv_insn *insn = &env->info.insns[i];
		uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
		int64_t t;

		if (cls != BV_JMP && cls != BV_JMP32)
			continue;
		if (op == BV_CALL || op == BV_EXIT)
			continue;
		t = bv_insn_jmp_target(insn, i);
		if (t > (int64_t)hot || t < 0)
			continue;
		if (env->aux[i].visits > best_visits) {
			best_visits = env->aux[i].visits;
			best = (int32_t)i;
		}
	}
	return best;
}

static void note_too_large(struct bv_env *env, uint32_t limit)
{
	uint32_t hot = 0, i;
	int32_t edge;

	for (i = 1; i < env->info.insn_cnt; i++)
		if (env->aux[i].visits > env->aux[hot].visits)
			hot = i;
	edge = busiest_back_edge(env, hot);
	if (edge >= 0) {
		int32_t head = (int32_t)bv_insn_jmp_target(&env->info.insns[edge],
							   (uint32_t)edge);

		bv_note(&env->log, edge,
			"the loop from insn %d back to insn %d was walked %u times, each pass "
			"a new state (no earlier state at its head was equal): fewer "
			"iterations, or a loop the verifier need not unroll (bpf_loop, "
			"bpf_for), keeps the walk below %u instructions",
			edge, head, env->aux[edge].visits, limit);
		return;
	}
	bv_note(&env->log, (int32_t)hot,
		"insn %u was processed %u times: the program's branches multiply "
		"the paths to walk faster than states at prune points merge them",
		hot, env->aux[hot].visits);
}

/* bv_limit_count_insn (state.h) found the count past the limit */
int bv_limit_too_large(struct bv_env *env)
{
	uint32_t limit = env->f->insn_processed_limit ? env->f->insn_processed_limit
						       : DEFAULT_INSN_LIMIT;

	bv_reject(&env->log, env->prev_insn_idx, -E2BIG,
		  "BPF program is too large. Processed %u insn", env->insn_processed);
	note_too_large(env, limit);
	return -E2BIG;
}

int bv_limit_jmp_seq(struct bv_env *env, uint32_t pending, const int32_t *from,
		     size_t stride)
{
	int32_t top = -1;
	uint32_t top_n = 0, i, j;

	bv_reject(&env->log, env->insn_idx, -E2BIG,
		  "The sequence of %u jumps is too complex%s.", pending,
		  env->pushing_async_cb ? " for async cb" : "");
	/* The instruction that queued most of them: quadratic in the
	 * worst case, but only over distinct queuing instructions, which
	 * are few (the jumps of the loop being unrolled). */
#define FROM(k) (*(const int32_t *)((const char *)from + (size_t)(k) * stride))
	for (i = 0; i < pending; i++) {
		uint32_t n = 0;

		if (FROM(i) == top)
			continue;
		for (j = i; j < pending; j++)
			n += FROM(j) == FROM(i);
		if (n > top_n) {
			top_n = n;
			top = FROM(i);
		}
		if (top_n * 2 > pending)
			break;
	}
#undef FROM
	if (top >= 0)
		bv_note(&env->log, top,
			"%s%u of the %u branches waiting to be walked were queued by insn "
			"%d: the walk follows one edge of a branch and keeps the other for "
			"later, at most 8192 at once; a loop with a branch the verifier "
			"cannot decide queues one per iteration",
			top_n == pending ? "all " : "", top_n, pending, top);
	return -E2BIG;
}

int bv_limit_infinite_loop(struct bv_env *env, int32_t idx)
{
	bv_reject(&env->log, env->prev_insn_idx, -EINVAL,
		  "infinite loop detected at insn %d", idx);
	bv_note(&env->log, idx,
		"insn %d was reached again from insn %d with the same state as on an "
		"earlier visit of this path: nothing the verifier tracks changes from "
		"one pass to the next, so the loop cannot be shown to end",
		idx, env->prev_insn_idx);
	return -EINVAL;
}

bool bv_limit_may_keep_state(const struct bv_env *env, uint32_t states)
{
	return env->f->bpf_capable || states <= UNPRIV_STATES_LIMIT;
}
