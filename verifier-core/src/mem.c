/* mem.c — memory instructions and memory-access checks: LDX/STX/ST and
 * atomics, ld_imm64 (constants, maps, global data), legacy LD_ABS/IND, and
 * the access checks by pointer type (context, stack with spills and fills,
 * map keys and values, packet, memory from helpers) that loads, stores and
 * helper arguments share.
 *
 * Verdicts and messages follow the Linux 6.18 verifier (check_mem_access
 * and its helpers); only the facts carry over, the code is ours. Where the
 * kernel reads data we do not model (BTF-typed pointers, sockets, flow
 * keys, trace buffers), the check ends with bv_unsupported().
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dynptr.h"
#include "state.h"

/* Largest variable offset / size the kernel accepts (BPF_MAX_VAR_OFF,
 * BPF_MAX_VAR_SIZ). */
#define MAX_VAR_OFF (1LL << 29)
#define MAX_VAR_SIZ (1ULL << 29)
#define BPF_F_WRONLY_PROG (1u << 8)

/* ---- small predicates ---- */

static const char *tstr(const struct bv_env *env, bv_reg_type t, char *buf, size_t n)
{
	return bv_reg_type_str(env, t, buf, n);
}

/* Kernel __is_pointer_value: anything but a scalar counts as a pointer
 * unless pointers may leak (privileged). */
static bool leaks(const struct bv_env *env, const struct bv_reg *r)
{
	return !env->f->allow_ptr_leaks && r->type != BV_SCALAR;
}

static bool reg_is_null(const struct bv_reg *r)
{
	return r->type == BV_SCALAR && bv_tnum_equals_const(r->s.var_off, 0);
}

static bool var_is_const(const struct bv_reg *r)
{
	return bv_tnum_is_const(r->s.var_off);
}

static int size_bytes(uint8_t code)
{
	switch (BV_SIZE(code)) {
	case BV_B: return 1;
	case BV_H: return 2;
	case BV_W: return 4;
	default: return 8;
	}
}

/* The kernel's allow_uninit_stack / bypass_spec_v1 follow CAP_PERFMON. */
static bool allow_uninit_stack(const struct bv_env *env)
{
	return env->f->perfmon_capable;
}

/* Reads below the stack the path has written: privileged programs may
 * make them in kernels with the behaviour (the stack grows); older kernels
 * refuse a read below the allocated stack. */
static bool allow_uninit_read(const struct bv_env *env)
{
	return allow_uninit_stack(env) && bv_kernel_has(env->f, BV_FEAT_UNINIT_STACK_READ);
}

static void scratch_stack(struct bv_env *env, const struct bv_frame *fr, int spi)
{
	if (fr == bv_cur_frame(env->cur) && spi >= 0 && spi < 64)
		env->scratched_stack |= 1ULL << spi;
}

static void scratch_reg(struct bv_env *env, int regno)
{
	if (regno >= 0 && regno < BV_MAX_REG)
		env->scratched_regs |= 1u << regno;
}

/* ---- value of a loaded register ---- */

/* A load of fewer than 8 bytes zero-extends (or sign-extends for
 * BV_MEMSX) whatever scalar the access produced. */
static void coerce_loaded(struct bv_reg *r, int size, bool sign_ext)
{
	struct bv_scalar s;

	if (size >= BV_REG_SIZE || r->type != BV_SCALAR)
		return;
	if (sign_ext) {
		s = r->s;
		bv_scalar_movsx(&r->s, &s, size * 8, false);
	} else {
		bv_scalar_truncate(&r->s, size);
	}
}

static void mark_unknown_load(struct bv_env *env, int regno)
{
	bv_reg_mark_unknown(&bv_cur_regs(env)[regno], env->insn_idx);
	scratch_reg(env, regno);
}

/* ---- bounded regions: map key/value, helper memory, packet ---- */

/* Kernel __check_mem_access: [off, off+size) inside [0, mem_size). */
static int region_fits(struct bv_env *env, uint32_t regno, int64_t off, int size,
		       uint32_t mem_size, bool zero_size_allowed)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	bool size_ok = size > 0 || (size == 0 && zero_size_allowed);
	int32_t idx = env->insn_idx;

	if (off >= 0 && size_ok && (uint64_t)off + (uint64_t)size <= mem_size)
		return 0;
	switch (BV_BASE_TYPE(r->type)) {
	case BV_PTR_TO_MAP_KEY:
		return bv_reject(&env->log, idx, -EACCES,
				 "invalid access to map key, key_size=%d off=%d size=%d",
				 (int)mem_size, (int)off, size);
	case BV_PTR_TO_MAP_VALUE:
		return bv_reject(&env->log, idx, -EACCES,
				 "invalid access to map value, value_size=%d off=%d size=%d",
				 (int)mem_size, (int)off, size);
	case BV_PTR_TO_PACKET:
	case BV_PTR_TO_PACKET_META:
	case BV_PTR_TO_PACKET_END: {
		bool first = bv_cause_first(env);
		int err = bv_reject(&env->log, idx, -EACCES,
				    "invalid access to packet, off=%d size=%d, R%u(id=%u,off=%d,r=%d)",
				    (int)off, size, regno, r->id, (int)off, (int)mem_size);

		bv_cause_set(env, first, BV_CAUSE_PACKET_RANGE, idx, (int32_t)regno);
		return err;
	}
	default:
		return bv_reject(&env->log, idx, -EACCES,
				 "invalid access to memory, mem_size=%u off=%d size=%d",
				 mem_size, (int)off, size);
	}
}

/* Kernel check_mem_region_access: both ends of the variable part must
 * keep the access inside the region. */
static int region_access_bounds(struct bv_env *env, uint32_t regno, int32_t off, int size,
				uint32_t mem_size, bool zero_size_allowed);

/* A variable offset outside the region is an unchecked index: its cause
 * (for fix-its) is the access itself. */
static int region_access(struct bv_env *env, uint32_t regno, int32_t off, int size,
			 uint32_t mem_size, bool zero_size_allowed)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	bool first = bv_cause_first(env);
	bool variable = r->s.umin != r->s.umax || r->s.smin != r->s.smax;
	int err = region_access_bounds(env, regno, off, size, mem_size, zero_size_allowed);

	if (err && variable)
		bv_cause_set(env, first, BV_CAUSE_UNBOUNDED, env->insn_idx, (int32_t)regno);
	return err;
}

static int region_access_bounds(struct bv_env *env, uint32_t regno, int32_t off, int size,
				uint32_t mem_size, bool zero_size_allowed)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int32_t idx = env->insn_idx;
	int64_t lo = r->s.smin + off;
	int err;

	if (r->s.smin < 0 &&
	    (r->s.smin == INT64_MIN || lo != (int64_t)(int32_t)lo || lo < 0))
		return bv_reject(&env->log, idx, -EACCES,
				 "R%u min value is negative, either use unsigned index or do a if (index >=0) check.",
				 regno);
	err = region_fits(env, regno, lo, size, mem_size, zero_size_allowed);
	if (err)
		return bv_reject(&env->log, idx, err,
				 "R%u min value is outside of the allowed memory range", regno);
	if (r->s.umax >= (uint64_t)MAX_VAR_OFF)
		return bv_reject(&env->log, idx, -EACCES,
				 "R%u unbounded memory access, make sure to bounds check any such access",
				 regno);
	err = region_fits(env, regno, (int64_t)r->s.umax + off, size, mem_size,
			  zero_size_allowed);
	if (err)
		return bv_reject(&env->log, idx, err,
				 "R%u max value is outside of the allowed memory range", regno);
	return 0;
}

/* Special fields a map value may hold that loads and stores may not
 * touch (the facade names the two the core models). */
static int map_special_fields(struct bv_env *env, const struct bv_reg *r,
			      int32_t off, int size)
{
	const struct bv_map_desc *m = r->map.map;
	int64_t lo = r->s.smin + off;
	uint64_t hi = r->s.umax + (uint64_t)(int64_t)off + (uint64_t)size;
	struct { int32_t at; uint32_t len; const char *name; } f[2] = {
		{ m->spin_lock_off, 4, "bpf_spin_lock" },
		{ m->timer_off, 16, "bpf_timer" },
	};
	int i;

	for (i = 0; i < 2; i++) {
		if (f[i].at < 0)
			continue;
		if ((uint64_t)f[i].at < hi && lo < (int64_t)f[i].at + f[i].len)
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "%s cannot be accessed directly by load/store",
					 f[i].name);
	}
	return 0;
}

static int map_access_type(struct bv_env *env, const struct bv_reg *r, int32_t off,
			   int size, enum bv_access t)
{
	const struct bv_map_desc *m = r->map.map;

	if (t == BV_WRITE && m->rdonly_prog)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "write into map forbidden, value_size=%d off=%d size=%d",
				 (int)m->value_size, off, size);
	if (t == BV_READ && (m->map_flags & BPF_F_WRONLY_PROG))
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "read from map forbidden, value_size=%d off=%d size=%d",
				 (int)m->value_size, off, size);
	return 0;
}

static int map_value_access(struct bv_env *env, uint32_t regno, int32_t off, int size,
			    bool zero_size_allowed)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int err;

	if (!r->map.map)
		return bv_unsupported(&env->log, env->insn_idx,
				      "map value pointer without a map description");
	err = region_access(env, regno, off, size, r->map.map->value_size,
			    zero_size_allowed);
	if (err)
		return err;
	return map_special_fields(env, r, off, size);
}

/* The kernel's may_access_direct_pkt_data, by program type. pkt_access:
 * for helper arguments, whether the helper accepts packet memory (-1: not
 * a helper argument). */
static bool may_access_pkt(struct bv_env *env, enum bv_access t, int pkt_access)
{
	switch (env->f->prog_type) {
	case BV_PROG_TYPE_LWT_IN:
	case BV_PROG_TYPE_LWT_OUT:
	case BV_PROG_TYPE_LWT_SEG6LOCAL:
	case BV_PROG_TYPE_SK_REUSEPORT:
	case BV_PROG_TYPE_FLOW_DISSECTOR:
	case BV_PROG_TYPE_CGROUP_SKB:
		if (t == BV_WRITE)
			return false;
		/* fallthrough */
	case BV_PROG_TYPE_SCHED_CLS:
	case BV_PROG_TYPE_SCHED_ACT:
	case BV_PROG_TYPE_XDP:
	case BV_PROG_TYPE_LWT_XMIT:
	case BV_PROG_TYPE_SK_SKB:
	case BV_PROG_TYPE_SK_MSG:
		if (pkt_access >= 0)
			return pkt_access != 0;
		env->seen_direct_write = true;
		return true;
	case BV_PROG_TYPE_CGROUP_SOCKOPT:
		if (t == BV_WRITE)
			env->seen_direct_write = true;
		return true;
	default:
		return false;
	}
}

bool bv_may_access_pkt(struct bv_env *env, enum bv_access t, bool pkt_access)
{
	return may_access_pkt(env, t, pkt_access ? 1 : 0);
}

static int packet_access(struct bv_env *env, uint32_t regno, int32_t off, int size,
			 bool zero_size_allowed)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	int32_t range = (int32_t)r->range;
	int err;

	if (r->s.smin < 0)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u min value is negative, either use unsigned index or do a if (index >=0) check.",
				 regno);
	err = range < 0 ? -EINVAL :
	      region_fits(env, regno, off, size, (uint32_t)range, zero_size_allowed);
	if (err)
		return bv_reject(&env->log, env->insn_idx, err,
				 "R%u offset is outside of the packet", regno);
	return 0;
}

/* Kernel __check_ptr_off_reg: pointers that must be used unmodified. */
static int ptr_off_ok(struct bv_env *env, const struct bv_reg *r, uint32_t regno,
		      bool fixed_off_ok)
{
	char b[64], tn[64];

	if (r->off < 0)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "negative offset %s ptr R%u off=%d disallowed",
				 tstr(env, r->type, b, sizeof(b)), regno, r->off);
	if (!fixed_off_ok && r->off)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "dereference of modified %s ptr R%u off=%d disallowed",
				 tstr(env, r->type, b, sizeof(b)), regno, r->off);
	if (!var_is_const(r) || r->s.var_off.value) {
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "variable %s access var_off=%s disallowed",
				 tstr(env, r->type, b, sizeof(b)), tn);
	}
	return 0;
}

int bv_check_ptr_off_reg(struct bv_env *env, uint32_t regno, bool fixed_off_ok)
{
	return ptr_off_ok(env, &bv_cur_regs(env)[regno], regno, fixed_off_ok);
}

/* ---- context ---- */

static int ctx_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
		      int32_t off, int size, enum bv_access t, int32_t value_regno,
		      bool sign_ext)
{
	struct bv_reg *regs = bv_cur_regs(env);
	struct bv_ctx_access_info info;
	struct bv_reg *dst;
	int err;

	if (t == BV_WRITE && value_regno >= 0 && leaks(env, &regs[value_regno]))
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%d leaks addr into ctx", value_regno);
	err = ptr_off_ok(env, &regs[regno], regno, false);
	if (err)
		return err;
	if (!env->f->ctx_access)
		return bv_unsupported(&env->log, insn_idx,
				      "context access for this program type");
	memset(&info, 0, sizeof(info));
	info.reg_type = BV_SCALAR;
	/* The packet pointers of skb and xdp contexts refuse a sign-extending
	 * load (their is_valid_access checks info->is_ldsx). */
	if (!env->f->ctx_access(env->f->ctx, off, (uint32_t)size, t, &info) ||
	    (sign_ext && (BV_BASE_TYPE(info.reg_type) == BV_PTR_TO_PACKET ||
			  BV_BASE_TYPE(info.reg_type) == BV_PTR_TO_PACKET_META ||
			  BV_BASE_TYPE(info.reg_type) == BV_PTR_TO_PACKET_END))) {
		info.msg[sizeof(info.msg) - 1] = '\0';
		if (info.msg[0])
			bv_reject(&env->log, insn_idx, -EACCES, "%s", info.msg);
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "invalid bpf_context access off=%d size=%d", off, size);
	}
	info.msg[sizeof(info.msg) - 1] = '\0';
	if (info.msg[0])
		bv_log_printf(&env->log, "%s\n", info.msg);
	if (BV_BASE_TYPE(info.reg_type) != BV_PTR_TO_BTF_ID)
		env->aux[insn_idx].ctx_field_size = info.ctx_field_size;
	if (t != BV_READ || value_regno < 0)
		return 0;
	dst = &regs[value_regno];
	scratch_reg(env, value_regno);
	if (info.reg_type == BV_SCALAR) {
		bv_reg_mark_unknown(dst, insn_idx);
		return 0;
	}
	switch (BV_BASE_TYPE(info.reg_type)) {
	case BV_PTR_TO_PACKET:
	case BV_PTR_TO_PACKET_META:
	case BV_PTR_TO_PACKET_END:
	case BV_PTR_TO_MEM:
	case BV_PTR_TO_BTF_ID:
	case BV_PTR_TO_SOCKET:
	case BV_PTR_TO_SOCK_COMMON:
	case BV_PTR_TO_TCP_SOCK:
	case BV_PTR_TO_FLOW_KEYS:
	case BV_PTR_TO_TP_BUFFER:
	case BV_PTR_TO_BUF:
		break;
	default:
		return bv_unsupported(&env->log, insn_idx,
				      "context field of register type %u", info.reg_type);
	}
	bv_reg_mark_ptr(dst, info.reg_type, insn_idx);
	if (BV_BASE_TYPE(info.reg_type) == BV_PTR_TO_MEM ||
	    BV_BASE_TYPE(info.reg_type) == BV_PTR_TO_BUF)
		dst->mem_size = info.mem_size;
	else if (BV_BASE_TYPE(info.reg_type) == BV_PTR_TO_BTF_ID)
		dst->btf_id = info.btf_id;
	else
		dst->range = 0;
	if (info.reg_type & BV_PTR_MAYBE_NULL)
		dst->id = bv_new_id(env);
	return 0;
}

/* ---- stack ---- */

static bool slot_is_spill(const struct bv_stack_slot *s)
{
	return s->slot_type[BV_REG_SIZE - 1] == BV_STACK_SPILL;
}

static bool slot_is_scalar_spill(const struct bv_stack_slot *s)
{
	return slot_is_spill(s) && s->spilled_ptr.type == BV_SCALAR;
}

static bool slot_is_special(const struct bv_stack_slot *s)
{
	switch (s->slot_type[BV_REG_SIZE - 1]) {
	case BV_STACK_SPILL:
	case BV_STACK_DYNPTR:
	case BV_STACK_ITER:
	case BV_STACK_IRQ_FLAG:
		return true;
	default:
		return false;
	}
}

static struct bv_frame *reg_frame(struct bv_env *env, const struct bv_reg *r)
{
	uint32_t fno = r->frameno <= env->cur->curframe ? r->frameno : env->cur->curframe;

	return env->cur->frame[fno];
}

/* Bits needed for the largest value (kernel get_reg_width). */
static int reg_width(const struct bv_reg *r)
{
	uint64_t v = r->s.umax;
	int n = 0;

	while (v) {
		n++;
		v >>= 1;
	}
	return n;
}

static void save_spill(struct bv_stack_slot *slot, const struct bv_reg *r, int size)
{
	int i;

	slot->spilled_ptr = *r;
	for (i = BV_REG_SIZE; i > BV_REG_SIZE - size; i--)
		slot->slot_type[i - 1] = BV_STACK_SPILL;
	/* The rest of a narrow spill's slot keeps zeros and never-written
	 * bytes; anything else becomes unknown data. */
	for (; i; i--)
		if (slot->slot_type[i - 1] != BV_STACK_ZERO &&
		    slot->slot_type[i - 1] != BV_STACK_INVALID)
			slot->slot_type[i - 1] = BV_STACK_MISC;
}

static void scrub_slot(struct bv_stack_slot *slot)
{
	int i;

	for (i = 0; i < BV_REG_SIZE; i++)
		if (slot->slot_type[i] != BV_STACK_INVALID)
			slot->slot_type[i] = BV_STACK_MISC;
}

/* Kernel check_stack_access_within_bounds (also grows the frame). */
static int stack_bounds(struct bv_env *env, uint32_t regno, int32_t off, int size,
			enum bv_access t, bool helper)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_frame *fr = reg_frame(env, r);
	const char *what = t == BV_READ ? " read from" : " write to";
	/* only writes, and reads where reads may, grow the stack; in older
	 * kernels a helper's access does not (its writes do, byte by byte) */
	bool grow = (t == BV_WRITE || allow_uninit_read(env)) &&
		    !(helper && !bv_kernel_has(env->f, BV_FEAT_UNINIT_STACK_READ));

	/* Older kernels do not say whether a helper reads or writes, and
	 * check its bounds as a write's. */
	if (helper && !bv_kernel_has(env->f, BV_FEAT_STACK_HELPER_RW_MSG)) {
		what = " indirect access to";
		t = BV_WRITE;
	}
	int64_t min_off, max_off, min_valid;
	char tn[64];
	int err = 0;

	if (var_is_const(r)) {
		min_off = (int64_t)r->s.var_off.value + off;
		max_off = min_off + size;
	} else {
		if (r->s.smax >= MAX_VAR_OFF || r->s.smin <= -MAX_VAR_OFF)
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "invalid unbounded variable-offset%s stack R%u",
					 what, regno);
		min_off = r->s.smin + off;
		max_off = r->s.smax + off + size;
	}
	min_valid = (t == BV_WRITE || allow_uninit_read(env)) ?
		    -(int64_t)BV_MAX_STACK : -(int64_t)fr->allocated_stack;
	if (min_off < min_valid || min_off > -1)
		err = -EACCES;
	else if (max_off > 0)
		err = -EINVAL;
	else if (size < 0)
		err = -EFAULT;
	if (err) {
		if (var_is_const(r))
			return bv_reject(&env->log, env->insn_idx, err,
					 "invalid%s stack R%u off=%d size=%d",
					 what, regno, off, size);
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
		if (!bv_kernel_has(env->f, BV_FEAT_VAR_OFF_STACK_MSG_OFF))
			return bv_reject(&env->log, env->insn_idx, err,
					 "invalid variable-offset%s stack R%u var_off=%s size=%d",
					 what, regno, tn, size);
		return bv_reject(&env->log, env->insn_idx, err,
				 "invalid variable-offset%s stack R%u var_off=%s off=%d size=%d",
				 what, regno, tn, off, size);
	}
	if (grow && bv_frame_grow_stack(fr, (uint32_t)-min_off))
		return bv_unsupported(&env->log, env->insn_idx, "out of memory");
	return 0;
}

/* Kernel __is_scalar_unbounded: nothing at all is known of the value. */
static bool scalar_unbounded(const struct bv_scalar *s)
{
	return bv_tnum_is_unknown(s->var_off) && s->smin == INT64_MIN && s->smax == INT64_MAX &&
	       s->umin == 0 && s->umax == UINT64_MAX && s->s32_min == INT32_MIN &&
	       s->s32_max == INT32_MAX && s->u32_min == 0 && s->u32_max == UINT32_MAX;
}

static int stack_write_fixed(struct bv_env *env, struct bv_frame *fr, int32_t off,
			     int size, int32_t value_regno, int32_t insn_idx)
{
	const struct bv_insn *insn = &env->info.insns[insn_idx];
	int slot = -off - 1, spi = slot / BV_REG_SIZE, i;
	struct bv_stack_slot *st = &fr->stack[spi];
	struct bv_reg *r = value_regno >= 0 ? &bv_cur_regs(env)[value_regno] : NULL;
	bool is_st = BV_CLASS(insn->code) == BV_ST && BV_MODE(insn->code) == BV_MEM;
	bool aligned = (off % BV_REG_SIZE) == 0;
	uint8_t type;

	if (!env->f->allow_ptr_leaks && slot_is_spill(st) &&
	    !slot_is_scalar_spill(st) && size != BV_REG_SIZE)
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "attempt to corrupt spilled pointer on stack");
	{
		/* a dynptr written over is gone (or the store refused) */
		int err = bv_dynptr_destroy_slot(env, fr, spi);

		if (err)
			return err;
	}
	scratch_stack(env, fr, spi);
	if (r && aligned && r->type == BV_SCALAR && env->f->bpf_capable &&
	    (bv_kernel_has(env->f, BV_FEAT_SPILL_ANY_SCALAR) ||
	     (!reg_is_null(r) && !scalar_unbounded(&r->s)))) {
		bool fits = reg_width(r) <= 8 * size;

		/* older kernels follow only fp-relative spills back */
		if (insn->dst_reg != BV_REG_FP && !bv_kernel_has(env->f, BV_FEAT_PRECISE_FRAMES)) {
			int err = bv_mark_precise(env, (uint32_t)value_regno);

			if (err)
				return err;
		}
		/* A spill that keeps the value keeps its relations too; one
		 * linked `+K` gets a fresh id first, as for a copy. */
		if (fits && (r->id & BV_ID_ADD_CONST) &&
		    bv_kernel_has(env->f, BV_FEAT_SPILL_SCALAR_ID)) {
			r->id = 0;
			r->off = 0;
		}
		if (fits && !r->id && !var_is_const(r) &&
		    bv_kernel_has(env->f, BV_FEAT_SPILL_SCALAR_ID))
			r->id = bv_new_id(env);
		save_spill(st, r, size);
		if (!fits)
			st->spilled_ptr.id = 0;
		return bv_hist_stack_access(env, fr->frameno, (uint32_t)spi);
	}
	if (!r && aligned && is_st && env->f->bpf_capable &&
	    (insn->imm != 0 || bv_kernel_has(env->f, BV_FEAT_SPILL_ANY_SCALAR))) {
		struct bv_reg tmp;

		memset(&tmp, 0, sizeof(tmp));
		bv_reg_mark_known(&tmp, (uint64_t)(int64_t)insn->imm, insn_idx);
		save_spill(st, &tmp, size);
		return bv_hist_stack_access(env, fr->frameno, (uint32_t)spi);
	}
	if (r && r->type != BV_SCALAR) {
		if (size != BV_REG_SIZE)
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "invalid size of register spill");
		if (fr != bv_cur_frame(env->cur) && r->type == BV_PTR_TO_STACK)
			return bv_reject(&env->log, insn_idx, -EINVAL,
					 "cannot spill pointers to stack into stack frame of the caller");
		save_spill(st, r, size);
		return bv_hist_stack_access(env, fr->frameno, (uint32_t)spi);
	}
	/* Plain data: any spilled register in the slot is gone. */
	bv_reg_mark_not_init(&st->spilled_ptr);
	if (slot_is_special(st))
		scrub_slot(st);
	type = BV_STACK_MISC;
	if ((r && reg_is_null(r)) || (!r && is_st && insn->imm == 0)) {
		/* zeros on the stack rest on the register being zero */
		if (r) {
			int err = bv_mark_precise(env, (uint32_t)value_regno);

			if (err)
				return err;
		}
		type = BV_STACK_ZERO;
	}
	for (i = 0; i < size; i++)
		st->slot_type[(slot - i) % BV_REG_SIZE] = type;
	return 0;
}

static int stack_write_var(struct bv_env *env, struct bv_frame *fr, uint32_t ptr_regno,
			   int32_t off, int size, int32_t value_regno, int32_t insn_idx)
{
	const struct bv_insn *insn = &env->info.insns[insn_idx];
	const struct bv_reg *ptr = &bv_cur_regs(env)[ptr_regno];
	const struct bv_reg *val = value_regno >= 0 ? &bv_cur_regs(env)[value_regno] : NULL;
	int64_t min_off = ptr->s.smin + off, max_off = ptr->s.smax + off + size, i;
	bool writing_zero = (val && reg_is_null(val)) ||
			    (!val && BV_CLASS(insn->code) == BV_ST && insn->imm == 0);
	bool zero_used = false;

	for (i = min_off; i < max_off; i++) {
		int err = bv_dynptr_destroy_slot(env, fr, (int)((-i - 1) / BV_REG_SIZE));

		if (err)
			return err;
	}
	for (i = min_off; i < max_off; i++) {
		int slot = (int)(-i - 1), spi = slot / BV_REG_SIZE;
		struct bv_stack_slot *st = &fr->stack[spi];
		uint8_t *stype = &st->slot_type[slot % BV_REG_SIZE];

		scratch_stack(env, fr, spi);
		if (!env->f->allow_ptr_leaks && *stype != BV_STACK_MISC &&
		    *stype != BV_STACK_ZERO)
			return bv_reject(&env->log, insn_idx, -EINVAL,
					 "spilled ptr in range of var-offset stack write; insn %d, ptr off: %d",
					 insn_idx, (int)i);
		if (writing_zero && *stype == BV_STACK_SPILL && slot_is_scalar_spill(st) &&
		    bv_tnum_equals_const(st->spilled_ptr.s.var_off, 0))
			continue;
		bv_reg_mark_not_init(&st->spilled_ptr);
		if (*stype == BV_STACK_INVALID && !allow_uninit_stack(env))
			return bv_reject(&env->log, insn_idx, -EINVAL,
					 "uninit stack in range of var-offset write prohibited for !root; insn %d, off: %d",
					 insn_idx, (int)i);
		zero_used |= writing_zero && *stype == BV_STACK_ZERO;
		*stype = (writing_zero && *stype == BV_STACK_ZERO) ? BV_STACK_ZERO :
								     BV_STACK_MISC;
	}
	if (zero_used && value_regno >= 0)
		return bv_mark_precise(env, (uint32_t)value_regno);
	return 0;
}

/* The value read from [min_off, max_off) of plain stack data: zero when
 * every byte is a known zero, unknown otherwise. */
static void stack_read_value(struct bv_env *env, const struct bv_frame *fr,
			     int64_t min_off, int64_t max_off, int32_t dst_regno)
{
	struct bv_reg *dst = &bv_cur_regs(env)[dst_regno];
	int64_t i;

	scratch_reg(env, dst_regno);
	for (i = min_off; i < max_off; i++) {
		int slot = (int)(-i - 1);

		if (fr->stack[slot / BV_REG_SIZE].slot_type[slot % BV_REG_SIZE] !=
		    BV_STACK_ZERO)
			break;
	}
	if (i == max_off)
		bv_reg_mark_known(dst, 0, env->insn_idx);
	else
		bv_reg_mark_unknown(dst, env->insn_idx);
}

static bool byte_readable(const struct bv_env *env, uint8_t type)
{
	return type == BV_STACK_MISC || type == BV_STACK_ZERO ||
	       (type == BV_STACK_INVALID && allow_uninit_stack(env));
}

static int stack_read_fixed(struct bv_env *env, struct bv_frame *fr, int32_t off,
			    int size, int32_t dst_regno)
{
	int slot = -off - 1, spi = slot / BV_REG_SIZE, i;
	struct bv_stack_slot *st = &fr->stack[spi];
	const uint8_t *stype = st->slot_type;
	struct bv_reg *spilled = &st->spilled_ptr;
	struct bv_reg *dst = dst_regno >= 0 ? &bv_cur_regs(env)[dst_regno] : NULL;
	int32_t idx = env->insn_idx;

	scratch_stack(env, fr, spi);
	if (slot_is_spill(st)) {
		/* a fill: backtracking follows the value into the slot */
		int err = bv_hist_stack_access(env, fr->frameno, (uint32_t)spi);

		if (err)
			return err;
	}
	if (!slot_is_spill(st)) {
		for (i = 0; i < size; i++) {
			uint8_t type = stype[(slot - i) % BV_REG_SIZE];

			if (!byte_readable(env, type))
				return bv_reject(&env->log, idx, -EACCES,
						 "invalid read from stack off %d+%d size %d",
						 off, i, size);
		}
		if (dst)
			stack_read_value(env, fr, off, off + size, dst_regno);
		return 0;
	}
	{
		int spill_size = 1;

		for (i = BV_REG_SIZE - 1; i > 0 && stype[i - 1] == BV_STACK_SPILL; i--)
			spill_size++;
		if (size == BV_REG_SIZE && spill_size == BV_REG_SIZE) {
			if (dst) {
				int32_t origin = spilled->origin;

				*dst = *spilled;
				dst->origin = origin;
				scratch_reg(env, dst_regno);
			} else if (leaks(env, spilled)) {
				return bv_reject(&env->log, idx, -EACCES,
						 "leaking pointer from stack off %d", off);
			}
			return 0;
		}
		if (spilled->type != BV_SCALAR)
			return bv_reject(&env->log, idx, -EACCES,
					 "invalid size of register fill");
		if (!dst)
			return 0;
		scratch_reg(env, dst_regno);
		/* A narrow fill from the spill's own start reads the spilled
		 * value (narrowed later); elsewhere it reads bytes. */
		if (size <= spill_size && (off % BV_REG_SIZE) == 0 &&
		    (size == spill_size || bv_kernel_has(env->f, BV_FEAT_NARROW_FILL))) {
			*dst = *spilled;
			if (reg_width(spilled) > size * 8)
				dst->id = 0;
			return 0;
		}
		{
			int spill_cnt = 0, zero_cnt = 0;

			for (i = 0; i < size; i++) {
				uint8_t type = stype[(slot - i) % BV_REG_SIZE];

				if (type == BV_STACK_SPILL) {
					spill_cnt++;
					continue;
				}
				if (type == BV_STACK_ZERO) {
					zero_cnt++;
					continue;
				}
				if (!byte_readable(env, type))
					return bv_reject(&env->log, idx, -EACCES,
							 "invalid read from stack off %d+%d size %d",
							 off, i, size);
			}
			if (!bv_kernel_has(env->f, BV_FEAT_NARROW_FILL))
				bv_reg_mark_unknown(dst, idx);   /* older kernels */
			else if ((spill_cnt == size &&
				  bv_tnum_equals_const(spilled->s.var_off, 0)) ||
				 zero_cnt == size)
				bv_reg_mark_known(dst, 0, idx);
			else
				bv_reg_mark_unknown(dst, idx);
		}
	}
	return 0;
}

/* Kernel check_stack_range_initialized: [reg+off, reg+off+size) of the
 * stack is readable (or, for a helper's write-only argument, writable). */
static int stack_range_init(struct bv_env *env, uint32_t regno, int32_t off, int size,
			    bool zero_size_allowed, enum bv_access t,
			    struct bv_raw_mem *raw, bool helper)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	const char *extra = helper && !bv_kernel_has(env->f, BV_FEAT_STACK_HELPER_RW_MSG) ?
			    " indirect" : "";
	struct bv_frame *fr;
	int64_t min_off, max_off, i;
	char tn[64];
	int err;

	if (size == 0 && !zero_size_allowed)
		return bv_reject(&env->log, env->insn_idx, -EACCES, "invalid zero-sized read");
	err = stack_bounds(env, regno, off, size, t, helper);
	if (err)
		return err;
	fr = reg_frame(env, r);
	if (var_is_const(r)) {
		min_off = max_off = (int64_t)r->s.var_off.value + off;
	} else {
		if (!env->f->perfmon_capable) {
			bv_tnum_format(r->s.var_off, tn, sizeof(tn));
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "R%u variable offset stack access prohibited for !root, var_off=%s",
					 regno, tn);
		}
		/* Uninitialised memory at unknown offsets cannot be marked
		 * written afterwards: require it initialised. */
		if (raw && raw->raw_mode)
			raw = NULL;
		min_off = r->s.smin + off;
		max_off = r->s.smax + off;
	}
	if (raw && raw->raw_mode) {
		for (i = min_off; i < max_off + size; i++) {
			int slot = (int)(-i - 1);

			if ((uint32_t)slot >= fr->allocated_stack)
				continue;
			if (fr->stack[slot / BV_REG_SIZE].slot_type[slot % BV_REG_SIZE] ==
			    BV_STACK_DYNPTR)
				return bv_reject(&env->log, env->insn_idx, -EACCES,
						 "potential write to dynptr at off=%d disallowed",
						 (int)i);
		}
		raw->access_size = size;
		raw->regno = regno;
		return 0;
	}
	/* Older kernels treat every helper access as one that may write
	 * (check_stack_range_initialized's clobber): zero bytes it reads
	 * become unknown ones, and a spilled scalar an unknown value. */
	if (helper && !bv_kernel_has(env->f, BV_FEAT_STACK_HELPER_RW_MSG))
		t = BV_WRITE;
	for (i = min_off; i < max_off + size; i++) {
		int slot = (int)(-i - 1), spi = slot / BV_REG_SIZE;
		struct bv_stack_slot *st;
		uint8_t *stype;

		/* below the written stack: readable only where reads may grow it */
		if ((uint32_t)slot >= fr->allocated_stack && !allow_uninit_read(env))
			goto err;
		st = &fr->stack[spi];
		stype = &st->slot_type[slot % BV_REG_SIZE];
		/* (a helper's access leaves the slots unscratched: the
		 * kernel's log does not show them after the call) */
		if (*stype == BV_STACK_MISC)
			continue;
		if (*stype == BV_STACK_ZERO ||
		    (*stype == BV_STACK_INVALID && allow_uninit_stack(env))) {
			if (t == BV_WRITE)
				*stype = BV_STACK_MISC;
			continue;
		}
		if (slot_is_spill(st) &&
		    (st->spilled_ptr.type == BV_SCALAR || env->f->allow_ptr_leaks)) {
			if (t == BV_WRITE) {
				bv_reg_mark_unknown(&st->spilled_ptr, env->insn_idx);
				scrub_slot(st);
			}
			continue;
		}
err:
		if (var_is_const(r))
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "invalid%s read from stack R%u off %d+%d size %d",
					 extra, regno, (int)min_off, (int)(i - min_off), size);
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "invalid%s read from stack R%u var_off %s+%d size %d",
				 extra, regno, tn, (int)(i - min_off), size);
	}
	return 0;
}

static int stack_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
			int32_t off, int size, enum bv_access t, int32_t value_regno)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_frame *fr = reg_frame(env, r);
	char tn[64];
	int err;

	err = stack_bounds(env, regno, off, size, t, false);
	if (err)
		return err;
	bv_fastcall_stack_access(env, fr->subprogno, insn_idx,
				 off + (int32_t)(var_is_const(r) ? (int64_t)r->s.var_off.value
								 : r->s.smin));
	if (t == BV_WRITE) {
		if (var_is_const(r))
			return stack_write_fixed(env, fr, off + (int32_t)r->s.var_off.value,
						 size, value_regno, insn_idx);
		return stack_write_var(env, fr, regno, off, size, value_regno, insn_idx);
	}
	if (var_is_const(r))
		return stack_read_fixed(env, fr, off + (int32_t)r->s.var_off.value, size,
					value_regno);
	if (value_regno < 0) {
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "variable offset stack pointer cannot be passed into helper function; var_off=%s off=%d size=%d",
				 tn, off, size);
	}
	err = stack_range_init(env, regno, off, size, false, BV_READ, NULL, false);
	if (err)
		return err;
	stack_read_value(env, fr, r->s.smin + off, r->s.smax + off + size, value_regno);
	return 0;
}

/* ---- alignment ---- */

/* What a misaligned access message calls each pointer (kernel:
 * check_ptr_alignment; flags count: a maybe-NULL map value is "").*/
static const char *align_desc(bv_reg_type type)
{
	switch (type) {
	case BV_PTR_TO_FLOW_KEYS: return "flow keys ";
	case BV_PTR_TO_MAP_KEY: return "key ";
	case BV_PTR_TO_MAP_VALUE: return "value ";
	case BV_PTR_TO_CTX: return "context ";
	case BV_PTR_TO_STACK: return "stack ";
	case BV_PTR_TO_SOCKET: return "sock ";
	case BV_PTR_TO_SOCK_COMMON: return "sock_common ";
	case BV_PTR_TO_TCP_SOCK: return "tcp_sock ";
	case BV_PTR_TO_XDP_SOCK: return "xdp_sock ";
	default: return "";
	}
}

/* The first check of every access. Stack accesses must be naturally
 * aligned (spill tracking relies on it); other pointers only under strict
 * alignment, which x86-64 asks of atomics alone ("strict once"); scalars
 * take this check too, so a misaligned atomic through a number is
 * reported as misaligned before it is found not to be a pointer. Packet
 * offsets count NET_IP_ALIGN (2). A constant var_off prints as a number
 * (decimal up to 65535), otherwise as a tnum. */
static int ptr_alignment(struct bv_env *env, const struct bv_reg *r, int32_t off,
			 int size, bool strict)
{
	bool pkt = r->type == BV_PTR_TO_PACKET || r->type == BV_PTR_TO_PACKET_META;
	int ip_align = pkt ? 2 : 0;
	struct bv_tnum t;
	char tn[64];

	if (r->type == BV_PTR_TO_ARENA)
		return 0;
	if (r->type == BV_PTR_TO_STACK)
		strict = true;
	if (!strict || size == 1)
		return 0;
	t = bv_tnum_add(r->s.var_off,
			bv_tnum_const((uint64_t)((int64_t)ip_align + r->off + off)));
	if (bv_tnum_is_aligned(t, (uint64_t)size))
		return 0;
	if (!bv_kernel_has(env->f, BV_FEAT_TNUM_CONST_NUMBER))
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
	else if (var_is_const(r) && r->s.var_off.value <= 65535)
		snprintf(tn, sizeof(tn), "%" PRIu64, r->s.var_off.value);
	else if (var_is_const(r))
		snprintf(tn, sizeof(tn), "0x%" PRIx64, r->s.var_off.value);
	else
		bv_tnum_format(r->s.var_off, tn, sizeof(tn));
	if (pkt)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "misaligned packet access off %d+%s+%d+%d size %d",
				 ip_align, tn, r->off, off, size);
	return bv_reject(&env->log, env->insn_idx, -EACCES,
			 "misaligned %saccess off %s+%d+%d size %d",
			 align_desc(r->type), tn, r->off, off, size);
}

int bv_check_ptr_alignment(struct bv_env *env, uint32_t regno, int32_t off, int size,
			   bool strict)
{
	return ptr_alignment(env, &bv_cur_regs(env)[regno], off, size, strict);
}

/* ---- check_mem_access ---- */

/* strict_once: the access must be aligned whatever the pointer (atomics;
 * kernel: check_mem_access's strict_alignment_once). */
static int mem_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
		      int32_t off, uint32_t usize, enum bv_access t,
		      int32_t value_regno, bool sign_ext, bool strict_once)
{
	struct bv_reg *regs = bv_cur_regs(env);
	struct bv_reg *r = &regs[regno];
	int size = (int)usize, err = 0;
	bv_reg_type type = r->type;
	char b[64];

	err = ptr_alignment(env, r, off, size, strict_once);
	if (err)
		return err;
	off += r->off;

	if (type == BV_PTR_TO_MAP_KEY) {
		if (t == BV_WRITE)
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "write to change key R%u not allowed", regno);
		if (!r->map.map)
			return bv_unsupported(&env->log, insn_idx,
					      "map key pointer without a map description");
		err = region_access(env, regno, off, size, r->map.map->key_size, false);
		if (!err && value_regno >= 0)
			mark_unknown_load(env, value_regno);
	} else if (type == BV_PTR_TO_MAP_VALUE) {
		const struct bv_map_desc *m = r->map.map;

		if (t == BV_WRITE && value_regno >= 0 && leaks(env, &regs[value_regno]))
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%d leaks addr into map", value_regno);
		if (!m)
			return bv_unsupported(&env->log, insn_idx,
					      "map value pointer without a map description");
		err = map_access_type(env, r, off, size, t);
		if (err)
			return err;
		err = map_value_access(env, regno, off, size, false);
		if (err)
			return err;
		if (t == BV_READ && value_regno >= 0) {
			int64_t at = off + (int64_t)r->s.var_off.value;

			/* Frozen read-only maps (.rodata) read as constants. */
			if (var_is_const(r) && m->rdonly_prog && m->frozen &&
			    m->initial_value && at >= 0 &&
			    (uint64_t)at + (uint64_t)size <= m->value_size) {
				const uint8_t *p = (const uint8_t *)m->initial_value + at;
				uint64_t v = 0;
				int i;

				for (i = size - 1; i >= 0; i--)
					v = (v << 8) | p[i];
				bv_reg_mark_known(&regs[value_regno], v, insn_idx);
				scratch_reg(env, value_regno);
			} else {
				mark_unknown_load(env, value_regno);
			}
		}
	} else if (BV_BASE_TYPE(type) == BV_PTR_TO_MEM) {
		bool rdonly = (type & BV_MEM_RDONLY) != 0;

		if (type & BV_PTR_MAYBE_NULL) {
			bool first = bv_cause_first(env);

			err = bv_reject(&env->log, insn_idx, -EACCES,
					"R%u invalid mem access '%s'", regno,
					tstr(env, type, b, sizeof(b)));
			bv_cause_set(env, first, BV_CAUSE_NULLABLE, r->origin, (int32_t)regno);
			return err;
		}
		if (t == BV_WRITE && rdonly)
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%u cannot write into %s", regno,
					 tstr(env, type, b, sizeof(b)));
		if (t == BV_WRITE && value_regno >= 0 && leaks(env, &regs[value_regno]))
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%d leaks addr into mem", value_regno);
		err = region_access(env, regno, off, size, r->mem_size, false);
		if (!err && value_regno >= 0 && (t == BV_READ || rdonly))
			mark_unknown_load(env, value_regno);
	} else if (type == BV_PTR_TO_CTX) {
		err = ctx_access(env, insn_idx, regno, off, size, t, value_regno, sign_ext);
	} else if (type == BV_PTR_TO_STACK) {
		err = stack_access(env, insn_idx, regno, off, size, t, value_regno);
	} else if (type == BV_PTR_TO_PACKET || type == BV_PTR_TO_PACKET_META) {
		if (t == BV_WRITE && !may_access_pkt(env, t, -1))
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "cannot write into packet");
		if (t == BV_WRITE && value_regno >= 0 && leaks(env, &regs[value_regno]))
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%d leaks addr into packet", value_regno);
		err = packet_access(env, regno, off, size, false);
		if (!err && t == BV_READ && value_regno >= 0)
			mark_unknown_load(env, value_regno);
	} else if (type == BV_PTR_TO_SOCKET || type == BV_PTR_TO_SOCK_COMMON ||
		   type == BV_PTR_TO_TCP_SOCK || type == BV_PTR_TO_XDP_SOCK) {
		if (t == BV_WRITE)
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%u cannot write into %s", regno,
					 tstr(env, type, b, sizeof(b)));
		err = bv_check_sock_access(env, insn_idx, regno, off, size, t);
		if (!err && value_regno >= 0)
			mark_unknown_load(env, value_regno);
	} else if (type == BV_PTR_TO_FLOW_KEYS && env->f->sz >= offsetof(struct bv_facade,
				ptr_struct_access) + sizeof(void *) && env->f->ptr_struct_access) {
		if (t == BV_WRITE && value_regno >= 0 && leaks(env, &regs[value_regno]))
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%d leaks addr into flow keys", value_regno);
		err = bv_check_flow_keys_access(env, insn_idx, off, size);
		if (!err && t == BV_READ && value_regno >= 0)
			mark_unknown_load(env, value_regno);
	} else if (BV_BASE_TYPE(type) == BV_PTR_TO_BUF && (type & BV_MEM_RDONLY) &&
		   t == BV_WRITE) {
		return bv_reject(&env->log, insn_idx, -EACCES, "R%u cannot write into %s",
				 regno, tstr(env, type, b, sizeof(b)));
	} else if (BV_BASE_TYPE(type) == BV_PTR_TO_BTF_ID && !(type & BV_PTR_MAYBE_NULL)) {
		if (t == BV_WRITE && value_regno >= 0 && leaks(env, &regs[value_regno]))
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%d leaks addr into mem", value_regno);
		err = bv_check_ptr_to_btf_access(env, insn_idx, regno, off, size, t, value_regno);
		if (!err && t == BV_READ && value_regno >= 0)
			scratch_reg(env, value_regno);
	} else if (type == BV_PTR_TO_TP_BUFFER) {
		/* kernel check_tp_buffer_access: any fixed non-negative offset;
		 * the attach checks the extent against the tracepoint's buffer */
		if (off < 0)
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%u invalid tracepoint buffer access: off=%d, size=%d",
					 regno, off, size);
		if (!var_is_const(r) || r->s.var_off.value) {
			char tn[64];

			bv_tnum_format(r->s.var_off, tn, sizeof(tn));
			return bv_reject(&env->log, insn_idx, -EACCES,
					 "R%u invalid variable buffer offset: off=%d, var_off=%s",
					 regno, off, tn);
		}
		if (t == BV_READ && value_regno >= 0)
			mark_unknown_load(env, value_regno);
	} else if (type == BV_CONST_PTR_TO_MAP) {
		err = bv_check_map_ptr_access(env, insn_idx, regno, off, size, t, value_regno);
		if (!err && t == BV_READ && value_regno >= 0)
			scratch_reg(env, value_regno);
	} else if (type == BV_PTR_TO_FLOW_KEYS || BV_BASE_TYPE(type) == BV_PTR_TO_BUF) {
		return bv_unsupported(&env->log, insn_idx, "access through a %s pointer",
				      tstr(env, type, b, sizeof(b)));
	} else if (type == BV_PTR_TO_ARENA) {
		if (t == BV_READ && value_regno >= 0)
			mark_unknown_load(env, value_regno);
	} else {
		bool first = bv_cause_first(env);

		err = bv_reject(&env->log, insn_idx, -EACCES, "R%u invalid mem access '%s'",
				regno, tstr(env, type, b, sizeof(b)));
		if (type & BV_PTR_MAYBE_NULL)
			bv_cause_set(env, first, BV_CAUSE_NULLABLE, r->origin, (int32_t)regno);
		return err;
	}
	if (!err && t == BV_READ && value_regno >= 0)
		coerce_loaded(&regs[value_regno], size, sign_ext);
	return err;
}

int bv_check_mem_access(struct bv_env *env, int32_t insn_idx, uint32_t regno,
			int32_t off, uint32_t usize, enum bv_access t,
			int32_t value_regno, bool sign_ext)
{
	return mem_access(env, insn_idx, regno, off, usize, t, value_regno, sign_ext,
			  false);
}

/* ---- instructions ---- */

/* Kernel reg_type_mismatch_ok: types whose loads are rewritten per type
 * (context, sockets, BTF pointers) cannot share an instruction with other
 * pointer types. */
static bool mismatch_ok(bv_reg_type t)
{
	switch (BV_BASE_TYPE(t)) {
	case BV_PTR_TO_CTX:
	case BV_PTR_TO_SOCKET:
	case BV_PTR_TO_SOCK_COMMON:
	case BV_PTR_TO_TCP_SOCK:
	case BV_PTR_TO_XDP_SOCK:
	case BV_PTR_TO_BTF_ID:
	case BV_PTR_TO_ARENA:
		return false;
	default:
		return true;
	}
}

/* Record the pointer type an instruction's memory access went through
 * (kernel: save_aux_ptr_type), refusing a second, incompatible one.
 * is_load: a load (LDX) whose earlier and current pointers are
 * both BTF pointers — the kernel rewrites it as an untrusted (probing)
 * load whatever their trust, so the mix is allowed. */
static int save_aux_ptr_type(struct bv_env *env, bv_reg_type type, bool is_load)
{
	struct bv_insn_aux *aux = &env->aux[env->insn_idx];

	if (aux->ptr_type == BV_NOT_INIT) {
		aux->ptr_type = type;
		return 0;
	}
	if (aux->ptr_type == type || (mismatch_ok(type) && mismatch_ok(aux->ptr_type)))
		return 0;
	if (is_load && bv_kernel_has(env->f, BV_FEAT_LOAD_TRUST_MISMATCH) &&
	    BV_BASE_TYPE(type) == BV_PTR_TO_BTF_ID &&
	    BV_BASE_TYPE(aux->ptr_type) == BV_PTR_TO_BTF_ID) {
		aux->ptr_type = BV_PTR_TO_BTF_ID | BV_PTR_UNTRUSTED;
		return 0;
	}
	return bv_reject(&env->log, env->insn_idx, -EINVAL,
			 "same insn cannot be used with different pointers");
}

static int explain(struct bv_env *env, int err, uint32_t regno)
{
	if (err && err != -EOPNOTSUPP && regno < BV_MAX_REG)
		bv_explain_reg(env, regno);
	return err;
}

static int check_atomic(struct bv_env *env, const struct bv_insn *insn)
{
	struct bv_reg *regs = bv_cur_regs(env);
	int32_t idx = env->insn_idx;
	int size = size_bytes(insn->code), load_reg = -1, err;
	char b[64];

	switch (insn->imm) {
	case BV_ADD: case BV_ADD | BV_FETCH:
	case BV_AND: case BV_AND | BV_FETCH:
	case BV_OR: case BV_OR | BV_FETCH:
	case BV_XOR: case BV_XOR | BV_FETCH:
	case BV_XCHG: case BV_CMPXCHG:
		break;
	case BV_LOAD_ACQ:
	case BV_STORE_REL:
		return bv_unsupported(&env->log, idx, "load-acquire/store-release atomics");
	default:
		return bv_reject(&env->log, idx, -EINVAL,
				 "BPF_ATOMIC uses invalid atomic opcode %02x", insn->imm);
	}
	if (size != 4 && size != 8)
		return bv_reject(&env->log, idx, -EINVAL, "invalid atomic operand size");
	err = bv_check_reg_read(env, insn->src_reg);
	if (!err)
		err = bv_check_reg_read(env, insn->dst_reg);
	if (err)
		return err;
	if (insn->imm == BV_CMPXCHG) {
		err = bv_check_reg_read(env, 0);
		if (err)
			return err;
		if (leaks(env, &regs[0]))
			return bv_reject(&env->log, idx, -EACCES, "R0 leaks addr into mem");
	}
	if (leaks(env, &regs[insn->src_reg]))
		return bv_reject(&env->log, idx, -EACCES, "R%d leaks addr into mem",
				 insn->src_reg);
	{
		bv_reg_type dt = regs[insn->dst_reg].type;

		if (dt == BV_PTR_TO_CTX || dt == BV_PTR_TO_PACKET ||
		    dt == BV_PTR_TO_PACKET_META || dt == BV_PTR_TO_FLOW_KEYS ||
		    dt == BV_PTR_TO_SOCKET || dt == BV_PTR_TO_SOCK_COMMON ||
		    dt == BV_PTR_TO_TCP_SOCK || dt == BV_PTR_TO_XDP_SOCK)
			return bv_reject(&env->log, idx, -EACCES,
					 "BPF_ATOMIC stores into R%d %s is not allowed",
					 insn->dst_reg, tstr(env, dt, b, sizeof(b)));
	}
	if (insn->imm & BV_FETCH) {
		load_reg = insn->imm == BV_CMPXCHG ? 0 : insn->src_reg;
		if (load_reg == BV_REG_FP)
			return bv_check_reg_write(env, (uint32_t)load_reg);
		/* The old value arrives in load_reg: what it held is gone
		 * before the access is checked, as in the kernel. */
		bv_reg_mark_unknown(&regs[load_reg], idx);
		scratch_reg(env, load_reg);
	}
	err = mem_access(env, idx, insn->dst_reg, insn->off, (uint32_t)size,
			 BV_READ, -1, false, true);
	if (!err && load_reg >= 0)
		err = mem_access(env, idx, insn->dst_reg, insn->off, (uint32_t)size,
				 BV_READ, load_reg, false, true);
	if (!err)
		err = mem_access(env, idx, insn->dst_reg, insn->off, (uint32_t)size,
				 BV_WRITE, -1, false, true);
	return explain(env, err, insn->dst_reg);
}

int bv_check_load_store(struct bv_env *env, const struct bv_insn *insn)
{
	struct bv_reg *regs = bv_cur_regs(env);
	int32_t idx = env->insn_idx;
	int size = size_bytes(insn->code), err;
	bv_reg_type ptype;

	switch (BV_CLASS(insn->code)) {
	case BV_LDX:
		if (BV_MODE(insn->code) != BV_MEM && BV_MODE(insn->code) != BV_MEMSX)
			return bv_unsupported(&env->log, idx, "load mode 0x%02x",
					      BV_MODE(insn->code));
		err = bv_check_reg_read(env, insn->src_reg);
		if (err)
			return err;
		if (insn->dst_reg == BV_REG_FP)
			return bv_check_reg_write(env, insn->dst_reg);
		ptype = regs[insn->src_reg].type;
		err = bv_check_mem_access(env, idx, insn->src_reg, insn->off, (uint32_t)size,
					  BV_READ, insn->dst_reg,
					  BV_MODE(insn->code) == BV_MEMSX);
		if (err)
			return explain(env, err, insn->src_reg);
		return save_aux_ptr_type(env, ptype, true);
	case BV_STX:
		/* Atomics are not rewritten per pointer type: no aux record. */
		if (BV_MODE(insn->code) == BV_ATOMIC)
			return check_atomic(env, insn);
		if (BV_MODE(insn->code) != BV_MEM)
			return bv_unsupported(&env->log, idx, "store mode 0x%02x",
					      BV_MODE(insn->code));
		err = bv_check_reg_read(env, insn->src_reg);
		if (!err)
			err = bv_check_reg_read(env, insn->dst_reg);
		if (err)
			return err;
		ptype = regs[insn->dst_reg].type;
		err = bv_check_mem_access(env, idx, insn->dst_reg, insn->off, (uint32_t)size,
					  BV_WRITE, insn->src_reg, false);
		if (err)
			return explain(env, err, insn->dst_reg);
		return save_aux_ptr_type(env, ptype, false);
	case BV_ST:
		if (BV_MODE(insn->code) != BV_MEM)
			return bv_unsupported(&env->log, idx, "store mode 0x%02x",
					      BV_MODE(insn->code));
		err = bv_check_reg_read(env, insn->dst_reg);
		if (err)
			return err;
		ptype = regs[insn->dst_reg].type;
		err = bv_check_mem_access(env, idx, insn->dst_reg, insn->off, (uint32_t)size,
					  BV_WRITE, -1, false);
		if (err)
			return explain(env, err, insn->dst_reg);
		return save_aux_ptr_type(env, ptype, false);
	default:
		return bv_unsupported(&env->log, idx, "instruction class %u",
				      BV_CLASS(insn->code));
	}
}

int bv_check_ld_imm64(struct bv_env *env, const struct bv_insn *insn)
{
	struct bv_reg *dst;
	const struct bv_map_desc *m;
	int32_t idx = env->insn_idx;
	int err;

	err = bv_check_reg_write(env, insn->dst_reg);
	if (err)
		return err;
	dst = &bv_cur_regs(env)[insn->dst_reg];
	scratch_reg(env, insn->dst_reg);
	switch (insn->src_reg) {
	case 0:
		bv_reg_mark_known(dst, (uint64_t)(uint32_t)insn[0].imm |
				       ((uint64_t)(uint32_t)insn[1].imm << 32), idx);
		return 0;
	case BV_PSEUDO_MAP_FD:
	case BV_PSEUDO_MAP_IDX:
	case BV_PSEUDO_MAP_VALUE:
	case BV_PSEUDO_MAP_IDX_VALUE:
		m = env->f->map ? env->f->map(env->f->ctx, (uint32_t)insn->imm) : NULL;
		if (!m)
			return bv_unsupported(&env->log, idx, "map #%d is not described",
					      insn->imm);
		if (insn->src_reg == BV_PSEUDO_MAP_FD || insn->src_reg == BV_PSEUDO_MAP_IDX) {
			bv_reg_mark_ptr(dst, BV_CONST_PTR_TO_MAP, idx);
		} else {
			bv_reg_mark_ptr(dst, BV_PTR_TO_MAP_VALUE, idx);
			dst->off = insn[1].imm;
		}
		dst->map.map = m;
		dst->map.index = (uint32_t)insn->imm;
		return 0;
	case BV_PSEUDO_BTF_ID:
		if (bv_kfunc_addr_ok(env->f, insn)) {
			/* a kfunc's address (bpf_ksym_exists): read-only, 0 bytes */
			bv_reg_mark_ptr(dst, BV_PTR_TO_MEM | BV_MEM_RDONLY, idx);
			dst->mem_size = 0;
			return 0;
		}
		return bv_ld_imm64_ksym(env, insn, dst);
	case BV_PSEUDO_FUNC:
		return bv_check_ld_imm64_func(env, insn);
	default:
		return bv_unsupported(&env->log, idx, "ld_imm64 pseudo source %d",
				      insn->src_reg);
	}
}

int bv_check_ld_abs(struct bv_env *env, const struct bv_insn *insn)
{
	struct bv_reg *regs = bv_cur_regs(env);
	int32_t idx = env->insn_idx;
	uint32_t type = env->f->prog_type;
	int i, err;

	if (type != BV_PROG_TYPE_SOCKET_FILTER && type != BV_PROG_TYPE_SCHED_CLS &&
	    type != BV_PROG_TYPE_SCHED_ACT)
		return bv_reject(&env->log, idx, -EINVAL,
				 "BPF_LD_[ABS|IND] instructions not allowed for this program type");
	if (insn->dst_reg != 0 || insn->off != 0 || BV_SIZE(insn->code) == BV_DW ||
	    (BV_MODE(insn->code) == BV_ABS && insn->src_reg != 0))
		return bv_reject(&env->log, idx, -EINVAL,
				 "BPF_LD_[ABS|IND] uses reserved fields");
	err = bv_check_reg_read(env, 6);
	if (err)
		return err;
	err = bv_check_resource_leak(env, true, "BPF_LD_[ABS|IND]");
	if (err)
		return err;
	if (regs[6].type != BV_PTR_TO_CTX)
		return bv_reject(&env->log, idx, -EINVAL,
				 "at the time of BPF_LD_ABS|IND R6 != pointer to skb");
	if (BV_MODE(insn->code) == BV_IND) {
		err = bv_check_reg_read(env, insn->src_reg);
		if (err)
			return err;
	}
	err = ptr_off_ok(env, &regs[6], 6, false);
	if (err)
		return err;
	for (i = 0; i <= 5; i++) {
		bv_reg_mark_not_init(&regs[i]);
		scratch_reg(env, i);
	}
	bv_reg_mark_unknown(&regs[0], idx);
	return 0;
}

/* ---- helper memory arguments ---- */

int bv_check_helper_mem_access_raw(struct bv_env *env, uint32_t regno,
				   int32_t access_size, bool zero_size_allowed,
				   enum bv_access t, struct bv_raw_mem *raw)
{
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	int32_t idx = env->insn_idx;
	char b[64], b2[64];

	switch (BV_BASE_TYPE(r->type)) {
	case BV_PTR_TO_PACKET:
	case BV_PTR_TO_PACKET_META:
		return packet_access(env, regno, r->off, access_size, zero_size_allowed);
	case BV_PTR_TO_MAP_KEY:
		if (t == BV_WRITE)
			return bv_reject(&env->log, idx, -EACCES, "R%u cannot write into %s",
					 regno, tstr(env, r->type, b, sizeof(b)));
		if (!r->map.map)
			return bv_unsupported(&env->log, idx,
					      "map key pointer without a map description");
		return region_access(env, regno, r->off, access_size, r->map.map->key_size,
				     false);
	case BV_PTR_TO_MAP_VALUE:
		if (!r->map.map)
			return bv_unsupported(&env->log, idx,
					      "map value pointer without a map description");
		if (map_access_type(env, r, r->off, access_size, t))
			return -EACCES;
		return map_value_access(env, regno, r->off, access_size, zero_size_allowed);
	case BV_PTR_TO_MEM:
		if ((r->type & BV_MEM_RDONLY) && t == BV_WRITE)
			return bv_reject(&env->log, idx, -EACCES, "R%u cannot write into %s",
					 regno, tstr(env, r->type, b, sizeof(b)));
		return region_access(env, regno, r->off, access_size, r->mem_size,
				     zero_size_allowed);
	case BV_PTR_TO_STACK:
		return stack_range_init(env, regno, r->off, access_size, zero_size_allowed,
					t, raw, true);
	case BV_PTR_TO_BTF_ID:
		/* read as the struct, whatever the access (kernel:
		 * check_ptr_to_btf_access with BPF_READ) */
		if (bv_kernel_has(env->f, BV_FEAT_MEM_ARG_BTF_PTR))
			return bv_check_ptr_to_btf_access(env, idx, regno, r->off, access_size,
							  BV_READ, -1);
		/* fallthrough */
	case BV_PTR_TO_BUF:
		return bv_unsupported(&env->log, idx, "helper memory argument of type %s",
				      tstr(env, r->type, b, sizeof(b)));
	case BV_PTR_TO_CTX:
		/* Every context type we model has a context conversion, so
		 * its size is not checked here (kernel: convert_ctx_access). */
	default:
		if (zero_size_allowed && access_size == 0 && reg_is_null(r))
			return 0;
		return bv_reject(&env->log, idx, -EACCES, "R%u type=%s expected=%s", regno,
				 tstr(env, r->type, b, sizeof(b)),
				 tstr(env, BV_PTR_TO_STACK, b2, sizeof(b2)));
	}
}

int bv_check_helper_mem_access(struct bv_env *env, uint32_t regno, int32_t access_size,
			       bool zero_size_allowed, enum bv_access t)
{
	return bv_check_helper_mem_access_raw(env, regno, access_size, zero_size_allowed,
					      t, NULL);
}
