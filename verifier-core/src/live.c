/* live.c — static liveness, computed once before the path walk: per
 * instruction, which registers and which stack slots of the current frame
 * a later instruction may still read.
 *
 * Kept states forget everything else (explore.c: clean_state), which is
 * what lets a path be pruned against one that differs only in values
 * nobody looks at again (kernel: liveness; which values' ranges matter is
 * precision.c's). When in doubt, a value is taken as used, which only
 * prunes less.
 */
#include "state.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define REGS_R0_R5 0x3fu
#define REG(n) ((uint16_t)(1u << (n)))
#define ALL_SLOTS (~0ull)

/* ---- registers ---- */

static void insn_use_def(const struct bv_insn *insn, uint16_t call_args,
			 uint16_t *use, uint16_t *def)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	bool x = BV_SRC(insn->code) == BV_X;
	uint16_t d = REG(insn->dst_reg & 0xf), s = REG(insn->src_reg & 0xf);

	*use = *def = 0;
	switch (cls) {
	case BV_ALU:
	case BV_ALU64:
		if (op == BV_MOV)
			*use = x ? s : 0;
		else if (op == BV_NEG || op == BV_END)
			*use = d;
		else
			*use = d | (x ? s : 0);
		*def = d;
		return;
	case BV_LDX:
		*use = s;
		*def = d;
		return;
	case BV_ST:
		*use = d;
		return;
	case BV_STX:
		*use = d | s;
		if (BV_MODE(insn->code) == BV_ATOMIC) {
			if (insn->imm == BV_CMPXCHG) {
				*use |= REG(0);
				*def = REG(0);
			} else if (insn->imm == BV_LOAD_ACQ) {
				*use = s;
				*def = d;
			} else if (insn->imm & BV_FETCH) {
				*def = s;
			}
		}
		return;
	case BV_LD:
		if (BV_MODE(insn->code) == BV_IMM) {
			*def = d;
		} else {
			*use = REG(6) | (BV_MODE(insn->code) == BV_IND ? s : 0);
			*def = REGS_R0_R5;
		}
		return;
	default:   /* BV_JMP, BV_JMP32 */
		if (op == BV_JA)
			return;
		if (op == BV_CALL) {
			/* the arguments read, R0-R5 rewritten */
			*use = call_args;
			*def = REGS_R0_R5;
		} else if (op == BV_EXIT) {
			*use = REG(0);
		} else {
			*use = d | (x ? s : 0);
		}
		return;
	}
}

/* Registers a call reads: a helper's declared arguments; R1-R5 for a
 * callee (as the kernel's liveness assumes) or when unknown. */
static uint16_t call_args(const struct bv_env *env, uint32_t i)
{
	const struct bv_insn *insn = &env->info.insns[i];
	uint16_t all = REGS_R0_R5 & ~REG(0);

	if (BV_CLASS(insn->code) != BV_JMP || BV_OP(insn->code) != BV_CALL)
		return all;
	if (insn->src_reg == 0 && env->f->helper) {
		const struct bv_helper_proto *p = NULL;
		uint16_t m = 0;
		uint32_t a;

		env->f->helper(env->f->ctx, insn->imm, &p);
		if (!p)
			return all;
		for (a = 0; a < 5; a++)
			if (BV_BASE_TYPE(p->arg_type[a]) != BV_ARG_DONTCARE)
				m = (uint16_t)(REG(a + 2) - 2);   /* R1..R(a+1) */
		return m;
	}
	if (insn->src_reg == BV_PSEUDO_KFUNC_CALL) {
		/* a kfunc reads the parameters of its BTF prototype (kernel
		 * 6.18: get_call_summary; before, only what it read was
		 * marked live, which is the same set) */
		int (*kfunc)(void *, int32_t, int16_t, struct bv_kfunc_desc *) =
			bv_facade_kfunc(env->f);
		struct bv_kfunc_desc d;

		memset(&d, 0, sizeof(d));
		if (!kfunc || kfunc(env->f->ctx, insn->imm, insn->off, &d) ||
		    d.unsupported[0] || d.nargs > 5)
			return all;
		return (uint16_t)(REG(d.nargs + 1) - 2);   /* R1..R(nargs) */
	}
	return all;
}

/* Successors inside the same function; -1: none. */
static void successors(const struct bv_insn *insn, uint32_t i, int64_t *next,
		       int64_t *target)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);

	*next = (int64_t)i + (bv_insn_is_ldimm64(insn) ? 2 : 1);
	*target = -1;
	if (cls != BV_JMP && cls != BV_JMP32)
		return;
	if (op == BV_EXIT) {
		*next = -1;
	} else if (op == BV_JA) {
		*target = (int64_t)i + 1 + (cls == BV_JMP ? insn->off : insn->imm);
		*next = -1;
	} else if (op != BV_CALL) {
		*target = (int64_t)i + 1 + insn->off;
	}
}

/* ---- where registers point: the frame pointer plus a constant? ----
 *
 * A forward pass classifies each register before each instruction as a
 * pointer into the current frame's stack at a known offset (FP), surely
 * not such a pointer (OTHER), or possibly one at an unknown offset (ANY).
 * Stack accesses through FP registers touch known slots; through ANY ones
 * they may touch any slot. */

enum ptr_kind { K_NONE = 0, K_OTHER, K_FP, K_ANY };

struct regs_kind {
	uint8_t kind[BV_MAX_REG];
	int16_t off[BV_MAX_REG];
};

static void join_kind(struct regs_kind *into, const struct regs_kind *from,
		      bool *changed)
{
	uint32_t r;

	/* the common case on the fixpoint's later passes: nothing to join
	 * (equal kinds and offsets leave every register as it is) */
	if (!memcmp(into->kind, from->kind, sizeof(into->kind)) &&
	    !memcmp(into->off, from->off, sizeof(into->off)))
		return;
	for (r = 0; r < BV_MAX_REG; r++) {
		uint8_t a = into->kind[r], b = from->kind[r], k;

		if (b == K_NONE || a == K_ANY)
			continue;
		if (a == K_NONE)
			k = b;
		else if (a == b && (a != K_FP || into->off[r] == from->off[r]))
			k = a;
		else
			k = K_ANY;
		if (k != a || (k == K_FP && a == K_NONE)) {
			into->kind[r] = k;
			into->off[r] = from->off[r];
			*changed = true;
		}
	}
}

static bool maybe_stack(uint8_t k)
{
	return k == K_FP || k == K_ANY;
}

static void set_fp(struct regs_kind *k, uint32_t r, int64_t off)
{
	if (off < -BV_MAX_STACK || off > BV_MAX_STACK) {
		k->kind[r] = K_ANY;   /* out of the frame: let the walk judge */
		return;
	}
	k->kind[r] = K_FP;
	k->off[r] = (int16_t)off;
}

static void transfer_kind(const struct bv_insn *insn, struct regs_kind *k)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	uint32_t d = insn->dst_reg & 0xf, s = insn->src_reg & 0xf, r;

	if (d >= BV_MAX_REG)
		d = 0;
	if (s >= BV_MAX_REG)
		s = 0;
	switch (cls) {
	case BV_ALU64:
		if (op == BV_MOV && BV_SRC(insn->code) == BV_X && insn->off == 0) {
			k->kind[d] = k->kind[s];
			k->off[d] = k->off[s];
		} else if (op == BV_MOV) {
			k->kind[d] = K_OTHER;
		} else if ((op == BV_ADD || op == BV_SUB) && BV_SRC(insn->code) == BV_K &&
			   k->kind[d] == K_FP) {
			set_fp(k, d, op == BV_ADD ? (int64_t)k->off[d] + insn->imm
						  : (int64_t)k->off[d] - insn->imm);
		} else if (maybe_stack(k->kind[d]) ||
			   (BV_SRC(insn->code) == BV_X && maybe_stack(k->kind[s]))) {
			k->kind[d] = K_ANY;
		} else {
			k->kind[d] = K_OTHER;
		}
		return;
	case BV_ALU:
		k->kind[d] = K_OTHER;
		return;
	case BV_LDX:
		/* only our own stack can hold a pointer into it */
		k->kind[d] = maybe_stack(k->kind[s]) ? K_ANY : K_OTHER;
		return;
	case BV_STX:
		if (BV_MODE(insn->code) == BV_ATOMIC) {
			uint8_t loaded = maybe_stack(k->kind[d]) ? K_ANY : K_OTHER;

			if (insn->imm == BV_CMPXCHG)
				k->kind[0] = loaded;
			else if (insn->imm == BV_LOAD_ACQ)
				k->kind[d] = maybe_stack(k->kind[s]) ? K_ANY : K_OTHER;
			else if (insn->imm & BV_FETCH)
				k->kind[s] = loaded;
		}
		return;
	case BV_LD:
		if (BV_MODE(insn->code) == BV_IMM)
			k->kind[d] = K_OTHER;
		else
			for (r = 0; r <= 5; r++)
				k->kind[r] = K_OTHER;
		return;
	case BV_JMP:
	case BV_JMP32:
		if (op == BV_CALL)
			for (r = 0; r <= 5; r++)
				k->kind[r] = K_OTHER;   /* no stack pointer comes back */
		return;
	default:
		return;
	}
}

static int forward_kinds(const struct bv_env *env, struct regs_kind *in)
{
	const struct bv_insn *insns = env->info.insns;
	uint32_t cnt = env->info.insn_cnt, i, sp, r;
	bool changed = true;

	memset(in, 0, cnt * sizeof(*in));
	for (sp = 0; sp < env->info.nr_subprogs; sp++) {
		uint32_t start = env->info.subprogs[sp].start;

		if (start >= cnt)
			continue;
		/* R1-R5 of a callee may point into its caller's stack, never
		 * into its own */
		for (r = 0; r < BV_MAX_REG; r++)
			in[start].kind[r] = K_OTHER;
		in[start].kind[BV_REG_FP] = K_FP;
		in[start].off[BV_REG_FP] = 0;
	}
	if (!env->info.nr_subprogs && cnt) {
		for (r = 0; r < BV_MAX_REG; r++)
			in[0].kind[r] = K_OTHER;
		in[0].kind[BV_REG_FP] = K_FP;
	}
	while (changed) {
		changed = false;
		for (i = 0; i < cnt; i++) {
			struct regs_kind out;
			int64_t next, target;

			if (env->info.insn_flags[i] & BV_INSN_LDIMM64_HI)
				continue;
			if (in[i].kind[BV_REG_FP] == K_NONE)
				continue;          /* not reached (yet) */
			out = in[i];
			transfer_kind(&insns[i], &out);
			successors(&insns[i], i, &next, &target);
			if (next >= 0 && next < cnt)
				join_kind(&in[next], &out, &changed);
			if (target >= 0 && target < cnt)
				join_kind(&in[target], &out, &changed);
		}
	}
	return 0;
}

/* Slots covering [off, off+size) below the frame pointer. */
static uint64_t slots_of(int64_t off, uint32_t size)
{
	uint64_t m = 0;
	int64_t b;

	for (b = off; b < off + (int64_t)size; b++) {
		if (b >= 0 || b < -BV_MAX_STACK)
			continue;
		m |= 1ull << ((-b - 1) / BV_REG_SIZE);
	}
	return m;
}

static uint32_t access_size(uint8_t code)
{
	switch (BV_SIZE(code)) {
	case BV_B: return 1;
	case BV_H: return 2;
	case BV_W: return 4;
	default: return 8;
	}
}

/* Own-stack slots an instruction may read, and those it surely rewrites
 * entirely. */
static void stack_use_def(const struct bv_insn *insn, const struct regs_kind *k,
			  uint16_t args, uint64_t *use, uint64_t *def)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	uint32_t d = insn->dst_reg & 0xf, s = insn->src_reg & 0xf, r;
	uint32_t size = access_size(insn->code);

	*use = *def = 0;
	if (d >= BV_MAX_REG || s >= BV_MAX_REG)
		return;
	switch (cls) {
	case BV_LDX:
		if (k->kind[s] == K_FP)
			*use = slots_of((int64_t)k->off[s] + insn->off, size);
		else if (k->kind[s] == K_ANY)
			*use = ALL_SLOTS;
		return;
	case BV_ST:
	case BV_STX: {
		bool atomic = cls == BV_STX && BV_MODE(insn->code) == BV_ATOMIC;
		uint32_t addr = atomic && insn->imm == BV_LOAD_ACQ ? s : d;

		if (k->kind[addr] == K_ANY) {
			*use = atomic ? ALL_SLOTS : 0;
			return;
		}
		if (k->kind[addr] != K_FP)
			return;
		int64_t off = (int64_t)k->off[addr] + insn->off;

		if (atomic) {
			*use = slots_of(off, size);
		} else if (size == BV_REG_SIZE && off % BV_REG_SIZE == 0) {
			*def = slots_of(off, size);
		} else {
			/* a narrow write keeps the rest of the slot */
			*use = slots_of(off, size);
		}
		return;
	}
	case BV_JMP:
	case BV_JMP32:
		if (op != BV_CALL)
			return;
		/* a helper or callee given a pointer into our stack may read
		 * any of it */
		for (r = 1; r <= 5; r++)
			if ((args & REG(r)) && maybe_stack(k->kind[r]))
				*use = ALL_SLOTS;
		return;
	default:
		return;
	}
}

int bv_liveness_compute(const struct bv_env *env, struct bv_liveness *lv)
{
	const struct bv_insn *insns = env->info.insns;
	uint32_t cnt = env->info.insn_cnt, i;
	struct regs_kind *kinds = calloc(cnt, sizeof(*kinds));
	/* what each call reads, asked of the facade once, not on every
	 * pass of the fixpoint (a kfunc's prototype is a BTF walk) */
	uint16_t *args = malloc(cnt * sizeof(*args));
	bool changed = true;

	memset(lv, 0, sizeof(*lv));
	lv->regs = calloc(cnt, sizeof(*lv->regs));
	lv->stack = calloc(cnt, sizeof(*lv->stack));
	if (!kinds || !args || !lv->regs || !lv->stack) {
		free(kinds);
		free(args);
		bv_liveness_free(lv);
		return -ENOMEM;
	}
	forward_kinds(env, kinds);
	for (i = 0; i < cnt; i++)
		args[i] = call_args(env, i);

	while (changed) {
		changed = false;
		for (i = cnt; i-- > 0;) {
			const struct bv_insn *insn = &insns[i];
			uint16_t use, def, out = 0, in;
			uint64_t suse, sdef, sout = 0, sin;
			int64_t next, target;

			if (env->info.insn_flags[i] & BV_INSN_LDIMM64_HI)
				continue;
			insn_use_def(insn, args[i], &use, &def);
			stack_use_def(insn, &kinds[i], args[i], &suse, &sdef);
			successors(insn, i, &next, &target);
			if (next >= 0 && next < cnt) {
				out |= lv->regs[next];
				sout |= lv->stack[next];
			}
			if (target >= 0 && target < cnt) {
				out |= lv->regs[target];
				sout |= lv->stack[target];
			}
			in = use | (out & ~def);
			sin = suse | (sout & ~sdef);
			if (in != lv->regs[i] || sin != lv->stack[i]) {
				lv->regs[i] = in;
				lv->stack[i] = sin;
				changed = true;
			}
		}
	}
	free(kinds);
	free(args);
	return 0;
}

void bv_liveness_free(struct bv_liveness *lv)
{
	free(lv->regs);
	free(lv->stack);
	memset(lv, 0, sizeof(*lv));
}
