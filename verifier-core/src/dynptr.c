/* dynptr.c — dynamic pointers (struct bpf_dynptr) as the kernel's verifier
 * models them: a 16-byte object on the stack (two BV_STACK_DYNPTR slots,
 * the upper one its "first slot") that a helper or kfunc initialises
 * (bpf_ringbuf_reserve_dynptr, bpf_dynptr_from_mem, bpf_dynptr_from_skb,
 * bpf_dynptr_from_xdp), others read (bpf_dynptr_read/write/data, the
 * slices) and the ring buffer's submit/discard release.
 *
 * A slot's spilled_ptr records the dynptr's kind and first_slot, its own
 * id (kernels with dynptr-ids: slices name it, destroying the dynptr
 * invalidates them) and, for ring buffer dynptrs, the reference
 * (ref_obj_id) their record holds. Slices are PTR_TO_MEM with the size
 * asked for, the dynptr's reference and id; skb and xdp slices carry the
 * dynptr type flag, so that packet-changing helpers invalidate them as
 * they do packet pointers.
 *
 * Kernel: process_dynptr_func, mark_stack_slots_dynptr,
 * unmark_stack_slots_dynptr, destroy_if_dynptr_stack_slot and the
 * dynptr cases of check_helper_call / check_kfunc_call.
 */
#include <errno.h>
#include <string.h>

#include "dynptr.h"

#define DYNPTR_SIZE 16
#define DYNPTR_SLOTS 2

static bool has_ids(const struct bv_env *env)
{
	return bv_kernel_has(env->f, BV_FEAT_DYNPTR_IDS);
}

static enum bv_dynptr_kind kind_of(bv_arg_type t)
{
	switch (t & BV_DYNPTR_TYPE_MASK) {
	case BV_DYNPTR_TYPE_LOCAL: return BV_DYNPTR_LOCAL;
	case BV_DYNPTR_TYPE_RINGBUF: return BV_DYNPTR_RINGBUF;
	case BV_DYNPTR_TYPE_SKB: return BV_DYNPTR_SKB;
	case BV_DYNPTR_TYPE_XDP: return BV_DYNPTR_XDP;
	default: return BV_DYNPTR_INVALID;
	}
}

bv_reg_type bv_dynptr_type_flag(enum bv_dynptr_kind k)
{
	switch (k) {
	case BV_DYNPTR_LOCAL: return BV_DYNPTR_TYPE_LOCAL;
	case BV_DYNPTR_RINGBUF: return BV_DYNPTR_TYPE_RINGBUF;
	case BV_DYNPTR_SKB: return BV_DYNPTR_TYPE_SKB;
	case BV_DYNPTR_XDP: return BV_DYNPTR_TYPE_XDP;
	default: return 0;
	}
}

static const char *kind_name(const struct bv_env *env, enum bv_dynptr_kind k)
{
	switch (k) {
	case BV_DYNPTR_LOCAL: return "local";
	case BV_DYNPTR_RINGBUF: return "ringbuf";
	case BV_DYNPTR_SKB: return "skb";
	case BV_DYNPTR_XDP: return "xdp";
	default: return has_ids(env) ? "<invalid>" : "<unknown>";
	}
}

static bool refcounted(enum bv_dynptr_kind k)
{
	return k == BV_DYNPTR_RINGBUF;
}

static struct bv_frame *frame_of(struct bv_env *env, const struct bv_reg *r)
{
	return env->cur->frame[r->frameno <= env->cur->curframe ? r->frameno : env->cur->curframe];
}

/* The first slot a stack pointer names (kernel: dynptr_get_spi); the
 * kernel's message when it names none. -ERANGE: beyond the stack written
 * so far (no message). */
static int get_spi(struct bv_env *env, const struct bv_reg *r, bool quiet)
{
	int64_t off;
	int spi;

	if (!bv_tnum_is_const(r->s.var_off)) {
		if (!quiet)
			bv_reject(&env->log, env->insn_idx, -EINVAL,
				  "dynptr has to be at a constant offset");
		return -EINVAL;
	}
	off = r->off + (int64_t)r->s.var_off.value;
	if (!has_ids(env))
		off = r->off;    /* older kernels look at the fixed part only */
	if (off % BV_REG_SIZE) {
		if (!quiet)
			bv_reject(&env->log, env->insn_idx, -EINVAL,
				  "cannot pass in dynptr at an offset=%d", (int)off);
		return -EINVAL;
	}
	spi = (int)((-off - 1) / BV_REG_SIZE);
	if (spi + 1 < DYNPTR_SLOTS) {
		if (!quiet)
			bv_reject(&env->log, env->insn_idx, -EINVAL,
				  "cannot pass in dynptr at an offset=%d", (int)off);
		return -EINVAL;
	}
	if (off >= 0 || (uint32_t)spi >= frame_of(env, r)->allocated_stack / BV_REG_SIZE)
		return -ERANGE;
	return spi;
}

static bool valid_init(struct bv_env *env, const struct bv_reg *r, int *spi_out)
{
	const struct bv_frame *fr = frame_of(env, r);
	int spi, i;

	if (r->type == BV_CONST_PTR_TO_DYNPTR)
		return true;
	spi = get_spi(env, r, true);
	if (spi < 0 || !fr->stack[spi].spilled_ptr.dynptr.first_slot)
		return false;
	for (i = 0; i < BV_REG_SIZE; i++)
		if (fr->stack[spi].slot_type[i] != BV_STACK_DYNPTR ||
		    fr->stack[spi - 1].slot_type[i] != BV_STACK_DYNPTR)
			return false;
	*spi_out = spi;
	return true;
}

static const struct bv_reg *dynptr_state(struct bv_env *env, const struct bv_reg *r)
{
	int spi = -1;

	if (r->type == BV_CONST_PTR_TO_DYNPTR)
		return r;
	if (!valid_init(env, r, &spi))
		return NULL;
	return &frame_of(env, r)->stack[spi].spilled_ptr;
}

static void mark_slot_reg(struct bv_reg *s, enum bv_dynptr_kind k, bool first, uint32_t id,
			  uint32_t ref_obj_id, int32_t origin)
{
	memset(s, 0, sizeof(*s));
	bv_reg_mark_ptr(s, BV_CONST_PTR_TO_DYNPTR, origin);
	s->dynptr.kind = (uint8_t)k;
	s->dynptr.first_slot = first;
	s->id = id;
	s->ref_obj_id = ref_obj_id;
	s->origin = origin;
}

/* Turn the 16 bytes at regno into a dynptr of kind k (kernel:
 * mark_stack_slots_dynptr); the stores have been checked. */
static int mark_slots(struct bv_env *env, uint32_t regno, enum bv_dynptr_kind k)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_frame *fr = frame_of(env, r);
	int spi = get_spi(env, r, false), i, err;
	uint32_t id = 0, ref = 0;

	if (spi < 0)
		return spi == -ERANGE ? bv_reject(&env->log, env->insn_idx, -EFAULT,
						  "verifier internal error: dynptr slots beyond the stack")
				      : spi;
	if (has_ids(env)) {
		err = bv_dynptr_destroy_slot(env, fr, spi);
		if (!err)
			err = bv_dynptr_destroy_slot(env, fr, spi - 1);
		if (err)
			return err;
	}
	for (i = 0; i < BV_REG_SIZE; i++) {
		fr->stack[spi].slot_type[i] = BV_STACK_DYNPTR;
		fr->stack[spi - 1].slot_type[i] = BV_STACK_DYNPTR;
	}
	if (k == BV_DYNPTR_INVALID)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "verifier internal error: dynptr of no known type");
	if (has_ids(env))
		id = bv_new_id(env);
	if (refcounted(k)) {
		ref = bv_ref_acquire(env, env->insn_idx, BV_REF_PTR);
		if (!ref)
			return bv_unsupported(&env->log, env->insn_idx, "out of memory");
	}
	mark_slot_reg(&fr->stack[spi].spilled_ptr, k, true, id, ref, env->insn_idx);
	mark_slot_reg(&fr->stack[spi - 1].spilled_ptr, k, false, id, ref, env->insn_idx);
	return 0;
}

/* The 16 bytes a dynptr is built in are written (as 8-byte stores). */
static int write_slots(struct bv_env *env, uint32_t regno)
{
	for (int i = 0; i < DYNPTR_SIZE; i += BV_REG_SIZE) {
		int err = bv_check_mem_access(env, env->insn_idx, regno, i, BV_REG_SIZE,
					      BV_WRITE, -1, false);

		if (err)
			return err;
	}
	return 0;
}

static void invalidate_slots(struct bv_frame *fr, int spi)
{
	for (int i = 0; i < BV_REG_SIZE; i++) {
		fr->stack[spi].slot_type[i] = BV_STACK_INVALID;
		fr->stack[spi - 1].slot_type[i] = BV_STACK_INVALID;
	}
	bv_reg_mark_not_init(&fr->stack[spi].spilled_ptr);
	bv_reg_mark_not_init(&fr->stack[spi - 1].spilled_ptr);
}

struct slice_arg {
	uint32_t dynptr_id;
	bool allow_ptr_leaks;
};

static void invalidate_slice(struct bv_reg *r, void *arg)
{
	const struct slice_arg *a = arg;
	int32_t origin = r->origin;

	/* the kernel looks at plain (writable) memory slices only */
	if (r->type != BV_PTR_TO_MEM && r->type != (BV_PTR_TO_MEM | BV_PTR_MAYBE_NULL))
		return;
	if (r->dynptr_id != a->dynptr_id)
		return;
	if (a->allow_ptr_leaks)
		bv_reg_mark_unknown(r, origin);
	else
		bv_reg_mark_not_init(r);
}

int bv_dynptr_destroy_slot(struct bv_env *env, struct bv_frame *fr, int spi)
{
	struct slice_arg a;

	if (!has_ids(env) || spi < 0 || (uint32_t)spi >= fr->allocated_stack / BV_REG_SIZE ||
	    fr->stack[spi].slot_type[0] != BV_STACK_DYNPTR)
		return 0;
	if (!fr->stack[spi].spilled_ptr.dynptr.first_slot)
		spi++;
	if ((uint32_t)spi >= fr->allocated_stack / BV_REG_SIZE)
		return 0;
	if (refcounted((enum bv_dynptr_kind)fr->stack[spi].spilled_ptr.dynptr.kind))
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "cannot overwrite referenced dynptr");
	if (fr == bv_cur_frame(env->cur) && spi < 64) {
		env->scratched_stack |= 1ull << spi;
		env->scratched_stack |= 1ull << (spi - 1);
	}
	a.dynptr_id = fr->stack[spi].spilled_ptr.id;
	a.allow_ptr_leaks = env->f->allow_ptr_leaks;
	for (int i = 0; i < BV_REG_SIZE; i++) {
		fr->stack[spi].slot_type[i] = BV_STACK_INVALID;
		fr->stack[spi - 1].slot_type[i] = BV_STACK_INVALID;
	}
	bv_for_each_reg(env->cur, invalidate_slice, &a);
	bv_reg_mark_not_init(&fr->stack[spi].spilled_ptr);
	bv_reg_mark_not_init(&fr->stack[spi - 1].spilled_ptr);
	return 0;
}

int bv_dynptr_release_check(struct bv_env *env, uint32_t regno)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int spi;

	if (r->type != BV_PTR_TO_STACK)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "cannot release unowned const bpf_dynptr");
	spi = has_ids(env) ? get_spi(env, r, false) : get_spi(env, r, true);
	if (spi == -EINVAL && has_ids(env))
		return -EINVAL;  /* get_spi said why */
	if (spi < 0 || !frame_of(env, r)->stack[spi].spilled_ptr.ref_obj_id)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "arg %u is an unacquired reference", regno);
	return 0;
}

int bv_dynptr_arg(struct bv_env *env, uint32_t regno, uint32_t argno, bv_arg_type arg_type,
		  struct bv_dynptr_meta *m)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int spi = -1, err;

	if (r->type != BV_PTR_TO_STACK && r->type != BV_CONST_PTR_TO_DYNPTR)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "arg#%u expected pointer to stack or const struct bpf_dynptr",
				 regno - 1);
	/* older kernels: the argument's offset is checked with the others' */
	if (!has_ids(env) && r->type == BV_PTR_TO_STACK && r->off % BV_REG_SIZE)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "cannot pass in dynptr at an offset");
	if (arg_type & BV_MEM_UNINIT) {
		if (r->type == BV_CONST_PTR_TO_DYNPTR)
			return bv_reject(&env->log, env->insn_idx, -EINVAL,
					 "Dynptr has to be an uninitialized dynptr");
		if (has_ids(env)) {
			spi = get_spi(env, r, false);
			if (spi < 0 && spi != -ERANGE)
				return bv_reject(&env->log, env->insn_idx, -EINVAL,
						 "Dynptr has to be an uninitialized dynptr");
			err = write_slots(env, regno);
			return err ? err : mark_slots(env, regno, kind_of(arg_type));
		}
		/* older kernels: any dynptr byte there refuses it, and the
		 * slots are marked after every argument was checked */
		spi = get_spi(env, r, true);
		if (spi >= 0) {
			const struct bv_frame *fr = frame_of(env, r);

			for (int i = 0; i < BV_REG_SIZE; i++)
				if (fr->stack[spi].slot_type[i] == BV_STACK_DYNPTR ||
				    fr->stack[spi - 1].slot_type[i] == BV_STACK_DYNPTR)
					return bv_reject(&env->log, env->insn_idx, -EINVAL,
							 "Dynptr has to be an uninitialized dynptr");
		}
		if (m->uninit_regno)
			return bv_reject(&env->log, env->insn_idx, -EFAULT,
					 "verifier internal error: multiple uninitialized dynptr args");
		m->uninit_regno = regno;
		m->uninit_kind = kind_of(arg_type);
		return 0;
	}
	if (r->type == BV_CONST_PTR_TO_DYNPTR && !(arg_type & BV_MEM_RDONLY))
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "cannot pass pointer to const bpf_dynptr, the helper mutates it");
	if (!valid_init(env, r, &spi)) {
		/* a misplaced pointer says so first */
		if (has_ids(env) && r->type == BV_PTR_TO_STACK) {
			err = get_spi(env, r, false);
			if (err == -EINVAL)
				return err;
		}
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "Expected an initialized dynptr as arg #%u",
				 has_ids(env) ? regno - 1 : argno + 1);
	}
	{
		const struct bv_reg *d = dynptr_state(env, r);
		enum bv_dynptr_kind want = kind_of(arg_type);

		if ((arg_type & BV_DYNPTR_TYPE_MASK) && d->dynptr.kind != want)
			return bv_reject(&env->log, env->insn_idx, -EINVAL,
					 "Expected a dynptr of type %s as arg #%u",
					 kind_name(env, want), has_ids(env) ? regno - 1 : argno + 1);
		m->kind = (enum bv_dynptr_kind)d->dynptr.kind;
		m->id = d->id;
		m->ref_obj_id = d->ref_obj_id;
		m->regno = regno;
	}
	return 0;
}

int bv_dynptr_mark_late(struct bv_env *env, const struct bv_dynptr_meta *m)
{
	int err;

	if (!m->uninit_regno)
		return 0;
	err = write_slots(env, m->uninit_regno);
	return err ? err : mark_slots(env, m->uninit_regno, m->uninit_kind);
}

int bv_dynptr_release(struct bv_env *env, uint32_t regno)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_frame *fr = frame_of(env, r);
	int spi = get_spi(env, r, true);
	uint32_t ref;

	if (spi < 0)
		return -EINVAL;
	if (!refcounted((enum bv_dynptr_kind)fr->stack[spi].spilled_ptr.dynptr.kind)) {
		invalidate_slots(fr, spi);
		return 0;
	}
	ref = fr->stack[spi].spilled_ptr.ref_obj_id;
	/* the record's slices go with it, then the dynptr (and its clones) */
	if (bv_ref_release(env, ref))
		return -EINVAL;
	for (uint32_t i = 1; i < fr->allocated_stack / BV_REG_SIZE; i++)
		if (fr->stack[i].slot_type[0] == BV_STACK_DYNPTR &&
		    fr->stack[i].spilled_ptr.ref_obj_id == ref &&
		    fr->stack[i].spilled_ptr.dynptr.first_slot)
			invalidate_slots(fr, (int)i);
	return 0;
}

void bv_dynptr_slice_reg(struct bv_env *env, struct bv_reg *r0, const struct bv_dynptr_meta *m)
{
	r0->dynptr_id = m->id;
	r0->ref_obj_id = m->ref_obj_id;
	(void)env;
}

enum bv_dynptr_kind bv_dynptr_kind_at(struct bv_env *env, uint32_t regno)
{
	const struct bv_reg *d = dynptr_state(env, &bv_cur_regs(env)[regno]);

	return d ? (enum bv_dynptr_kind)d->dynptr.kind : BV_DYNPTR_INVALID;
}

/* ---- kfuncs: bpf_dynptr_from_skb/_xdp and the slices ---- */

static bool named(const struct bv_kfunc_desc *d, const char *name)
{
	return d->name && strcmp(d->name, name) == 0;
}

/* Kernel check_kfunc_mem_size_reg: the buffer of a (buffer, size) pair
 * is read, then written, for the size's largest value. */
static int kfunc_mem_size(struct bv_env *env, uint32_t regno, uint32_t argno)
{
	const struct bv_reg *sz = &bv_cur_regs(env)[regno + 1];
	int err = 0;

	if (sz->type != BV_SCALAR)
		return bv_reject(&env->log, env->insn_idx, -EINVAL, "R%u is not a scalar",
				 regno + 1);
	if (sz->s.smin < 0)
		err = bv_reject(&env->log, env->insn_idx, -EACCES,
				"R%u min value is negative, either use unsigned or 'var &= const'",
				regno + 1);
	else if (sz->s.umax >= (1ULL << 29))
		err = bv_reject(&env->log, env->insn_idx, -EACCES,
				"R%u unbounded memory access, use 'var &= const' or 'if (var < const)'",
				regno + 1);
	for (int pass = 0; !err && pass < 2; pass++) {
		err = bv_check_helper_mem_access(env, regno, (int32_t)sz->s.umax, true,
						 pass ? BV_WRITE : BV_READ);
		if (!err)
			err = bv_mark_precise(env, regno + 1);
	}
	if (err && err != -ENOMEM)
		bv_reject(&env->log, env->insn_idx, -EINVAL,
			  "arg#%u arg#%u memory, len pair leads to invalid memory access",
			  argno, argno + 1);
	return err;
}

int bv_dynptr_kfunc_arg(struct bv_env *env, const struct bv_kfunc_desc *d, uint32_t argno,
			struct bv_dynptr_meta *m)
{
	const struct bv_kfunc_arg *a = &d->args[argno];
	uint32_t regno = argno + 1;
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int err = 0;

	/* check_func_arg_reg_off, for the argument kinds here */
	if (!bv_arg_may_have_off(r->type))
		err = bv_check_ptr_off_reg(env, regno, false);
	if (err)
		return err;
	switch (a->kind) {
	case BV_KF_ARG_CTX:
		if (r->type != BV_PTR_TO_CTX) {
			char b[64];

			return bv_reject(&env->log, env->insn_idx, -EINVAL,
					 "arg#%u expected pointer to ctx, but got %s", argno,
					 bv_reg_type_str(env, r->type, b, sizeof(b)));
		}
		return 0;
	case BV_KF_ARG_DYNPTR: {
		bv_arg_type t = BV_ARG_PTR_TO_DYNPTR;

		if (r->type == BV_CONST_PTR_TO_DYNPTR)
			t |= BV_MEM_RDONLY;
		if (a->uninit)
			t |= BV_MEM_UNINIT;
		if (named(d, "bpf_dynptr_from_skb"))
			t |= BV_DYNPTR_TYPE_SKB;
		else if (named(d, "bpf_dynptr_from_xdp"))
			t |= BV_DYNPTR_TYPE_XDP;
		if ((t & BV_MEM_UNINIT) && !has_ids(env))
			return bv_unsupported(&env->log, env->insn_idx,
					      "kfunc %s: dynptr kfuncs on a kernel without dynptr ids",
					      d->name);
		return bv_dynptr_arg(env, regno, argno, t, m);
	}
	case BV_KF_ARG_MEM:
		if (argno + 1 >= d->nargs || !d->args[argno + 1].is_sz)
			return bv_unsupported(&env->log, env->insn_idx,
					      "kfunc %s: argument %u ('%s')", d->name, argno, a->name);
		if (!(a->nullable && r->type == BV_SCALAR && bv_tnum_is_const(r->s.var_off) &&
		      r->s.var_off.value == 0)) {
			err = kfunc_mem_size(env, regno, argno);
			if (err)
				return err;
		}
		if (d->args[argno + 1].is_const) {
			const struct bv_reg *sz = &bv_cur_regs(env)[regno + 1];

			if (!bv_tnum_is_const(sz->s.var_off))
				return bv_reject(&env->log, env->insn_idx, -EINVAL,
						 "R%u must be a known constant", regno + 1);
			m->const_size = sz->s.var_off.value;
			m->const_size_found = true;
		}
		return 0;
	default:
		return bv_unsupported(&env->log, env->insn_idx, "kfunc %s: argument %u ('%s')",
				      d->name, argno, a->name);
	}
}

bool bv_dynptr_is_slice_kfunc(const struct bv_kfunc_desc *d)
{
	return named(d, "bpf_dynptr_slice") || named(d, "bpf_dynptr_slice_rdwr");
}

int bv_dynptr_kfunc_ret(struct bv_env *env, const struct bv_kfunc_desc *d,
			const struct bv_dynptr_meta *m)
{
	struct bv_reg *r0 = &bv_cur_regs(env)[0];
	int32_t idx = env->insn_idx;
	bv_reg_type t;

	if (!bv_dynptr_is_slice_kfunc(d))
		return bv_unsupported(&env->log, idx, "kfunc %s: its return type", d->name);
	if (!m->const_size_found)
		return bv_reject(&env->log, idx, -EFAULT,
				 "verifier internal error: bpf_dynptr_slice(_rdwr) no constant size");
	t = BV_PTR_TO_MEM | bv_dynptr_type_flag(m->kind);
	if (named(d, "bpf_dynptr_slice")) {
		t |= BV_MEM_RDONLY;
	} else if (!bv_may_access_pkt(env, BV_WRITE, true)) {
		return bv_reject(&env->log, idx, -EINVAL,
				 "the prog does not allow writes to packet data");
	} else {
		env->seen_direct_write = true;   /* as a direct packet write */
	}
	if (!m->id)
		return bv_reject(&env->log, idx, -EFAULT, "verifier internal error: no dynptr id");
	bv_reg_mark_ptr(r0, t, idx);
	r0->mem_size = (uint32_t)m->const_size;
	r0->dynptr_id = m->id;
	if (d->flags & BV_KF_RET_NULL) {
		r0->type |= BV_PTR_MAYBE_NULL;
		r0->id = bv_new_id(env);
	}
	return 0;
}
