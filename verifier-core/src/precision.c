/* precision.c — which scalars a verdict rested on (kernel: precision
 * tracking, mark_chain_precision).
 *
 * A kept state may prune a later one whose scalars differ, unless the
 * walk below the kept state needed their exact value: a pointer offset, a
 * size, a branch whose outcome the value decided, a return code. When a
 * check needs a scalar, the register is followed back along the current
 * path: through the instructions that computed it (register moves, ALU
 * operations, spills and fills of the stack, calls and returns between
 * frames) and up the chain of kept states, and each kept state on the way
 * gets the scalars it held that fed the value marked `precise`. State
 * comparison (state.c) then compares a kept scalar's range only when it
 * is precise: any value will do for the others. When a state is pruned,
 * the kept state's precise scalars are needed on the current path too
 * (bv_propagate_precision).
 *
 * The path's history: the walk is linear except at jumps, calls, returns
 * and callbacks, so a state records the instructions where it arrived
 * from elsewhere (and the stack slot a spill or fill used, and the
 * scalars a branch bounded together); backtracking rebuilds the path from
 * it. The history restarts at each kept state, which keeps its own part.
 *
 * Anything backtracking cannot follow makes every scalar of the path's
 * kept states precise: fewer prunes, never a wrong one.
 */
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REGS_ARGS 0x3eu   /* R1-R5 */
#define ENOTFOLLOWED 1    /* backtracking cannot follow: everything precise */

/* ---- history ---- */

static struct bv_hist_entry *hist_top_of_insn(struct bv_env *env, struct bv_state *st)
{
	struct bv_hist_entry *e;

	if (!st->hist_len || env->hist_step != env->insn_processed)
		return NULL;
	e = &st->hist[st->hist_len - 1];
	return e->idx == env->insn_idx ? e : NULL;
}

static struct bv_hist_entry *hist_push(struct bv_env *env, struct bv_state *st)
{
	struct bv_hist_entry *e = hist_top_of_insn(env, st);

	if (e)
		return e;    /* one entry per instruction: flags combine */
	if (st->hist_len == st->hist_cap) {
		uint32_t cap = st->hist_cap ? st->hist_cap * 2 : 16;
		struct bv_hist_entry *nh = realloc(st->hist, cap * sizeof(*nh));

		if (!nh)
			return NULL;
		st->hist = nh;
		st->hist_cap = cap;
	}
	e = &st->hist[st->hist_len++];
	memset(e, 0, sizeof(*e));
	e->idx = env->insn_idx;
	/* an entry a check records comes from where the walk came from, not
	 * from the instruction itself (that walked it twice) */
	e->prev_idx = env->hist_at == env->insn_idx ? env->hist_from : env->prev_insn_idx;
	env->hist_step = env->insn_processed;
	return e;
}

int bv_hist_arrive_slow(struct bv_env *env)
{
	int32_t idx = env->insn_idx, prev = env->prev_insn_idx;
	bool jmp_point = (env->info.insn_flags[idx] & BV_INSN_JMP_POINT) != 0;
	bool linear = prev < 0 || prev == idx - 1 ||
		      (prev == idx - 2 && bv_insn_is_ldimm64(&env->info.insns[prev]));

	env->hist_at = idx;
	env->hist_from = prev;
	if (!jmp_point && linear)
		return 0;
	/* the older backtracking (6.1) records an arrival only when no
	 * state is kept there: a kept state's part starts with no entry, so
	 * a walk that reaches first_insn through the one entry a loop's
	 * back-edge left there stops (get_prev_insn_idx's -ENOENT) */
	if (!bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES) &&
	    env->hist_kept_step == env->insn_processed + 1 && env->cur->first_insn == idx &&
	    !env->cur->hist_len)
		return 0;
	return hist_push(env, env->cur) ? 0 : -ENOMEM;
}

int bv_hist_stack_access(struct bv_env *env, uint32_t frameno, uint32_t spi)
{
	struct bv_hist_entry *e;

	if (!bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES) || spi >= 64)
		return 0;
	e = hist_push(env, env->cur);
	if (!e)
		return -ENOMEM;
	e->flags |= BV_HIST_STACK;
	e->frameno = (uint8_t)frameno;
	e->spi = (uint8_t)spi;
	return 0;
}

int bv_hist_cond_jmp(struct bv_env *env, bool src_stack, bool dst_stack)
{
	struct bv_hist_entry *e;

	if (!bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES) || (!src_stack && !dst_stack))
		return 0;
	e = hist_push(env, env->cur);
	if (!e)
		return -ENOMEM;
	if (src_stack)
		e->flags |= BV_HIST_SRC_STACK;
	if (dst_stack)
		e->flags |= BV_HIST_DST_STACK;
	return 0;
}

static uint16_t linked_code(uint32_t frameno, bool is_reg, uint32_t n)
{
	return (uint16_t)(frameno << 8 | (is_reg ? 0x40u : 0u) | (n & 0x3f));
}

int bv_hist_linked(struct bv_env *env, uint32_t id1, uint32_t id2)
{
	struct bv_state *st = env->cur;
	uint16_t found[BV_LINKED_MAX];
	uint32_t n = 0, fr, i, k;
	struct bv_hist_entry *e;

	if (!bv_kernel_has(env->f, BV_FEAT_PRECISE_LINKED_REGS))
		return 0;
	for (k = 0; k < 2; k++) {
		uint32_t id = (k ? id2 : id1) & ~BV_ID_ADD_CONST;

		if (!id || (k && id == (id1 & ~BV_ID_ADD_CONST)))
			continue;
		for (fr = 0; fr <= st->curframe; fr++) {
			const struct bv_frame *f = st->frame[fr];

			for (i = 0; i < BV_MAX_REG && n < BV_LINKED_MAX; i++)
				if (f->regs[i].type == BV_SCALAR &&
				    (f->regs[i].id & ~BV_ID_ADD_CONST) == id)
					found[n++] = linked_code(fr, true, i);
			for (i = 0; i < f->allocated_stack / BV_REG_SIZE && i < 64; i++) {
				const struct bv_stack_slot *s = &f->stack[i];

				if (n >= BV_LINKED_MAX)
					break;
				if (s->slot_type[BV_REG_SIZE - 1] == BV_STACK_SPILL &&
				    s->spilled_ptr.type == BV_SCALAR &&
				    (s->spilled_ptr.id & ~BV_ID_ADD_CONST) == id)
					found[n++] = linked_code(fr, false, i);
			}
		}
	}
	if (n < 2)
		return 0;
	e = hist_push(env, st);
	if (!e)
		return -ENOMEM;
	memcpy(e->linked, found, n * sizeof(found[0]));
	e->nlinked = (uint8_t)n;
	return 0;
}

void bv_hist_reset(struct bv_state *st, int32_t first_insn)
{
	st->hist_len = 0;
	st->first_insn = first_insn;
	st->hist_stamp = 0;
}

bool bv_hist_long(const struct bv_env *env, const struct bv_state *st)
{
	return bv_kernel_has(env->f, BV_FEAT_HIST_CHECKPOINT) && st->hist_len > 40;
}

/* ---- backtracking ---- */

struct bt {
	uint32_t frame;                          /* frame of the instruction */
	uint32_t regs[BV_MAX_CALL_FRAMES];       /* bit n: Rn needs precision */
	uint64_t stack[BV_MAX_CALL_FRAMES];      /* bit i: slot fp-8(i+1) */
};

static bool bt_empty(const struct bt *bt)
{
	uint32_t i;

	for (i = 0; i <= bt->frame && i < BV_MAX_CALL_FRAMES; i++)
		if (bt->regs[i] || bt->stack[i])
			return false;
	return true;
}

static bool bt_reg(const struct bt *bt, uint32_t r) { return bt->regs[bt->frame] >> r & 1; }
static void bt_set(struct bt *bt, uint32_t r) { bt->regs[bt->frame] |= 1u << r; }
static void bt_clear(struct bt *bt, uint32_t r) { bt->regs[bt->frame] &= ~(1u << r); }

/* ---- level-2 log: the kernel's backtracking lines ----
 * Kernels with precise-frames print "mark_precise: frameN: ..." lines with
 * register names and stack offsets; the older backtracking (6.1) words
 * them with hex masks: "last_idx N first_idx M", "regs=%x stack=%llx
 * before N: insn", "parent didn't have|already had regs=%x stack=%llx
 * marks: <frame>" and one "frame N: propagating rK" line per register.
 * The wording goes with the backtracking it describes, so the same
 * feature bit picks it. */

static bool log_marks(const struct bv_env *env)
{
	return (env->log.level & BV_LOG_LEVEL2) && bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES);
}

static bool log_marks_old(const struct bv_env *env)
{
	return (env->log.level & BV_LOG_LEVEL2) && !bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES);
}

/* "r1,r6" (kernel: fmt_reg_mask) */
static void fmt_regs(char *buf, size_t size, uint32_t mask)
{
	size_t n = 0;
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < 32 && n < size; i++)
		if (mask >> i & 1)
			n += (size_t)snprintf(buf + n, size - n, "%sr%u", n ? "," : "", i);
}

/* "-8,-24" (kernel: fmt_stack_mask) */
static void fmt_slots(char *buf, size_t size, uint64_t mask)
{
	size_t n = 0;
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < 64 && n < size; i++)
		if (mask >> i & 1)
			n += (size_t)snprintf(buf + n, size - n, "%s%d", n ? "," : "",
					      -(int)(i + 1) * BV_REG_SIZE);
}

static void log_masks(struct bv_env *env, const char *what, uint32_t regs, uint64_t stack)
{
	char r[128], st[512];

	fmt_regs(r, sizeof(r), regs);
	fmt_slots(st, sizeof(st), stack);
	bv_log_printf(&env->log, "%sregs=%s stack=%s", what, r, st);
}

/* Registers and slots a branch bounded together all matter when one does. */
static void bt_linked(struct bt *bt, const struct bv_hist_entry *h)
{
	uint32_t i;
	bool any = false;

	if (!h || !h->nlinked)
		return;
	for (i = 0; i < h->nlinked && !any; i++) {
		uint32_t fr = h->linked[i] >> 8, n = h->linked[i] & 0x3f;

		any = (h->linked[i] & 0x40) ? (bt->regs[fr] >> n & 1) : (bt->stack[fr] >> n & 1);
	}
	if (!any)
		return;
	for (i = 0; i < h->nlinked; i++) {
		uint32_t fr = h->linked[i] >> 8, n = h->linked[i] & 0x3f;

		if (h->linked[i] & 0x40)
			bt->regs[fr] |= 1u << n;
		else
			bt->stack[fr] |= 1ull << n;
	}
}

static bool is_atomic_fetch(const struct bv_insn *insn)
{
	return BV_CLASS(insn->code) == BV_STX && BV_MODE(insn->code) == BV_ATOMIC &&
	       (insn->imm & BV_FETCH);
}

/* The slot an fp-relative access at off uses (older kernels follow only
 * those); -1 when it is none. */
static int fp_slot(const struct bv_insn *insn, uint32_t base_reg)
{
	int spi;

	if (base_reg != BV_REG_FP || insn->off >= 0)
		return -1;
	spi = (-insn->off - 1) / BV_REG_SIZE;
	return spi < 64 ? spi : -1;
}

/* What the value after instruction idx needed of the state before it.
 * subseq: the instruction that followed idx on the path. 0, or
 * ENOTFOLLOWED, or a negative errno. */
static int backtrack_insn(struct bv_env *env, int32_t idx, int32_t subseq,
			  const struct bv_hist_entry *h, struct bt *bt)
{
	const struct bv_insn *insn = &env->info.insns[idx];
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	uint32_t d = insn->dst_reg, s = insn->src_reg, i;
	bool frames = bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES);
	bool has_stack = h && (h->flags & BV_HIST_STACK);

	if (insn->code == 0)
		return 0;      /* second half of an ld_imm64 */
	if (log_marks(env)) {
		char text[256];

		bv_log_printf(&env->log, "mark_precise: frame%u: ", bt->frame);
		log_masks(env, "", bt->regs[bt->frame], bt->stack[bt->frame]);
		bv_log_insn_text(env, insn, text, sizeof(text));
		bv_log_printf(&env->log, " before %d: %s\n", idx, text);
	} else if (log_marks_old(env)) {
		char text[256];

		bv_log_insn_text(env, insn, text, sizeof(text));
		bv_log_printf(&env->log, "regs=%x stack=%llx before %d: %s\n",
			      bt->regs[bt->frame], (unsigned long long)bt->stack[bt->frame], idx, text);
	}
	if (h && h->nlinked)
		bt_linked(bt, h);
	if (cls == BV_ALU || cls == BV_ALU64) {
		if (!bt_reg(bt, d))
			return 0;
		if (op == BV_END || op == BV_NEG)
			return 0;
		if (op == BV_MOV) {
			bt_clear(bt, d);
			if (BV_SRC(insn->code) == BV_X && s != BV_REG_FP)
				bt_set(bt, s);
		} else if (BV_SRC(insn->code) == BV_X && s != BV_REG_FP) {
			bt_set(bt, s);
		}
	} else if (cls == BV_LDX || is_atomic_fetch(insn)) {
		uint32_t load = d;
		int spi;

		if (is_atomic_fetch(insn))
			load = insn->imm == BV_CMPXCHG ? 0 : s;
		if (!bt_reg(bt, load))
			return 0;
		bt_clear(bt, load);
		if (frames) {
			if (!has_stack)
				return 0;
			bt->stack[h->frameno] |= 1ull << h->spi;
		} else {
			spi = fp_slot(insn, is_atomic_fetch(insn) ? d : s);
			if (spi < 0)
				return 0;
			bt->stack[bt->frame] |= 1ull << spi;
		}
	} else if (cls == BV_STX || cls == BV_ST) {
		uint32_t fr;
		int spi;

		if (bt_reg(bt, d))
			return ENOTFOLLOWED;     /* a scalar as the address */
		if (frames) {
			if (!has_stack)
				return 0;
			fr = h->frameno;
			spi = h->spi;
		} else {
			fr = bt->frame;
			spi = fp_slot(insn, d);
			if (spi < 0)
				return 0;
		}
		if (!(bt->stack[fr] >> spi & 1))
			return 0;
		bt->stack[fr] &= ~(1ull << spi);
		if (cls == BV_STX)
			bt_set(bt, s);
	} else if (cls == BV_JMP || cls == BV_JMP32) {
		bool cb_call = (env->info.insn_flags[idx] & BV_INSN_CALLS_CALLBACK) != 0;

		if (op == BV_CALL && insn->src_reg == BV_PSEUDO_CALL) {
			int64_t target = (int64_t)idx + insn->imm + 1;
			int sp = target >= 0 && target < env->info.insn_cnt ?
				 bv_subprog_at(&env->info, (uint32_t)target) : -1;

			if (sp < 0)
				return ENOTFOLLOWED;
			if (env->info.subprogs[sp].global) {
				/* not walked: it sets R0 and clobbers R1-R5 */
				if (bt->regs[bt->frame] & REGS_ARGS)
					return ENOTFOLLOWED;
				bt_clear(bt, 0);
				return 0;
			}
			if (!frames)
				return ENOTFOLLOWED;
			/* the callee's entry: its R1-R5 are the caller's */
			if ((bt->regs[bt->frame] & ~REGS_ARGS) || bt->stack[bt->frame] ||
			    bt->frame == 0)
				return ENOTFOLLOWED;
			for (i = 1; i <= 5; i++) {
				if (bt_reg(bt, i)) {
					bt_clear(bt, i);
					bt->regs[bt->frame - 1] |= 1u << i;
				}
			}
			bt->frame--;
			return 0;
		}
		if (op == BV_CALL && cb_call && subseq != idx + 1) {
			/* the callback's entry from its helper's call: its
			 * R1-R5 are the helper's making, not the caller's */
			if (!frames)
				return ENOTFOLLOWED;
			if ((bt->regs[bt->frame] & ~REGS_ARGS) || bt->stack[bt->frame] ||
			    bt->frame == 0)
				return ENOTFOLLOWED;
			bt->regs[bt->frame] = 0;
			bt->frame--;
			return 0;
		}
		if (op == BV_CALL) {
			if (!frames && cb_call)
				return ENOTFOLLOWED;
			if (insn->src_reg == BV_PSEUDO_KFUNC_CALL && insn->imm == 0)
				return ENOTFOLLOWED;
			bt_clear(bt, 0);
			if (bt->regs[bt->frame] & REGS_ARGS)
				return ENOTFOLLOWED;   /* R1-R5 are clobbered */
			return 0;
		}
		if (op == BV_EXIT) {
			bool from_call, r0;

			if (!frames)
				return ENOTFOLLOWED;
			/* a subprogram's return lands right after its call; a
			 * callback's goes back to its helper */
			from_call = subseq >= 1 && subseq < (int32_t)env->info.insn_cnt &&
				    bv_insn_is_pseudo_call(&env->info.insns[subseq - 1]);
			r0 = from_call && bt_reg(bt, 0);
			if (from_call && (bt->regs[bt->frame] & REGS_ARGS))
				return ENOTFOLLOWED;
			bt_clear(bt, 0);
			if (bt->frame + 1 >= BV_MAX_CALL_FRAMES)
				return ENOTFOLLOWED;
			bt->frame++;
			bt->regs[bt->frame] = 0;
			bt->stack[bt->frame] = 0;
			if (r0)
				bt_set(bt, 0);
			return 0;
		}
		if (op == BV_JA || op == BV_JCOND)
			return 0;
		if (BV_SRC(insn->code) == BV_X) {
			if (!bt_reg(bt, d) && !bt_reg(bt, s))
				return 0;
			if (!h || !(h->flags & BV_HIST_SRC_STACK))
				bt_set(bt, s);
			if (!h || !(h->flags & BV_HIST_DST_STACK))
				bt_set(bt, d);
		}
	} else if (cls == BV_LD) {
		if (BV_MODE(insn->code) == BV_IMM) {
			bt_clear(bt, d);
			return 0;
		}
		/* ld_abs/ld_ind: R0 from the packet, or the program's end */
		if (!frames) {
			if (!bt_reg(bt, 0))
				return 0;
			return ENOTFOLLOWED;
		}
		if (bt_reg(bt, 0))
			return ENOTFOLLOWED;
		if (subseq != idx + 1) {
			if (bt->frame + 1 >= BV_MAX_CALL_FRAMES)
				return ENOTFOLLOWED;
			bt->frame++;
			bt->regs[bt->frame] = 0;
			bt->stack[bt->frame] = 0;
		}
		return 0;
	}
	if (h && h->nlinked)
		bt_linked(bt, h);
	return 0;
}

/* Would backtrack_insn leave bt as it is (and print nothing)? The common
 * step, checked without the call: an instruction that neither writes nor
 * compares a register being looked for, with no history entry. */
static inline bool insn_inert(const struct bv_insn *insn, const struct bv_hist_entry *h,
			      const struct bt *bt)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	uint32_t want = bt->regs[bt->frame];

	if (h)
		return false;
	if (insn->code == 0)
		return true;
	switch (cls) {
	case BV_ALU:
	case BV_ALU64:
	case BV_LDX:
		return !(want >> insn->dst_reg & 1);
	case BV_JMP:
	case BV_JMP32:
		if (op == BV_CALL || op == BV_EXIT || op == BV_JCOND)
			return false;
		if (op == BV_JA || BV_SRC(insn->code) == BV_K)
			return true;
		return !(want >> insn->dst_reg & 1) && !(want >> insn->src_reg & 1);
	default:
		return false;
	}
}

/* The instruction before idx on st's part of the path: from the history
 * when idx was reached from elsewhere (h), else the one before it. -1:
 * st's part starts here. */
static inline int32_t prev_insn(const struct bv_state *st, int32_t idx,
				const struct bv_hist_entry *h, uint32_t *hist_end)
{
	/* h: idx's entry, the last of the first *hist_end ones, or NULL */
	if (idx == st->first_insn && (*hist_end == 0 || (*hist_end == 1 && h)))
		return -1;
	if (h) {
		(*hist_end)--;
		return h->prev_idx;
	}
	/* straight-line code (an ld_imm64's second half is skipped by
	 * backtrack_insn) */
	return idx - 1;
}

static struct bv_state *parent_of(const struct bv_state *st)
{
	return st->parent ? bv_kept_state(st->parent) : NULL;
}

/* Backtracking could not follow the path: every scalar of every kept
 * state above the current one is precise (kernel: mark_all_scalars_precise). */
static void mark_all_precise(struct bv_env *env, struct bv_state *from)
{
	struct bv_state *st;
	uint32_t fr, i;
	bool log = log_marks(env);

	if (log)
		bv_log_printf(&env->log,
			      "mark_precise: frame%u: falling back to forcing all scalars precise\n",
			      from->curframe);
	for (st = parent_of(from); st; st = parent_of(st)) {
		for (fr = 0; fr <= st->curframe; fr++) {
			struct bv_frame *f = st->frame[fr];

			for (i = 0; i < BV_REG_FP; i++) {
				if (f->regs[i].type != BV_SCALAR || f->regs[i].precise)
					continue;
				f->regs[i].precise = true;
				if (log)
					bv_log_printf(&env->log,
						      "force_precise: frame%u: forcing r%u to be precise\n",
						      fr, i);
			}
			for (i = 0; i < f->allocated_stack / BV_REG_SIZE; i++) {
				struct bv_reg *r = &f->stack[i].spilled_ptr;

				if (f->stack[i].slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL ||
				    r->type != BV_SCALAR || r->precise)
					continue;
				r->precise = true;
				if (log)
					bv_log_printf(&env->log,
						      "force_precise: frame%u: forcing fp%d to be precise\n",
						      fr, -(int)(i + 1) * BV_REG_SIZE);
			}
		}
	}
}

void bv_mark_all_imprecise(struct bv_state *st)
{
	uint32_t fr, i;

	for (fr = 0; fr <= st->curframe; fr++) {
		struct bv_frame *f = st->frame[fr];

		for (i = 0; i < BV_REG_FP; i++)
			if (f->regs[i].type == BV_SCALAR)
				f->regs[i].precise = false;
		for (i = 0; i < f->allocated_stack / BV_REG_SIZE; i++)
			if (f->stack[i].slot_type[BV_REG_SIZE - 1] == BV_STACK_SPILL &&
			    f->stack[i].spilled_ptr.type == BV_SCALAR)
				f->stack[i].spilled_ptr.precise = false;
	}
}

/* Mark what bt asks for in kept state st (frames 0..bt->frame); what st
 * already had needs no further walk. Returns whether any mark was new
 * (older kernels stop when none is). */
static bool mark_in(struct bv_env *env, struct bt *bt, struct bv_state *st, bool *oob)
{
	bool fresh = false;
	int fr;

	for (fr = (int)bt->frame; fr >= 0; fr--) {
		struct bv_frame *f;
		uint32_t i;

		if ((uint32_t)fr > st->curframe) {
			if (bt->regs[fr] || bt->stack[fr])
				*oob = true;
			continue;
		}
		f = st->frame[fr];
		/* the older kernels' log keeps the marks the state already had */
		uint32_t shown_regs = bt->regs[fr];
		uint64_t shown_stack = bt->stack[fr];
		bool fr_fresh = false, fr_oob = false;

		for (uint32_t want = bt->regs[fr]; want; want &= want - 1) {
			struct bv_reg *r;

			i = (uint32_t)__builtin_ctz(want);
			if (i >= BV_MAX_REG)
				break;
			r = &f->regs[i];
			if (r->type != BV_SCALAR)
				shown_regs &= ~(1u << i);
			if (r->type != BV_SCALAR || r->precise) {
				bt->regs[fr] &= ~(1u << i);
				continue;
			}
			r->precise = true;
			fresh = fr_fresh = true;
		}
		for (uint64_t want = bt->stack[fr]; want; want &= want - 1) {
			struct bv_stack_slot *s;

			i = (uint32_t)__builtin_ctzll(want);
			if (i >= f->allocated_stack / BV_REG_SIZE) {
				*oob = fr_oob = true;
				continue;
			}
			s = &f->stack[i];
			if (s->slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL ||
			    s->spilled_ptr.type != BV_SCALAR)
				shown_stack &= ~(1ull << i);
			if (s->slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL ||
			    s->spilled_ptr.type != BV_SCALAR || s->spilled_ptr.precise) {
				bt->stack[fr] &= ~(1ull << i);
				continue;
			}
			s->spilled_ptr.precise = true;
			fresh = fr_fresh = true;
		}
		if (log_marks_old(env) && (uint32_t)fr == bt->frame && !fr_oob) {
			bv_log_printf(&env->log, "parent %s regs=%x stack=%llx marks:",
				      fr_fresh ? "didn't have" : "already had", shown_regs,
				      (unsigned long long)shown_stack);
			bv_log_kept_frame(env, st, (uint32_t)fr);
		}
		if (log_marks(env)) {
			bv_log_printf(&env->log, "mark_precise: frame%d: ", fr);
			log_masks(env, "parent state ", bt->regs[fr], bt->stack[fr]);
			bv_log_printf(&env->log, ": ");
			bv_log_kept_frame(env, st, (uint32_t)fr);
		}
	}
	return fresh;
}

/* ---- memo ----
 *
 * A loop checks the same register at the same jump on every iteration:
 * each backtracking walks back over the iterations since the last kept
 * state, most of the way an earlier one went. The current state's part of
 * the path only grows (until it is kept or replaced, which gives it a new
 * stamp), so what backtracking does below a point of it depends only on
 * the point (instruction, the one after it, history position) and on what
 * it looks for there. Each walk over the current part notes the points it
 * passed (one per table slot, the latest wins) and, once it ends, how it
 * ended; a later walk that reaches a noted point looking for the same
 * registers and slots ends the same way. Only frame-0 looks are noted (a
 * caller's frame makes the key too big to be worth it). */

enum memo_outcome { MEMO_OPEN = 0, MEMO_DONE, MEMO_ALL, MEMO_REACHED };
#define MEMO_POINTS_MAX 4096u  /* powers of two */
#define MEMO_POINTS_MIN 64u
#define MEMO_WALKS 64u

struct memo_point {
	uint64_t stamp;                 /* 0: unused */
	int32_t idx, subseq;
	uint32_t hist_end, regs;
	uint64_t stack;
	uint32_t walk;                  /* sequence number of the walk */
};

struct memo_walk {
	uint32_t seq;
	enum memo_outcome outcome;
	struct bt out;                  /* MEMO_REACHED: what the parent needs */
};

struct bv_prec_memo {
	struct memo_walk walk[MEMO_WALKS];
	uint32_t seq;
	uint32_t mask;                  /* points - 1 */
	uint32_t *touch;                /* per insn: see insn_touch() */
	/* per register (11: TOUCH_ALWAYS), built when first needed: the
	 * last instruction at or before i that touches it, -1 if none */
	int32_t *last_touch[BV_MAX_REG + 1];
	struct memo_point pt[];         /* about one per instruction */
};

#define TOUCH_ALWAYS (1u << 31)

/* The registers whose being looked for makes insn a step of its own
 * (insn_inert() without a history entry is !(touch & (want | ALWAYS))):
 * computed once per program, so that the walk skips runs of inert
 * instructions in a tight loop. */
static uint32_t insn_touch(const struct bv_insn *insn)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);

	if (insn->code == 0)
		return 0;
	switch (cls) {
	case BV_ALU:
	case BV_ALU64:
	case BV_LDX:
		return 1u << insn->dst_reg;
	case BV_JMP:
	case BV_JMP32:
		if (op == BV_CALL || op == BV_EXIT || op == BV_JCOND)
			return ~0u;
		if (op == BV_JA || BV_SRC(insn->code) == BV_K)
			return 0;
		return 1u << insn->dst_reg | 1u << insn->src_reg;
	default:
		return ~0u;
	}
}

static struct bv_prec_memo *memo_new(const struct bv_env *env)
{
	uint32_t n = MEMO_POINTS_MIN;
	struct bv_prec_memo *m;

	while (n < env->info.insn_cnt && n < MEMO_POINTS_MAX)
		n *= 2;
	/* walk[] is not cleared (most of the block for a small program): a
	 * slot is read only through a point naming its seq, and it was
	 * written when that walk began */
	m = malloc(sizeof(*m) + n * sizeof(m->pt[0]) +
		   env->info.insn_cnt * sizeof(m->touch[0]));
	if (!m)
		return NULL;
	m->seq = 0;
	m->mask = n - 1;
	memset(m->pt, 0, n * sizeof(m->pt[0]));
	m->touch = (uint32_t *)(m->pt + n);
	memset(m->last_touch, 0, sizeof(m->last_touch));
	for (uint32_t i = 0; i < env->info.insn_cnt; i++)
		m->touch[i] = insn_touch(&env->info.insns[i]);
	return m;
}

/* The last instruction at or before i touching register r (BV_MAX_REG:
 * the instructions never inert): -1 if none, -2 out of memory. */
static int32_t last_touch(struct bv_prec_memo *m, uint32_t insn_cnt, uint32_t r, int32_t i)
{
	if (!m->last_touch[r]) {
		uint32_t bit = r == BV_MAX_REG ? TOUCH_ALWAYS : 1u << r;
		int32_t *a = malloc((insn_cnt ? insn_cnt : 1) * sizeof(*a)), last = -1;

		if (!a)
			return -2;
		for (uint32_t k = 0; k < insn_cnt; k++) {
			if (m->touch[k] & bit)
				last = (int32_t)k;
			a[k] = last;
		}
		m->last_touch[r] = a;
	}
	return m->last_touch[r][i];
}

void bv_precision_free(struct bv_env *env)
{
	if (env->prec_memo)
		for (uint32_t r = 0; r <= BV_MAX_REG; r++)
			free(env->prec_memo->last_touch[r]);
	free(env->prec_memo);
	env->prec_memo = NULL;
}

/* What is looked for is part of the slot's key: a decided branch marks
 * each of its registers by a walk of its own, and those walks pass the
 * same points in turn (they would evict each other's). */
static struct memo_point *memo_slot(struct bv_prec_memo *m, int32_t idx, uint32_t hist_end,
				    const struct bt *bt)
{
	uint64_t look = bt->regs[0] * 0x9e3779b97f4a7c15ull ^ bt->stack[0] * 0xc2b2ae3d27d4eb4full;

	return &m->pt[((uint32_t)idx * 31u + hist_end + (uint32_t)(look >> 32)) & m->mask];
}

/* The ended walk that passed here looking for the same, or NULL. */
static const struct memo_walk *memo_find(struct bv_prec_memo *m, const struct memo_point *p,
					 uint64_t stamp, int32_t idx, int32_t subseq,
					 uint32_t hist_end, const struct bt *bt)
{
	const struct memo_walk *w;

	if (p->stamp != stamp || p->idx != idx || p->subseq != subseq ||
	    p->hist_end != hist_end || p->regs != bt->regs[0] || p->stack != bt->stack[0])
		return NULL;
	w = &m->walk[p->walk % MEMO_WALKS];
	return w->seq == p->walk && w->outcome != MEMO_OPEN ? w : NULL;
}

static void memo_close(struct bv_prec_memo *m, uint32_t seq, enum memo_outcome outcome,
		       const struct bt *bt)
{
	struct memo_walk *w;

	if (!m)
		return;
	w = &m->walk[seq % MEMO_WALKS];
	if (w->seq != seq)
		return;
	w->outcome = outcome;
	if (bt)
		w->out = *bt;
}

/* Backtrack from instruction `last` of path `start` (kernel:
 * __mark_chain_precision); *changed, when given, learns whether a kept
 * state gained a mark. */
static int mark_chain_from(struct bv_env *env, struct bv_state *start, int32_t last,
			   struct bt *bt, bool *changed)
{
	struct bv_state *st = start;
	int32_t first = st->first_insn, subseq = -1;
	bool skip_first = true;
	bool frames = bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES);
	uint32_t steps = 0;

	/* the memo skips steps the level-2 log would show */
	struct bv_prec_memo *memo = NULL;
	uint32_t seq = 0;
	bool log = log_marks(env);
	bool log_old = log_marks_old(env);

	if (!env->f->bpf_capable || bt_empty(bt))
		return 0;
	if (!(env->log.level & BV_LOG_LEVEL2)) {
		if (!env->prec_memo)
			env->prec_memo = memo_new(env);
		memo = env->prec_memo;
	}
	if (memo) {
		struct memo_walk *w;

		if (!st->hist_stamp)
			st->hist_stamp = ++env->hist_stamp_gen;
		seq = ++memo->seq;
		w = &memo->walk[seq % MEMO_WALKS];
		w->seq = seq;
		w->outcome = MEMO_OPEN;
	}
	for (;;) {
		uint32_t hist_end = st->hist_len;
		int32_t i = last;
		bool oob = false, fresh;

		if (log)
			bv_log_printf(&env->log,
				      "mark_precise: frame%u: last_idx %d first_idx %d subseq_idx %d \n",
				      bt->frame, last, first, subseq);
		else if (log_old)
			bv_log_printf(&env->log, "last_idx %d first_idx %d\n", last, first);

		if (last < 0) {
			/* a global function's entry: its arguments */
			struct bv_frame *f = st->frame[0];
			uint32_t r;

			if (st->curframe == 0 && f->subprogno > 0 && f->callsite < 0 &&
			    !bt->stack[0] && !(bt->regs[0] & ~REGS_ARGS)) {
				for (r = 1; r <= 5; r++)
					if ((bt->regs[0] >> r & 1) && f->regs[r].type == BV_SCALAR)
						f->regs[r].precise = true;
				return 0;
			}
			mark_all_precise(env, start);
			return 0;
		}
		for (;;) {
			int err = 0;
			bool moved = false;     /* bt may have changed */
			/* i's history entry, if it was reached from elsewhere */
			const struct bv_hist_entry *h =
				hist_end && st->hist[hist_end - 1].idx == i ?
				&st->hist[hist_end - 1] : NULL;

			if (skip_first) {
				skip_first = false;
			} else if (memo && !h && !(bt->regs[bt->frame] >> BV_MAX_REG) &&
				   !(memo->touch[i] & (bt->regs[bt->frame] | TOUCH_ALWAYS))) {
				/* inert (insn_inert) and with no history entry:
				 * the run of such steps before it is walked here
				 * (what the loop below would do step by step) */
				uint32_t want = bt->regs[bt->frame] & ((1u << BV_MAX_REG) - 1);
				uint32_t want_all = want | TOUCH_ALWAYS, run = 0;
				int32_t stop = 0, t, hidx;

				/* most runs are short: step through them; a long
				 * one (a loop body walked iteration by iteration)
				 * jumps with the per-register tables */
				while (i > 0 && (i != st->first_insn || hist_end) &&
				       !(hist_end && st->hist[hist_end - 1].idx == i - 1) &&
				       !(memo->touch[i - 1] & want_all) && run < 16) {
					i--;
					run++;
				}
				steps += run;
				if (run < 16)
					goto stepped;

				/* the walk goes down to just above the nearest of:
				 * insn 0, the part's first insn (no entry left), the
				 * next history entry, an instruction not inert */
				if (!hist_end && st->first_insn <= i)
					stop = st->first_insn;
				if (hist_end) {
					hidx = st->hist[hist_end - 1].idx;
					if (hidx < i && hidx + 1 > stop)
						stop = hidx + 1;
				}
				if (i > stop) {
					/* (out of memory: t = -2, i.e. i - 1, no skip) */
					t = last_touch(memo, env->info.insn_cnt, BV_MAX_REG, i - 1);
					if (t == -2)
						t = i - 1;
					if (t + 1 > stop)
						stop = t + 1;
					for (; want && i > stop; want &= want - 1) {
						t = last_touch(memo, env->info.insn_cnt,
							       (uint32_t)__builtin_ctz(want), i - 1);
						if (t == -2)
							t = i - 1;
						if (t + 1 > stop)
							stop = t + 1;
					}
					if (i > stop) {
						steps += (uint32_t)(i - stop);
						i = stop;
					}
				}
stepped:;
			} else {
				bool inert = !log && !log_old &&
					     insn_inert(&env->info.insns[i], h, bt);

				/* the memo notes only steps that do something: from
				 * an inert one the walk goes on unchanged to the next */
				if (!inert && memo && st == env->cur && bt->frame == 0) {
					struct memo_point *p = memo_slot(memo, i, hist_end, bt);
					const struct memo_walk *hit =
						memo_find(memo, p, st->hist_stamp, i, subseq,
							  hist_end, bt);

					if (hit) {
						enum memo_outcome o = hit->outcome;

						if (o == MEMO_REACHED)
							*bt = hit->out;
						moved = true;
						memo_close(memo, seq, o, bt);
						if (o == MEMO_DONE)
							return 0;
						if (o == MEMO_ALL) {
							mark_all_precise(env, start);
							return 0;
						}
						break;
					}
					/* within one walk the first point wins: the
					 * next walk meets this walk's first points
					 * first (a long walk would wrap the table) */
					if (p->walk != seq || p->stamp != st->hist_stamp)
						*p = (struct memo_point){ st->hist_stamp, i, subseq,
									  hist_end, bt->regs[0],
									  bt->stack[0], seq };
				}
				if (!inert) {
					err = backtrack_insn(env, i, subseq, h, bt);
					moved = true;
				}
			}
			if (err < 0) {
				memo_close(memo, seq, MEMO_OPEN, NULL);
				return err;
			}
			if (err == ENOTFOLLOWED) {
				memo_close(memo, seq, MEMO_ALL, NULL);
				mark_all_precise(env, start);
				return 0;
			}
			if (moved && bt_empty(bt)) {
				memo_close(memo, seq, MEMO_DONE, NULL);
				return 0;
			}
			subseq = i;
			i = prev_insn(st, i, h, &hist_end);
			if (i < 0)
				break;
			/* a path part is finite; this bounds a corrupt one */
			if (i >= (int32_t)env->info.insn_cnt || ++steps > 10000000) {
				memo_close(memo, seq, MEMO_ALL, NULL);
				mark_all_precise(env, start);
				return 0;
			}
		}
		if (st == env->cur)
			memo_close(memo, seq, MEMO_REACHED, bt);
		st = parent_of(st);
		if (!st)
			break;
		fresh = mark_in(env, bt, st, &oob);
		if (changed && fresh)
			*changed = true;
		if (oob) {
			/* a slot the kept state never had, or a frame it
			 * lacks: the walk lost track */
			mark_all_precise(env, start);
			return 0;
		}
		if (bt_empty(bt))
			return 0;
		if (!frames && !fresh)
			return 0;
		subseq = first;
		last = st->last_insn;
		first = st->first_insn;
	}
	if (!bt_empty(bt))
		mark_all_precise(env, start);
	return 0;
}

static int mark_chain(struct bv_env *env, struct bt *bt)
{
	return mark_chain_from(env, env->cur, env->insn_idx, bt, NULL);
}

int bv_mark_precise(struct bv_env *env, uint32_t regno)
{
	struct bt bt;

	if (regno >= BV_REG_FP || bv_cur_regs(env)[regno].type != BV_SCALAR)
		return 0;
	memset(&bt, 0, sizeof(bt));
	bt.frame = env->cur->curframe;
	bt_set(&bt, regno);
	return mark_chain(env, &bt);
}

int bv_mark_precise_slot(struct bv_env *env, uint32_t frameno, uint32_t spi)
{
	struct bt bt;

	if (frameno > env->cur->curframe || spi >= 64)
		return 0;
	memset(&bt, 0, sizeof(bt));
	bt.frame = env->cur->curframe;
	bt.stack[frameno] = 1ull << spi;
	return mark_chain(env, &bt);
}

void bv_mark_path_precise(struct bv_env *env, struct bv_state *st)
{
	mark_all_precise(env, st);
}

int bv_propagate_precision(struct bv_env *env, const struct bv_state *old)
{
	return bv_propagate_precision_from(env, old, env->cur, env->insn_idx, NULL);
}

int bv_propagate_precision_from(struct bv_env *env, const struct bv_state *old,
				struct bv_state *st, int32_t insn, bool *changed)
{
	struct bt bt;
	uint32_t fr, i;
	bool frames = bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES);
	int err;

	memset(&bt, 0, sizeof(bt));
	bt.frame = old->curframe;
	for (fr = old->curframe + 1; fr-- > 0;) {
		const struct bv_frame *f = old->frame[fr];
		bool first = true;

		for (i = 0; i < BV_REG_FP; i++) {
			if (f->regs[i].type != BV_SCALAR || !f->regs[i].precise)
				continue;
			bt.regs[fr] |= 1u << i;
			if (log_marks(env)) {
				if (first)
					bv_log_printf(&env->log, "frame %u: propagating r%u", fr, i);
				else
					bv_log_printf(&env->log, ",r%u", i);
			}
			first = false;
		}
		for (i = 0; i < f->allocated_stack / BV_REG_SIZE && i < 64; i++) {
			if (f->stack[i].slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL ||
			    f->stack[i].spilled_ptr.type != BV_SCALAR ||
			    !f->stack[i].spilled_ptr.precise)
				continue;
			bt.stack[fr] |= 1ull << i;
			if (log_marks(env)) {
				if (first)
					bv_log_printf(&env->log, "frame %u: propagating fp%d", fr,
						      -(int)(i + 1) * BV_REG_SIZE);
				else
					bv_log_printf(&env->log, ",fp%d",
						      -(int)(i + 1) * BV_REG_SIZE);
			}
			first = false;
		}
		if (!first && log_marks(env))
			bv_log_printf(&env->log, "\n");
	}
	if (frames)
		return mark_chain_from(env, st, insn, &bt, changed);
	/* older kernels: one register or slot, one frame, at a time */
	for (fr = old->curframe + 1; fr-- > 0;) {
		for (i = 0; i < BV_REG_FP; i++) {
			struct bt one;

			if (!(bt.regs[fr] >> i & 1))
				continue;
			memset(&one, 0, sizeof(one));
			one.frame = fr;
			one.regs[fr] = 1u << i;
			if (log_marks_old(env))
				bv_log_printf(&env->log, "frame %u: propagating r%u\n", fr, i);
			err = mark_chain_from(env, st, insn, &one, changed);
			if (err)
				return err;
		}
		for (i = 0; i < 64; i++) {
			struct bt one;

			if (!(bt.stack[fr] >> i & 1))
				continue;
			memset(&one, 0, sizeof(one));
			one.frame = fr;
			one.stack[fr] = 1ull << i;
			if (log_marks_old(env))
				bv_log_printf(&env->log, "frame %u: propagating fp%d\n", fr,
					      -(int)(i + 1) * BV_REG_SIZE);
			err = mark_chain_from(env, st, insn, &one, changed);
			if (err)
				return err;
		}
	}
	return 0;
}
