/* why_note.c — "why" notes that name a cause rather than the failing
 * instruction: the call that invalidated a packet pointer, the register
 * that was never written, and the branch decisions of the failing path,
 * each once (issue 10: notes that explain, never repeated).
 *
 * Notes are bpfverify's own text (bv_note), never kernel output; the
 * kernel's message stays whatever bv_reject() recorded.
 */
#include <stdio.h>

#include "state.h"

static bool is_subprog_call(struct bv_env *env, int32_t idx)
{
	const struct bv_insn *insn;

	if (idx < 0 || (uint32_t)idx >= env->info.insn_cnt)
		return false;
	insn = &env->info.insns[idx];
	return insn->code == (BV_JMP | BV_CALL) && insn->src_reg == BV_PSEUDO_CALL;
}

bool bv_note_invalidated_pkt(struct bv_env *env, uint32_t regno, const struct bv_reg *r)
{
	const struct bv_helper_proto *fn;

	/* invalidate_pkt_reg (call.c) leaves a scalar or an unreadable
	 * register whose origin is the call; R0 after a call is the call's
	 * own result, not a stale pointer */
	if (regno == 0 || (r->type != BV_SCALAR && r->type != BV_NOT_INIT))
		return false;
	fn = bv_helper_at(env, r->origin);
	if (fn && fn->changes_pkt_data) {
		bv_note(&env->log, r->origin,
			"R%u pointed into the packet, but %s (insn %d) may move or resize the packet data, so every packet pointer taken before the call is invalid after it: reload ctx->data and ctx->data_end after the call and check the bounds again",
			regno, fn->name ? fn->name : "the helper", r->origin);
		return true;
	}
	if (is_subprog_call(env, r->origin)) {
		bv_note(&env->log, r->origin,
			"R%u pointed into the packet, but the function called at insn %d may change the packet data, so packet pointers taken before the call are invalid after it: reload ctx->data and ctx->data_end after the call and check the bounds again",
			regno, r->origin);
		return true;
	}
	return false;
}

void bv_note_unreadable_reg(struct bv_env *env, uint32_t regno)
{
	/* at the failing instruction: it is the read that needs a value */
	if (regno >= 1 && regno <= 5)
		bv_note(&env->log, env->insn_idx,
			"R%u holds no value on this path: it was never written, or a call before this instruction left it unreadable (every call clobbers R1-R5); write it on every path before this read",
			regno);
	else
		bv_note(&env->log, env->insn_idx,
			"R%u holds no value on this path: at program entry only R1 (the context) and R10 (the frame pointer) are set; write it on every path before this read",
			regno);
}

void bv_note_path(struct bv_env *env, uint32_t max)
{
	const struct bv_state *st = env->cur;
	int32_t seen[4];
	bool taken[4];
	uint32_t n = 0, kept, i;

	if (!st || !st->path_len)
		return;
	if (max > 4)
		max = 4;
	/* newest first, each branch once (a loop passes the same branch many
	 * times; only its last decision on this path matters) */
	kept = st->path_len < 16 ? st->path_len : 16;
	for (i = 0; i < kept && n < max; i++) {
		uint32_t k = (st->path_len - 1 - i) % 16;
		int32_t at = st->path[k].insn;
		uint32_t j;
		bool dup = false;

		for (j = 0; j < n; j++)
			dup |= seen[j] == at;
		if (dup)
			continue;
		seen[n] = at;
		taken[n] = st->path[k].taken;
		n++;
	}
	/* oldest of them first, as the path ran */
	while (n--)
		bv_note(&env->log, seen[n],
			"on this path the branch at insn %d was %s", seen[n],
			taken[n] ? "taken" : "not taken");
}

bool bv_note_ptr_bounds(struct bv_env *env, uint32_t regno, const struct bv_reg *r)
{
	uint32_t base = BV_BASE_TYPE(r->type);

	if (base == BV_PTR_TO_PACKET || base == BV_PTR_TO_PACKET_META) {
		if (r->range)
			bv_note(&env->log, r->origin >= 0 ? r->origin : env->insn_idx,
				"R%u points into the packet (offset %d from %s); on this path a comparison with ctx->data_end proved only %u bytes after it readable",
				regno, r->off, base == BV_PTR_TO_PACKET ? "ctx->data" : "ctx->data_meta",
				r->range);
		else
			bv_note(&env->log, r->origin >= 0 ? r->origin : env->insn_idx,
				"R%u points into the packet (offset %d from %s), but on this path no comparison with ctx->data_end proved any byte after it readable",
				regno, r->off, base == BV_PTR_TO_PACKET ? "ctx->data" : "ctx->data_meta");
		return true;
	}
	if (r->type == BV_SCALAR || r->type == BV_NOT_INIT || bv_scalar_is_const(&r->s))
		return false;
	if (r->s.smin < 0)
		bv_note(&env->log, env->insn_idx,
			"the variable part of R%u's offset could be negative here (range [%lld, %lld]): no check bounded the index from below; use an unsigned index or check it",
			regno, (long long)r->s.smin, (long long)r->s.smax);
	else if (r->s.umax >= (1ull << 29))
		bv_note(&env->log, env->insn_idx,
			"the variable part of R%u's offset had range [%llu, %llu] here: no check bounded the index (the verifier needs a bound below 2^29 that keeps the access within the object)",
			regno, (unsigned long long)r->s.umin, (unsigned long long)r->s.umax);
	else
		bv_note(&env->log, env->insn_idx,
			"the variable part of R%u's offset had range [%llu, %llu] here, plus a fixed %d",
			regno, (unsigned long long)r->s.umin, (unsigned long long)r->s.umax, r->off);
	return false;
}
