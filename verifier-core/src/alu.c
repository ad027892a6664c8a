/* alu.c — the BV_ALU/BV_ALU64 instructions on abstract registers (kernel:
 * check_alu_op, adjust_reg_min_max_vals, adjust_ptr_min_max_vals) and the
 * register read/write checks every instruction uses.
 *
 * Scalar semantics live in scalar.c; this file decides which registers take
 * part, what a pointer operand allows, and which message the kernel prints
 * when it does not. Pure encoding errors (reserved fields, bad opcodes) are
 * prog.c's.
 */
#include "state.h"

#include <errno.h>
#include <stdint.h>

/* The kernel's bpf_alu_string, indexed by opcode >> 4. */
static const char *const alu_str[16] = {
	"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
	"neg", "%=", "^=", "=", "s>>=", "endian", "?", "?",
};

/* Pointers stay within +-2^29 of their base (kernel: BPF_MAX_VAR_OFF). */
#define MAX_VAR_OFF (1 << 29)

static void scratch(struct bv_env *env, uint32_t regno)
{
	if (regno < BV_MAX_REG)
		env->scratched_regs |= 1u << regno;
}

int bv_check_reg_read(struct bv_env *env, uint32_t regno)
{
	if (regno >= BV_MAX_REG)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "R%u is invalid", regno);
	scratch(env, regno);
	if (bv_cur_regs(env)[regno].type == BV_NOT_INIT) {
		int err = bv_reject(&env->log, env->insn_idx, -EACCES,
				    "R%u !read_ok", regno);

		bv_explain_reg(env, regno);
		return err;
	}
	return 0;
}

int bv_check_reg_write(struct bv_env *env, uint32_t regno)
{
	if (regno >= BV_MAX_REG)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "R%u is invalid", regno);
	scratch(env, regno);
	if (regno == BV_REG_FP)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "frame pointer is read only");
	return 0;
}

/* A pointer whose value must not become visible as a number (only when
 * the loader may not leak pointers; kernel: is_pointer_value). */
static bool leaky_pointer(const struct bv_env *env, const struct bv_reg *r)
{
	return !env->f->allow_ptr_leaks && bv_reg_is_pointer(r);
}

static const char *type_str(const struct bv_env *env, bv_reg_type t,
			    char *buf, size_t size)
{
	return bv_reg_type_str(env, t, buf, size);
}

/* A scalar copy shares an id with its source so that a later comparison
 * of either refines both (constants need none, on kernels that know it). */
static void scalar_id_before_mov(struct bv_env *env, struct bv_reg *src)
{
	if (src->type != BV_SCALAR)
		return;
	/* a scalar linked `+K` to another links no further: the copy and
	 * the source get a fresh id of their own (kernel
	 * assign_scalar_id_before_mov) */
	if (src->id & BV_ID_ADD_CONST) {
		src->id = 0;
		src->off = 0;
	}
	if (!src->id && (!bv_scalar_is_const(&src->s) ||
			 !bv_kernel_has(env->f, BV_FEAT_MOV_CONST_NO_ID)))
		src->id = bv_new_id(env);
}

static int check_mov(struct bv_env *env, const struct bv_insn *insn)
{
	struct bv_reg *regs = bv_cur_regs(env);
	struct bv_reg *dst = &regs[insn->dst_reg];
	bool alu64 = BV_CLASS(insn->code) == BV_ALU64;
	int32_t idx = env->insn_idx;
	int err;

	if (BV_SRC(insn->code) == BV_X) {
		err = bv_check_reg_read(env, insn->src_reg);
		if (err)
			return err;
	}
	err = bv_check_reg_write(env, insn->dst_reg);
	if (err)
		return err;

	if (BV_SRC(insn->code) == BV_K) {
		if (alu64)
			bv_reg_mark_known(dst, (uint64_t)(int64_t)insn->imm, idx);
		else
			bv_reg_mark_known(dst, (uint32_t)insn->imm, idx);
		return 0;
	}

	struct bv_reg *src = &regs[insn->src_reg];
	int bits = insn->off;    /* movsx: 8, 16 or 32; 0 for a plain move */

	if (alu64 && bits == 0) {
		scalar_id_before_mov(env, src);
		*dst = *src;
		return 0;
	}
	if (alu64) {
		if (leaky_pointer(env, src))
			return bv_reject(&env->log, idx, -EACCES,
					 "R%d sign-extension part of pointer",
					 insn->src_reg);
		if (src->type != BV_SCALAR) {
			bv_reg_mark_unknown(dst, idx);
			return 0;
		}
		bool no_sext = src->s.umax < (1ull << (bits - 1));
		struct bv_scalar v = src->s;

		if (no_sext)
			scalar_id_before_mov(env, src);
		*dst = *src;
		if (!no_sext)
			dst->id = 0;
		if (!no_sext)
			dst->off = 0;
		bv_scalar_movsx(&dst->s, &v, bits, false);
		return 0;
	}
	/* 32-bit moves: w_dst = w_src, or sign-extending w_dst = (s8/s16)w_src */
	if (leaky_pointer(env, src))
		return bv_reject(&env->log, idx, -EACCES,
				 "R%d partial copy of pointer", insn->src_reg);
	if (src->type != BV_SCALAR) {
		bv_reg_mark_unknown(dst, idx);
		bv_scalar_zext32(&dst->s);
		return 0;
	}
	{
		struct bv_scalar v = src->s;
		/* The copy may share an id only when both hold the same value
		 * afterwards. */
		bool same = bits == 0 ? src->s.umax <= UINT32_MAX
				      : src->s.umax < (1ull << (bits - 1));

		/* older kernels never link a 32-bit copy */
		if (!bv_kernel_has(env->f, BV_FEAT_MOV_CONST_NO_ID))
			same = false;

		if (same)
			scalar_id_before_mov(env, src);
		*dst = *src;
		if (!same) {
			dst->id = 0;
			dst->off = 0;
		}
		if (bits == 0)
			bv_scalar_zext32(&dst->s);
		else
			bv_scalar_movsx(&dst->s, &v, bits, true);
	}
	return 0;
}

/* Offsets a pointer may carry before the kernel calls them insane
 * (kernel: check_reg_sane_offset). */
static int check_sane_offset(struct bv_env *env, const struct bv_reg *r,
			     bv_reg_type type)
{
	char tb[64];
	bool known = bv_tnum_is_const(r->s.var_off);
	int64_t val = (int64_t)r->s.var_off.value;
	int64_t smin = r->s.smin;

	if (known && (val >= MAX_VAR_OFF || val <= -MAX_VAR_OFF))
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "math between %s pointer and %lld is not allowed",
				 type_str(env, type, tb, sizeof(tb)), (long long)val);
	if (r->off >= MAX_VAR_OFF || r->off <= -MAX_VAR_OFF)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "%s pointer offset %d is not allowed",
				 type_str(env, type, tb, sizeof(tb)), r->off);
	if (smin == INT64_MIN)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "math between %s pointer and register with unbounded min value is not allowed",
				 type_str(env, type, tb, sizeof(tb)));
	if (smin >= MAX_VAR_OFF || smin <= -MAX_VAR_OFF)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "value %lld makes %s pointer be out of bounds",
				 (long long)smin, type_str(env, type, tb, sizeof(tb)));
	return 0;
}

static bool add_overflows(int64_t a, int64_t b, int64_t *r)
{
	return __builtin_add_overflow(a, b, r);
}

/* dst = ptr OP off, where dst is ptr's or off's register (kernel:
 * adjust_ptr_min_max_vals). Pointers carry no 32-bit bounds. */
static int ptr_alu(struct bv_env *env, const struct bv_insn *insn,
		   const struct bv_reg *ptr_in, const struct bv_reg *off_in)
{
	struct bv_reg *dst = &bv_cur_regs(env)[insn->dst_reg];
	struct bv_reg ptr = *ptr_in, off = *off_in;   /* dst may alias either */
	uint8_t op = BV_OP(insn->code);
	uint32_t d = insn->dst_reg;
	bool known = bv_tnum_is_const(off.s.var_off);
	const struct bv_scalar *o = &off.s, *p = &ptr.s;
	char tb[64];
	int err;

	if ((known && (o->smin != o->smax || o->umin != o->umax)) ||
	    o->smin > o->smax || o->umin > o->umax) {
		/* Bounds from a dead branch: the kernel taints the result. */
		bv_reg_mark_unknown(dst, env->insn_idx);
		return 0;
	}
	if (BV_CLASS(insn->code) != BV_ALU64) {
		if (op == BV_SUB && env->f->allow_ptr_leaks) {
			bv_reg_mark_unknown(dst, env->insn_idx);
			return 0;
		}
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u 32-bit pointer arithmetic prohibited", d);
	}
	if (ptr.type & BV_PTR_MAYBE_NULL) {
		err = bv_reject(&env->log, env->insn_idx, -EACCES,
				"R%u pointer arithmetic on %s prohibited, null-check it first",
				d, type_str(env, ptr.type, tb, sizeof(tb)));
		bv_explain_reg(env, ptr_in == dst ? d : insn->src_reg);
		return err;
	}
	switch (BV_BASE_TYPE(ptr.type)) {
	case BV_PTR_TO_CTX: case BV_PTR_TO_MAP_VALUE: case BV_PTR_TO_MAP_KEY:
	case BV_PTR_TO_STACK: case BV_PTR_TO_PACKET_META: case BV_PTR_TO_PACKET:
	case BV_PTR_TO_TP_BUFFER: case BV_PTR_TO_BTF_ID: case BV_PTR_TO_MEM:
	case BV_PTR_TO_BUF: case BV_PTR_TO_FUNC: case BV_CONST_PTR_TO_DYNPTR:
		break;
	case BV_PTR_TO_FLOW_KEYS:
		if (known)
			break;
		/* fallthrough */
	case BV_CONST_PTR_TO_MAP:
		if (BV_BASE_TYPE(ptr.type) == BV_CONST_PTR_TO_MAP && known &&
		    o->smin == 0 && op == BV_ADD)
			break;
		/* fallthrough */
	default:
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u pointer arithmetic on %s prohibited",
				 d, type_str(env, ptr.type, tb, sizeof(tb)));
	}
	err = check_sane_offset(env, &off, ptr.type);
	if (!err)
		err = check_sane_offset(env, &ptr, ptr.type);
	if (err)
		return err;
	if (!env->f->perfmon_capable)
		return bv_unsupported(&env->log, env->insn_idx,
				      "pointer arithmetic sanitation for unprivileged loaders");

	struct bv_reg res = ptr;   /* type, payload, frame, fixed offset */
	bool dst_is_off = dst == off_in;

	res.id = ptr.id;
	res.origin = ptr.origin;
	if (dst_is_off)
		res.ref_obj_id = off.ref_obj_id;
	switch (op) {
	case BV_ADD:
		if (known && (int64_t)ptr.off + o->smin ==
			     (int64_t)(int32_t)(ptr.off + o->smin)) {
			/* pointer += K: into the fixed offset */
			res.off = (int32_t)(ptr.off + o->smin);
			break;
		}
		if (add_overflows(p->smin, o->smin, &res.s.smin) ||
		    add_overflows(p->smax, o->smax, &res.s.smax)) {
			res.s.smin = INT64_MIN;
			res.s.smax = INT64_MAX;
		}
		if (__builtin_add_overflow(p->umin, o->umin, &res.s.umin) ||
		    __builtin_add_overflow(p->umax, o->umax, &res.s.umax)) {
			res.s.umin = 0;
			res.s.umax = UINT64_MAX;
		}
		res.s.var_off = bv_tnum_add(p->var_off, o->var_off);
		if (bv_reg_is_pkt_pointer(&ptr)) {
			/* Something was added: a new packet pointer, range 0. */
			res.id = bv_new_id(env);
			res.range = 0;
		}
		break;
	case BV_SUB:
		if (dst_is_off)
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "R%u tried to subtract pointer from scalar", d);
		if (BV_BASE_TYPE(ptr.type) == BV_PTR_TO_STACK)
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "R%u subtraction from stack pointer prohibited", d);
		if (known && (int64_t)ptr.off - o->smin ==
			     (int64_t)(int32_t)(ptr.off - o->smin)) {
			res.off = (int32_t)(ptr.off - o->smin);
			break;
		}
		if (__builtin_sub_overflow(p->smin, o->smax, &res.s.smin) ||
		    __builtin_sub_overflow(p->smax, o->smin, &res.s.smax)) {
			res.s.smin = INT64_MIN;
			res.s.smax = INT64_MAX;
		}
		if (p->umin < o->umax) {
			res.s.umin = 0;
			res.s.umax = UINT64_MAX;
		} else {
			res.s.umin = p->umin - o->umax;
			res.s.umax = p->umax - o->umin;
		}
		res.s.var_off = bv_tnum_sub(p->var_off, o->var_off);
		if (bv_reg_is_pkt_pointer(&ptr)) {
			res.id = bv_new_id(env);
			/* Subtracting a known non-negative keeps the range. */
			if (o->smin < 0)
				res.range = 0;
		}
		break;
	case BV_AND:
	case BV_OR:
	case BV_XOR:
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u bitwise operator %s on pointer prohibited",
				 d, alu_str[op >> 4]);
	default:
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u pointer arithmetic with %s operator prohibited",
				 d, alu_str[op >> 4]);
	}
	/* pointer types carry no 32-bit bounds */
	res.s.s32_min = INT32_MIN;
	res.s.s32_max = INT32_MAX;
	res.s.u32_min = 0;
	res.s.u32_max = UINT32_MAX;
	err = check_sane_offset(env, &res, res.type);
	if (err)
		return err;
	bv_scalar_sync(&res.s);
	*dst = res;
	return 0;
}

int bv_check_alu(struct bv_env *env, const struct bv_insn *insn)
{
	struct bv_reg *regs = bv_cur_regs(env);
	uint8_t op = BV_OP(insn->code);
	bool alu32 = BV_CLASS(insn->code) == BV_ALU;
	uint32_t d = insn->dst_reg;
	int32_t idx = env->insn_idx;
	int err;

	if (d >= BV_MAX_REG || (BV_SRC(insn->code) == BV_X && insn->src_reg >= BV_MAX_REG))
		return bv_reject(&env->log, idx, -EINVAL, "R%u is invalid",
				 d >= BV_MAX_REG ? d : insn->src_reg);

	if (op == BV_NEG || op == BV_END) {
		err = bv_check_reg_read(env, d);
		if (err)
			return err;
		if (leaky_pointer(env, &regs[d]))
			return bv_reject(&env->log, idx, -EACCES,
					 "R%u pointer arithmetic prohibited", d);
		err = bv_check_reg_write(env, d);
		if (err)
			return err;
		/* NEG keeps the range; END keeps the tnum, swapped or cut, on
		 * kernels that track byte swaps; otherwise (and for NEG of a
		 * pointer) the result is an unknown scalar. */
		if (op == BV_NEG && regs[d].type == BV_SCALAR) {
			bv_scalar_neg(&regs[d].s, alu32);
			regs[d].id = 0;
			regs[d].off = 0;
			regs[d].origin = idx;
		} else if (op == BV_END && regs[d].type == BV_SCALAR &&
			   bv_kernel_has(env->f, BV_FEAT_BSWAP_TNUM)) {
			bv_scalar_end(&regs[d].s, insn->imm,
				      alu32 && BV_SRC(insn->code) == BV_TO_BE, !alu32);
			regs[d].id = 0;
			regs[d].off = 0;
			regs[d].origin = idx;
		} else {
			bv_reg_mark_unknown(&regs[d], idx);
		}
		return 0;
	}
	if (op == BV_MOV)
		return check_mov(env, insn);

	if (BV_SRC(insn->code) == BV_X) {
		err = bv_check_reg_read(env, insn->src_reg);
		if (err)
			return err;
	}
	err = bv_check_reg_read(env, d);
	if (err)
		return err;
	/* "div by zero", "invalid shift %d": after the operand reads */
	err = bv_check_insn_encoding_phase(&env->log, env->f, env->info.insns,
					   env->info.insn_cnt, (uint32_t)idx,
					   BV_ENC_AFTER_DST_READ);
	if (err)
		return err;
	err = bv_check_reg_write(env, d);
	if (err)
		return err;

	struct bv_reg *dst = &regs[d];
	struct bv_reg imm_reg;
	const struct bv_reg *src;

	if (BV_SRC(insn->code) == BV_X) {
		src = &regs[insn->src_reg];
		if (src->type != BV_SCALAR) {
			if (dst->type != BV_SCALAR) {
				/* pointer OP pointer: only a difference, and only
				 * when it may be seen as a number */
				if (op == BV_SUB && env->f->allow_ptr_leaks) {
					bv_reg_mark_unknown(dst, idx);
					return 0;
				}
				return bv_reject(&env->log, idx, -EACCES,
						 "R%u pointer %s pointer prohibited",
						 d, alu_str[op >> 4]);
			}
			/* scalar += pointer: the offset's value matters */
			err = bv_mark_precise(env, d);
			if (err)
				return err;
			return ptr_alu(env, insn, src, dst);
		}
	} else {
		bv_reg_mark_known(&imm_reg, (uint64_t)(int64_t)insn->imm, idx);
		src = &imm_reg;
	}
	if (dst->type != BV_SCALAR) {
		if (BV_SRC(insn->code) == BV_X) {  /* the offset's value matters */
			err = bv_mark_precise(env, insn->src_reg);
			if (err)
				return err;
		}
		return ptr_alu(env, insn, dst, src);
	}
	if (BV_SRC(insn->code) == BV_X && dst->precise) {
		err = bv_mark_precise(env, insn->src_reg);
		if (err)
			return err;
	}

	{
		struct bv_scalar sv = src->s;
		bool src_const = alu32 ? bv_scalar_subreg_is_const(&sv) : bv_scalar_is_const(&sv);
		uint64_t val = src_const ? bv_scalar_value(&sv) : 0;
		uint64_t dst_umax = dst->s.umax;
		uint32_t id = dst->id;
		bool same_reg = BV_SRC(insn->code) == BV_X && insn->src_reg == d;

		/* 6.18 splits `mask &= K` / `mask |= K` when the mask is 0 or
		 * -1 in its low half: the queued path runs this instruction
		 * again with the low half 0, this one goes on with all ones. */
		if (bv_scalar_alu_splits(&dst->s, &sv, op)) {
			struct bv_state *zero = bv_push_branch(env, idx, idx);

			if (!zero)
				return -ENOMEM;
			bv_scalar_set_subreg_const(&zero->frame[zero->curframe]->regs[d].s, 0);
			bv_scalar_set_subreg_const(&dst->s, UINT32_MAX);
		}
		bv_scalar_alu_ex(&dst->s, &sv, op, alu32, insn->off == 1,
				 (bv_kernel_has(env->f, BV_FEAT_MUL_SIGNED_BOUNDS) ? 0 :
				  BV_SCALAR_MUL_UNSIGNED_ONLY) |
				 (bv_kernel_has(env->f, BV_FEAT_ALU_NONCONST_SRC) ? 0 :
				  BV_SCALAR_CONST_SRC_ONLY));
		dst->id = 0;
		dst->off = 0;
		/* `rX += K` / `rX -= K` keeps rX linked to its copies, K apart,
		 * once (Linux 6.18.y; privileged only) */
		if (env->f->bpf_capable && bv_kernel_has(env->f, BV_FEAT_LINKED_ADD_CONST) &&
		    (op == BV_ADD || op == BV_SUB) && id &&
		    src_const && !same_reg && !(id & BV_ID_ADD_CONST)) {
			int64_t v = alu32 ? (int64_t)(int32_t)(uint32_t)val : (int64_t)val;
			bool ok = alu32 ? dst_umax <= UINT32_MAX
					: v >= INT32_MIN && v <= INT32_MAX;

			if (ok && op == BV_SUB && v == INT32_MIN)
				ok = false;
			if (ok) {
				dst->id = id | (alu32 ? BV_ID_ADD_CONST32 : BV_ID_ADD_CONST64);
				dst->off = (int32_t)(op == BV_SUB ? -v : v);
			}
		}
	}
	dst->origin = idx;
	return 0;
}
