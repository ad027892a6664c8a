/* jmp.c — conditional jumps (kernel: check_cond_jmp_op): which edges are
 * possible, and what each edge teaches about the registers: scalar ranges,
 * NULL checks of maybe-NULL pointers, packet bounds checks against
 * pkt_end.
 *
 * The current state continues on the fall-through edge; the jump edge is
 * queued (bv_push_branch) and refined here before it is walked.
 */
#include "state.h"

#include <errno.h>
#include <string.h>

#define MAX_PACKET_OFF 0xffff

static bool is_pkt_any(const struct bv_reg *r)
{
	uint32_t b = BV_BASE_TYPE(r->type);

	return b == BV_PTR_TO_PACKET || b == BV_PTR_TO_PACKET_META ||
	       b == BV_PTR_TO_PACKET_END;
}

/* Pointer types that are never NULL (kernel: reg_not_null). */
static bool reg_not_null(const struct bv_reg *r)
{
	if (r->type & BV_PTR_MAYBE_NULL)
		return false;
	switch (BV_BASE_TYPE(r->type)) {
	case BV_PTR_TO_SOCKET: case BV_PTR_TO_TCP_SOCK: case BV_PTR_TO_MAP_VALUE:
	case BV_PTR_TO_MAP_KEY: case BV_PTR_TO_SOCK_COMMON: case BV_CONST_PTR_TO_MAP:
		return true;
	case BV_PTR_TO_BTF_ID: {
		/* is_trusted_reg: referenced, or trusted with no unsafe flag
		 * (an RCU pointer may be NULL) */
		const bv_reg_type trusted = BV_MEM_ALLOC | BV_PTR_TRUSTED | BV_NON_OWN_REF;
		bv_reg_type flags = r->type & ~((1u << BV_BASE_TYPE_BITS) - 1);

		return r->ref_obj_id || ((flags & trusted) && !(flags & ~trusted));
	}
	case BV_PTR_TO_MEM:
		return !(r->type & BV_PTR_UNTRUSTED);
	default:
		return false;
	}
}

static bool is_const_scalar(const struct bv_reg *r, bool jmp32)
{
	return r->type == BV_SCALAR &&
	       (jmp32 ? bv_scalar_subreg_is_const(&r->s) : bv_scalar_is_const(&r->s));
}

/* 1: always taken, 0: never, -1: unknown (kernel: is_branch_taken). */
static int branch_taken(const struct bv_reg *a, const struct bv_reg *b,
			uint8_t op, bool jmp32)
{
	if (is_pkt_any(a) && is_pkt_any(b) && !jmp32)
		return -1;   /* we keep no "at/beyond pkt_end" marks */
	if (bv_reg_is_pointer(a) || bv_reg_is_pointer(b)) {
		/* only a non-NULL pointer against constant 0 is decided */
		if (!is_const_scalar(b, jmp32)) {
			const struct bv_reg *t = a;

			a = b;
			b = t;
			op = bv_jmp_flip(op);
		}
		if (!is_const_scalar(b, jmp32) || !reg_not_null(a))
			return -1;
		if ((jmp32 ? (uint32_t)bv_scalar_value(&b->s) : bv_scalar_value(&b->s)) != 0)
			return -1;
		return op == BV_JEQ ? 0 : op == BV_JNE ? 1 : -1;
	}
	return bv_scalar_branch_taken(&a->s, &b->s, op, jmp32);
}

/* Older verifiers decide a branch between scalars only against a constant
 * source, and learn from two non-constant registers only their equality
 * (64-bit JEQ/JNE); newer ones compare the ranges. */
static int scalar_branch_taken(const struct bv_env *env, const struct bv_reg *dst,
			       const struct bv_reg *src, uint8_t op, bool jmp32)
{
	if (!bv_kernel_has(env->f, BV_FEAT_REG_REG_BOUNDS) &&
	    !bv_reg_is_pointer(dst) && !bv_reg_is_pointer(src)) {
		if (!is_const_scalar(src, jmp32))
			return -1;
		/* and `==`/`!=` only when both are constants: a constant
		 * outside the register's range decides nothing (the
		 * impossible edge is walked with the register set to it) */
		if ((op == BV_JEQ || op == BV_JNE) && !is_const_scalar(dst, jmp32))
			return -1;
	}
	return branch_taken(dst, src, op, jmp32);
}

struct sync_arg {
	const struct bv_reg *known;
};

/* r = known + (r.off - known.off), the offsets being the constants each
 * was linked with. */
static void sync_one(struct bv_reg *r, void *arg)
{
	const struct bv_reg *k = ((const struct sync_arg *)arg)->known;
	struct bv_scalar delta;
	int32_t off = r->off;
	uint32_t id = r->id;

	if (r == k || r->type != BV_SCALAR || !r->id ||
	    (r->id & ~BV_ID_ADD_CONST) != (k->id & ~BV_ID_ADD_CONST))
		return;
	/* a 32-bit link and a 64-bit one do not keep the same distance */
	if (((r->id ^ k->id) & BV_ID_ADD_CONST) == BV_ID_ADD_CONST)
		return;
	r->s = k->s;
	if ((!(r->id & BV_ID_ADD_CONST) && !(k->id & BV_ID_ADD_CONST)) || r->off == k->off)
		return;
	bv_scalar_const(&delta, (uint64_t)((int64_t)off - (int64_t)k->off));
	bv_scalar_alu(&r->s, &delta, BV_ADD, false, false);
	if ((id | k->id) & BV_ID_ADD_CONST32)
		bv_scalar_zext32(&r->s);
	r->off = off;
	r->id = id;
}

/* Registers linked to a refined scalar learn its range (kernel:
 * sync_linked_regs). */
static void sync_linked(struct bv_state *st, const struct bv_reg *known)
{
	struct sync_arg a = { known };

	if (known->type == BV_SCALAR && known->id)
		bv_for_each_reg(st, sync_one, &a);
}

/* An edge the refinement proved impossible leaves inconsistent bounds:
 * 6.18 logs it as a verifier bug, forgets the bounds (var_off stays) and
 * goes on walking the edge (kernel: reg_bounds_sanity_check). */
static void check_invariants(struct bv_env *env, struct bv_reg *r, const char *ctx)
{
	char msg[320];

	if (!bv_scalar_check_invariants(&r->s, msg, sizeof(msg)))
		bv_log_printf(&env->log, "verifier bug: REG INVARIANTS VIOLATION (%s): %s\n",
			      ctx, msg);
}

/* Refine both edges of `dst OP src` when both are scalars (kernel:
 * reg_set_min_max). t*: registers of the jump edge, f*: fall-through;
 * for `if rX OP rX` the two of an edge are the same register, refined
 * as if they were two (as 6.18 does). */
static void refine_scalars(struct bv_env *env, struct bv_reg *t1, struct bv_reg *t2,
			   struct bv_reg *f1, struct bv_reg *f2, uint8_t op, bool jmp32)
{
	if (f1->type != BV_SCALAR || f2->type != BV_SCALAR)
		return;
	if (!bv_kernel_has(env->f, BV_FEAT_REG_REG_BOUNDS) &&
	    !is_const_scalar(f1, jmp32) && !is_const_scalar(f2, jmp32) &&
	    (jmp32 || (op != BV_JEQ && op != BV_JNE)))
		return;
	{
		unsigned fl = (bv_kernel_has(env->f, BV_FEAT_JMP32_KEEPS_64) ? 0 :
			       BV_SCALAR_JMP32_FORGETS_64) |
			      (bv_kernel_has(env->f, BV_FEAT_NE_CONST_BOUNDS) ? 0 :
			       BV_SCALAR_NE_LEARNS_NOTHING);

		bv_scalar_refine_ex(&t1->s, &t2->s, op, jmp32, fl);
		bv_scalar_refine_ex(&f1->s, &f2->s, bv_jmp_negate(op), jmp32, fl);
	}
	/* 6.18 checks the jump edge first */
	check_invariants(env, t1, "true_reg1");
	check_invariants(env, t2, "true_reg2");
	check_invariants(env, f1, "false_reg1");
	check_invariants(env, f2, "false_reg2");
}

struct null_arg {
	uint32_t id;
	bool is_null;
};

static void mark_ptr_or_null(struct bv_reg *r, void *arg)
{
	const struct null_arg *a = arg;

	if (!(r->type & BV_PTR_MAYBE_NULL) || r->id != a->id || !r->id)
		return;
	/* Arithmetic on a maybe-NULL pointer is refused, so its offset is 0. */
	if (r->off || !bv_tnum_equals_const(r->s.var_off, 0))
		return;
	if (a->is_null) {
		bv_reg_mark_known(r, 0, r->origin);
		return;
	}
	if (BV_BASE_TYPE(r->type) == BV_PTR_TO_MAP_VALUE && r->map.map) {
		uint32_t mt = r->map.map->type;

		if ((mt == BV_MAP_TYPE_ARRAY_OF_MAPS || mt == BV_MAP_TYPE_HASH_OF_MAPS) &&
		    r->map.map->inner) {
			/* the slot's map: the outer map's inner template */
			r->type = BV_CONST_PTR_TO_MAP;
			r->map.map = r->map.map->inner;
		} else if (mt == BV_MAP_TYPE_XSKMAP)
			r->type = BV_PTR_TO_XDP_SOCK;
		else if (mt == BV_MAP_TYPE_SOCKMAP || mt == BV_MAP_TYPE_SOCKHASH)
			r->type = BV_PTR_TO_SOCKET;
		else
			r->type = BV_PTR_TO_MAP_VALUE;
	} else {
		r->type &= ~BV_PTR_MAYBE_NULL;
	}
	/* The id only linked the copies for this check; a map value with a
	 * bpf_spin_lock keeps it to tell its lock from another element's. */
	if (BV_BASE_TYPE(r->type) == BV_PTR_TO_MAP_VALUE && r->map.map &&
	    r->map.map->spin_lock_off >= 0)
		return;
	r->id = 0;
}

/* Every copy of the pointer in regno learns the outcome of its NULL check
 * (kernel: mark_ptr_or_null_regs). */
static void mark_null_regs(struct bv_env *env, struct bv_state *st,
			   uint32_t regno, bool is_null)
{
	const struct bv_reg *r = &st->frame[st->curframe]->regs[regno];
	struct null_arg a = { r->id, is_null };
	uint32_t ref = r->ref_obj_id;

	if (ref && ref == r->id && is_null) {
		/* A NULL result holds no reference. */
		uint32_t i;

		for (i = 0; i < st->nr_refs; i++) {
			if (st->refs[i].id != ref)
				continue;
			memmove(&st->refs[i], &st->refs[i + 1],
				(st->nr_refs - i - 1) * sizeof(*st->refs));
			st->nr_refs--;
			break;
		}
	}
	bv_for_each_reg(st, mark_ptr_or_null, &a);
}

struct pkt_arg {
	bv_reg_type type;
	uint32_t id;
	uint32_t range;
};

static void widen_range(struct bv_reg *r, void *arg)
{
	const struct pkt_arg *a = arg;

	if (r->type == a->type && r->id == a->id && r->range < a->range)
		r->range = a->range;
}

/* After `pkt + off` was compared with the packet end, every copy of the
 * pointer (same id) may access `off` bytes (+1 for a strict comparison)
 * (kernel: find_good_pkt_pointers). */
static void find_good_pkt_pointers(struct bv_state *st, const struct bv_reg *dst,
				   bool right_open)
{
	struct pkt_arg a = { dst->type, dst->id, 0 };

	if (dst->off < 0 || (dst->off == 0 && right_open))
		return;
	if (dst->s.umax > MAX_PACKET_OFF || dst->s.umax + dst->off > MAX_PACKET_OFF)
		return;
	a.range = (uint32_t)dst->off + (right_open ? 1 : 0);
	bv_for_each_reg(st, widen_range, &a);
}

static bool is_init_pkt(const struct bv_reg *r, uint32_t type)
{
	/* an untouched packet pointer: no offset, no variable part */
	return r->type == type && r->off == 0 && bv_tnum_equals_const(r->s.var_off, 0);
}

/* The comparison forms of pkt vs pkt_end (and pkt_meta vs pkt). `fall` is
 * the fall-through state, `jump` the queued one. Returns false when the
 * operands are not such a pair (kernel: try_match_pkt_pointers). */
static bool match_pkt_pointers(const struct bv_insn *insn, const struct bv_reg *dst,
			       const struct bv_reg *src, struct bv_state *fall,
			       struct bv_state *jump)
{
	uint8_t op = BV_OP(insn->code);
	bool dst_pkt, src_pkt;

	if (BV_SRC(insn->code) != BV_X || BV_CLASS(insn->code) == BV_JMP32)
		return false;
	/* pkt' OP pkt_end, or pkt_meta' OP pkt */
	dst_pkt = (dst->type == BV_PTR_TO_PACKET && src->type == BV_PTR_TO_PACKET_END) ||
		  (dst->type == BV_PTR_TO_PACKET_META && is_init_pkt(src, BV_PTR_TO_PACKET));
	/* pkt_end OP pkt', or pkt OP pkt_meta' */
	src_pkt = (dst->type == BV_PTR_TO_PACKET_END && src->type == BV_PTR_TO_PACKET) ||
		  (is_init_pkt(dst, BV_PTR_TO_PACKET) && src->type == BV_PTR_TO_PACKET_META);
	if (!dst_pkt && !src_pkt)
		return false;
	switch (op) {
	case BV_JGT:   /* pkt' > end: safe when not taken; end > pkt': when taken */
		if (dst_pkt)
			find_good_pkt_pointers(fall, dst, false);
		else
			find_good_pkt_pointers(jump, src, true);
		return true;
	case BV_JLT:   /* pkt' < end: safe when taken; end < pkt': when not */
		if (dst_pkt)
			find_good_pkt_pointers(jump, dst, true);
		else
			find_good_pkt_pointers(fall, src, false);
		return true;
	case BV_JGE:   /* pkt' >= end: safe when not taken; end >= pkt': when taken */
		if (dst_pkt)
			find_good_pkt_pointers(fall, dst, true);
		else
			find_good_pkt_pointers(jump, src, false);
		return true;
	case BV_JLE:   /* pkt' <= end: safe when taken; end <= pkt': when not */
		if (dst_pkt)
			find_good_pkt_pointers(jump, dst, false);
		else
			find_good_pkt_pointers(fall, src, true);
		return true;
	default:
		return false;
	}
}

static void record_path(struct bv_state *st, int32_t insn, bool taken)
{
	st->path[st->path_len % 16].insn = insn;
	st->path[st->path_len % 16].taken = taken;
	st->path_len++;
}

int bv_check_cond_jmp(struct bv_env *env, const struct bv_insn *insn,
		      int32_t *insn_idx)
{
	struct bv_state *fall = env->cur, *jump;
	struct bv_reg *regs = bv_cur_regs(env), *dst, *src, imm_reg;
	uint8_t op = BV_OP(insn->code);
	bool jmp32 = BV_CLASS(insn->code) == BV_JMP32;
	int32_t idx = *insn_idx;
	int pred, err;

	if (op == BV_JCOND)
		return bv_check_may_goto(env, insn, insn_idx);
	err = bv_check_reg_read(env, insn->dst_reg);
	if (err)
		return err;
	err = bv_check_insn_encoding_phase(&env->log, env->f, env->info.insns,
					   env->info.insn_cnt, (uint32_t)idx,
					   BV_ENC_AFTER_DST_READ);
	if (err)
		return err;
	dst = &regs[insn->dst_reg];
	if (BV_SRC(insn->code) == BV_X) {
		err = bv_check_reg_read(env, insn->src_reg);
		if (err)
			return err;
		src = &regs[insn->src_reg];
		if (!(bv_reg_is_pkt_pointer(dst) || BV_BASE_TYPE(dst->type) == BV_PTR_TO_PACKET_END) ||
		    !(bv_reg_is_pkt_pointer(src) || BV_BASE_TYPE(src->type) == BV_PTR_TO_PACKET_END)) {
			if (!env->f->allow_ptr_leaks && bv_reg_is_pointer(src))
				return bv_reject(&env->log, idx, -EACCES,
						 "R%d pointer comparison prohibited",
						 insn->src_reg);
		}
	} else {
		bv_reg_mark_known(&imm_reg, (uint64_t)(int64_t)insn->imm, -1);
		src = &imm_reg;
	}

	err = bv_hist_cond_jmp(env,
			       BV_SRC(insn->code) == BV_X && src->type == BV_PTR_TO_STACK,
			       dst->type == BV_PTR_TO_STACK);
	if (err)
		return bv_unsupported(&env->log, idx, "out of memory");
	pred = scalar_branch_taken(env, dst, src, op, jmp32);
	if (pred >= 0) {
		/* the decision rests on their values (precision.c) */
		if (dst->type == BV_SCALAR)
			err = bv_mark_precise(env, insn->dst_reg);
		if (!err && BV_SRC(insn->code) == BV_X && src->type == BV_SCALAR)
			err = bv_mark_precise(env, insn->src_reg);
		if (err)
			return err;
	}
	if (pred >= 0 && !env->f->perfmon_capable)
		return bv_unsupported(&env->log, idx,
				      "speculative execution checks for unprivileged loaders");
	if (pred == 1) {
		*insn_idx += insn->off;
		return 0;
	}
	if (pred == 0)
		return 0;

	/* both edges share the record of the scalars this branch bounds */
	err = bv_hist_linked(env,
			     BV_SRC(insn->code) == BV_X && src->type == BV_SCALAR ? src->id : 0,
			     dst->type == BV_SCALAR ? dst->id : 0);
	if (err)
		return bv_unsupported(&env->log, idx, "out of memory");
	jump = bv_push_branch(env, idx + insn->off + 1, idx);
	if (!jump)
		return -ENOMEM;
	record_path(jump, idx, true);
	record_path(fall, idx, false);

	struct bv_reg *jregs = jump->frame[jump->curframe]->regs;
	struct bv_reg *jdst = &jregs[insn->dst_reg];

	if (BV_SRC(insn->code) == BV_X) {
		refine_scalars(env, jdst, &jregs[insn->src_reg], dst, src, op, jmp32);
		if (src->type == BV_SCALAR && src->id) {
			sync_linked(fall, src);
			sync_linked(jump, &jregs[insn->src_reg]);
		}
	} else {
		struct bv_reg jimm = imm_reg;

		refine_scalars(env, jdst, &jimm, dst, &imm_reg, op, jmp32);
	}
	if (dst->type == BV_SCALAR && dst->id) {
		sync_linked(fall, dst);
		sync_linked(jump, jdst);
	}

	/* A maybe-NULL pointer equal to one known non-NULL is not NULL. */
	if (!jmp32 && BV_SRC(insn->code) == BV_X && bv_reg_is_pointer(src) &&
	    bv_reg_is_pointer(dst) &&
	    !!(src->type & BV_PTR_MAYBE_NULL) != !!(dst->type & BV_PTR_MAYBE_NULL) &&
	    BV_BASE_TYPE(src->type) != BV_PTR_TO_BTF_ID &&
	    BV_BASE_TYPE(dst->type) != BV_PTR_TO_BTF_ID &&
	    (op == BV_JEQ || op == BV_JNE)) {
		struct bv_state *eq = op == BV_JEQ ? jump : fall;
		uint32_t r = (src->type & BV_PTR_MAYBE_NULL) ? insn->src_reg : insn->dst_reg;
		struct bv_reg *er = &eq->frame[eq->curframe]->regs[r];

		if (BV_BASE_TYPE(er->type) == BV_PTR_TO_MAP_VALUE)
			er->type = BV_PTR_TO_MAP_VALUE;
		else
			er->type &= ~BV_PTR_MAYBE_NULL;
	}

	if (!jmp32 && BV_SRC(insn->code) == BV_K && insn->imm == 0 &&
	    (op == BV_JEQ || op == BV_JNE) && (dst->type & BV_PTR_MAYBE_NULL)) {
		uint32_t d = insn->dst_reg;

		mark_null_regs(env, fall, d, op == BV_JNE);
		mark_null_regs(env, jump, d, op == BV_JEQ);
	} else if (!match_pkt_pointers(insn, dst, src, fall, jump) &&
		   !env->f->allow_ptr_leaks && bv_reg_is_pointer(dst)) {
		return bv_reject(&env->log, idx, -EACCES,
				 "R%d pointer comparison prohibited", insn->dst_reg);
	}
	return 0;
}
