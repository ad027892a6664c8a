/* fastcall.c — the bpf_fastcall contract (kernel: mark_fastcall_patterns,
 * check_fastcall_stack_contract, remove_fastcall_spills_fills).
 *
 * A compiler that knows a helper keeps the caller-saved registers it does
 * not use may still keep such a register across the call by a spill just
 * before it and a fill just after it, at the bottom of the stack. Kernels
 * with feature fastcall-spills find these pairs before the walk, and when
 * the helper is one their x86 JIT inlines (bpf_get_smp_processor_id())
 * drop them after it, so that the bytes they used do not count in the
 * stack size check. Any other access to that bottom region during the
 * walk cancels this for the subprogram, as does a pair around a helper
 * that is not inlined.
 */
#include "state.h"

#include <stdlib.h>
#include <string.h>

#define HELPER_GET_SMP_PROCESSOR_ID 8
#define OFF_NONE INT32_MIN

struct bv_fastcall {
	uint8_t *pattern;        /* per insn: part of a spill/fill pair */
	uint8_t *spills;         /* per call insn: pairs dropped after the walk */
	uint8_t *target;         /* per insn: a jump or call lands here */
	int32_t stack_off[BV_MAX_SUBPROGS + 1];  /* bottom of the pairs' region */
	bool keep_stack[BV_MAX_SUBPROGS + 1];
};

static bool is_spill(const struct bv_insn *i)
{
	return i->code == (BV_STX | BV_MEM | BV_DW) && i->dst_reg == BV_REG_FP;
}

static bool is_fill(const struct bv_insn *i)
{
	return i->code == (BV_LDX | BV_MEM | BV_DW) && i->src_reg == BV_REG_FP;
}

/* Registers 1-5 the helper neither reads nor returns in (kernel:
 * helper_fastcall_clobber_mask, inverted); 0 when unknown. */
static uint32_t kept_regs(struct bv_env *env, int32_t func_id)
{
	const struct bv_helper_proto *p = NULL;
	uint32_t kept = 0x3e, i;   /* R1-R5 */

	if (!env->f->helper || env->f->helper(env->f->ctx, func_id, &p) || !p)
		return 0;
	for (i = 0; i < 5; i++)
		if (p->arg_type[i] != BV_ARG_DONTCARE)
			kept &= ~(1u << (i + 1));
	return kept;
}

static void mark_call(struct bv_env *env, struct bv_fastcall *fc, uint32_t sp, uint32_t idx,
		      int32_t lowest_off)
{
	const struct bv_insn *insns = env->info.insns;
	uint32_t cnt = env->info.insn_cnt, expected = kept_regs(env, insns[idx].imm), k;
	int32_t off = lowest_off;

	if (!expected)
		return;
	for (k = 1; k <= 5; k++, off += BV_REG_SIZE) {
		const struct bv_insn *st, *ld;

		if (idx < k || idx + k >= cnt)
			break;
		if (fc->target[idx - k + 1] || fc->target[idx + k])
			break;
		st = &insns[idx - k];
		ld = &insns[idx + k];
		if (!is_spill(st) || !is_fill(ld) || st->src_reg != ld->dst_reg ||
		    !(expected & (1u << st->src_reg)) || st->off != off || ld->off != off)
			break;
		expected &= ~(1u << st->src_reg);
		fc->pattern[idx - k] = fc->pattern[idx + k] = 1;
	}
	if (k == 1)
		return;
	if (insns[idx].imm == HELPER_GET_SMP_PROCESSOR_ID)
		fc->spills[idx] = (uint8_t)(k - 1);
	else
		fc->keep_stack[sp] = true;
	if (off < fc->stack_off[sp])
		fc->stack_off[sp] = off;
}

int bv_fastcall_mark(struct bv_env *env)
{
	struct bv_fastcall *fc;
	uint32_t sp, i;

	if (!bv_kernel_has(env->f, BV_FEAT_FASTCALL_SPILLS))
		return 0;
	fc = calloc(1, sizeof(*fc));
	if (!fc)
		return -1;
	fc->pattern = calloc(env->info.insn_cnt, 1);
	fc->spills = calloc(env->info.insn_cnt, 1);
	env->fastcall = fc;
	fc->target = calloc(env->info.insn_cnt, 1);
	if (!fc->pattern || !fc->spills || !fc->target)
		return -1;
	/* jump targets only (kernel: jump_target, set for branch edges, not
	 * for the instruction after a call) */
	for (i = 0; i < env->info.insn_cnt; i++) {
		const struct bv_insn *in = &env->info.insns[i];
		uint8_t cls = BV_CLASS(in->code);
		int64_t t = -1;

		if (bv_insn_is_pseudo_call(in))
			t = (int64_t)i + in->imm + 1;
		else if (bv_insn_is_cond_jmp(in))
			t = (int64_t)i + in->off + 1;
		else if ((cls == BV_JMP || cls == BV_JMP32) && BV_OP(in->code) == BV_JA)
			t = (int64_t)i + (cls == BV_JMP ? in->off : in->imm) + 1;
		if (t >= 0 && t < env->info.insn_cnt)
			fc->target[t] = 1;
	}
	for (sp = 0; sp < env->info.nr_subprogs; sp++) {
		const struct bv_subprog *s = &env->info.subprogs[sp];
		int32_t lowest = 0;

		for (i = s->start; i < s->end && i < env->info.insn_cnt; i++)
			if (is_spill(&env->info.insns[i]) && env->info.insns[i].off < lowest)
				lowest = env->info.insns[i].off;
		for (i = s->start; i < s->end && i < env->info.insn_cnt; i++)
			if (bv_insn_is_helper_call(&env->info.insns[i]))
				mark_call(env, fc, sp, i, lowest);
	}
	return 0;
}

void bv_fastcall_stack_access(struct bv_env *env, uint32_t sp, int32_t insn_idx, int32_t off)
{
	struct bv_fastcall *fc = env->fastcall;
	const struct bv_subprog *s;

	if (!fc || sp > BV_MAX_SUBPROGS || sp >= env->info.nr_subprogs ||
	    fc->stack_off[sp] <= off || fc->pattern[insn_idx])
		return;
	/* the region is used otherwise: the pairs stay */
	fc->stack_off[sp] = OFF_NONE;
	s = &env->info.subprogs[sp];
	for (uint32_t i = s->start; i < s->end && i < env->info.insn_cnt; i++)
		fc->pattern[i] = fc->spills[i] = 0;
}

void bv_fastcall_drop_spills(struct bv_env *env)
{
	struct bv_fastcall *fc = env->fastcall;

	if (!fc)
		return;
	for (uint32_t sp = 0; sp < env->info.nr_subprogs && sp <= BV_MAX_SUBPROGS; sp++) {
		const struct bv_subprog *s = &env->info.subprogs[sp];
		bool dropped = false;

		for (uint32_t i = s->start; i < s->end && i < env->info.insn_cnt; i++)
			dropped |= fc->spills[i] > 0;
		if (dropped && !fc->keep_stack[sp] && fc->stack_off[sp] != OFF_NONE)
			env->stack_depth[sp] = (uint32_t)-fc->stack_off[sp];
	}
}

void bv_fastcall_free(struct bv_env *env)
{
	if (!env->fastcall)
		return;
	free(env->fastcall->pattern);
	free(env->fastcall->spills);
	free(env->fastcall->target);
	free(env->fastcall);
	env->fastcall = NULL;
}
