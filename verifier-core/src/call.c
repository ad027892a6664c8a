/* call.c — helper calls and the main program's exit: prototype lookup
 * through the facade, argument checks by argument kind (the kernel's
 * check_func_arg), the return value, reference acquisition and release,
 * and the checks at BPF_EXIT (leaked references and locks, R0's range).
 *
 * Verdicts and messages follow the Linux 6.18 verifier; the helpers' own
 * prototypes come from the facade. Callbacks, tail calls, dynptrs, timers,
 * spin locks, kptrs and BTF-typed arguments are not modelled yet: they end
 * with bv_unsupported().
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dynptr.h"
#include "state.h"

/* Kernel helper ids the verifier itself treats specially. */
enum {
	FN_map_lookup_elem = 1,
	FN_map_update_elem = 2,
	FN_map_delete_elem = 3,
	FN_get_smp_processor_id = 8,
	FN_probe_read_str = 45,
	FN_redirect_map = 51,
	FN_tail_call = 12,
	FN_get_stack = 67,
	FN_get_local_storage = 81,
	FN_map_push_elem = 87,
	FN_map_pop_elem = 88,
	FN_map_peek_elem = 89,
	FN_tcp_sock = 96,
	FN_spin_lock = 93,
	FN_sk_fullsock = 95,
	FN_probe_read_user_str = 114,
	FN_probe_read_kernel_str = 115,
	FN_get_task_stack = 141,
	FN_for_each_map_elem = 164,
	FN_timer_set_callback = 170,
	FN_get_func_ip = 173,
	FN_find_vma = 180,
	FN_loop = 181,
	FN_map_lookup_percpu_elem = 195,
	FN_user_ringbuf_drain = 209,
	FN_dynptr_from_mem = 197,
	FN_dynptr_write = 202,
	FN_dynptr_data = 203,
	FN_snprintf = 165,
};

#define MAX_VAR_SIZ (1ULL << 29)
#define MAX_ERRNO 4095

/* What the argument checks learn for the rest of the call (kernel:
 * struct bpf_call_arg_meta). */
struct call_meta {
	const struct bv_helper_proto *fn;
	const struct bv_map_desc *map;
	uint32_t release_regno;
	uint32_t ref_obj_id;
	struct bv_raw_mem raw;
	uint64_t msize_max;
	uint32_t mem_size;
	int64_t const_map_key;   /* -1: not a known constant */
	int32_t subprogno;       /* ARG_PTR_TO_FUNC: the callback; -1: none */
	uint32_t ret_btf_id;     /* per-CPU helpers: the variable's type */
	struct bv_dynptr_meta dynptr;  /* dynptr.c */
};

/* Register types each argument kind accepts, in the kernel's order (its
 * "expected=" list prints them so). */
struct compat {
	bv_reg_type types[10];
	int n;
};

static const struct compat mem_types = { {
	BV_PTR_TO_STACK, BV_PTR_TO_PACKET, BV_PTR_TO_PACKET_META, BV_PTR_TO_MAP_KEY,
	BV_PTR_TO_MAP_VALUE, BV_PTR_TO_MEM, BV_PTR_TO_MEM | BV_MEM_RINGBUF, BV_PTR_TO_BUF,
	BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED }, 9 };
/* older kernels: map keys and values only from these (no BV_FEAT_MAP_KEY_ANY_MEM) */
static const struct compat map_key_value_types = { {
	BV_PTR_TO_STACK, BV_PTR_TO_PACKET, BV_PTR_TO_PACKET_META, BV_PTR_TO_MAP_KEY,
	BV_PTR_TO_MAP_VALUE }, 5 };
static const struct compat scalar_types = { { BV_SCALAR }, 1 };
static const struct compat map_ptr_types = { { BV_CONST_PTR_TO_MAP }, 1 };
static const struct compat ctx_types = { { BV_PTR_TO_CTX }, 1 };
static const struct compat sock_types = { {
	BV_PTR_TO_SOCK_COMMON, BV_PTR_TO_SOCKET, BV_PTR_TO_TCP_SOCK, BV_PTR_TO_XDP_SOCK }, 4 };
static const struct compat btf_id_sock_common_types = { {
	BV_PTR_TO_SOCK_COMMON, BV_PTR_TO_SOCKET, BV_PTR_TO_TCP_SOCK, BV_PTR_TO_XDP_SOCK,
	BV_PTR_TO_BTF_ID, BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED }, 6 };
static const struct compat fullsock_types = { { BV_PTR_TO_SOCKET }, 1 };
static const struct compat btf_ptr_types = { {
	BV_PTR_TO_BTF_ID, BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED, BV_PTR_TO_BTF_ID | BV_MEM_RCU }, 3 };
static const struct compat percpu_btf_types = { {
	BV_PTR_TO_BTF_ID | BV_MEM_PERCPU, BV_PTR_TO_BTF_ID | BV_MEM_PERCPU | BV_MEM_RCU,
	BV_PTR_TO_BTF_ID | BV_MEM_PERCPU | BV_PTR_TRUSTED }, 3 };
static const struct compat spin_lock_types = { {
	BV_PTR_TO_MAP_VALUE, BV_PTR_TO_BTF_ID | BV_MEM_ALLOC }, 2 };
static const struct compat ringbuf_mem_types = { { BV_PTR_TO_MEM | BV_MEM_RINGBUF }, 1 };
static const struct compat func_types = { { BV_PTR_TO_FUNC }, 1 };
static const struct compat stack_types = { { BV_PTR_TO_STACK }, 1 };
static const struct compat map_value_types = { { BV_PTR_TO_MAP_VALUE }, 1 };
static const struct compat kptr_dest_types = { {
	BV_PTR_TO_MAP_VALUE, BV_PTR_TO_BTF_ID | BV_MEM_ALLOC }, 2 };
static const struct compat dynptr_types = { {
	BV_PTR_TO_STACK, BV_CONST_PTR_TO_DYNPTR }, 2 };

/* Trusted BTF pointers joined the argument lists with the trusted-ptr
 * rules (BV_FEAT_TRUSTED_PTR_ARGS); older kernels neither take nor list
 * them. */
static bool kernel_lists(const struct bv_env *env, bv_reg_type t)
{
	if ((t & BV_MEM_PERCPU) && (t & (BV_MEM_RCU | BV_PTR_TRUSTED)))
		return bv_kernel_has(env->f, BV_FEAT_PERCPU_ARG_FLAGS);
	if ((t & BV_MEM_ALLOC) && !bv_kernel_has(env->f, BV_FEAT_SPIN_LOCK_RECORD_MSG))
		return false;  /* allocated objects came with BTF records */
	return !(t & BV_PTR_TRUSTED) || bv_kernel_has(env->f, BV_FEAT_TRUSTED_PTR_ARGS);
}

static const struct compat *compatible(uint32_t arg_base)
{
	switch (arg_base) {
	case BV_ARG_PTR_TO_MAP_KEY:
	case BV_ARG_PTR_TO_MAP_VALUE:
	case BV_ARG_PTR_TO_MEM:
		return &mem_types;
	case BV_ARG_CONST_SIZE:
	case BV_ARG_CONST_SIZE_OR_ZERO:
	case BV_ARG_CONST_ALLOC_SIZE_OR_ZERO:
		return &scalar_types;
	case BV_ARG_CONST_MAP_PTR: return &map_ptr_types;
	case BV_ARG_PTR_TO_CTX: return &ctx_types;
	case BV_ARG_PTR_TO_SOCK_COMMON: return &sock_types;
	case BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON: return &btf_id_sock_common_types;
	case BV_ARG_PTR_TO_SOCKET: return &fullsock_types;
	case BV_ARG_PTR_TO_BTF_ID: return &btf_ptr_types;
	case BV_ARG_PTR_TO_SPIN_LOCK: return &spin_lock_types;
	case BV_ARG_PTR_TO_RINGBUF_MEM: return &ringbuf_mem_types;
	case BV_ARG_PTR_TO_PERCPU_BTF_ID: return &percpu_btf_types;
	case BV_ARG_PTR_TO_FUNC: return &func_types;
	case BV_ARG_PTR_TO_STACK: return &stack_types;
	case BV_ARG_PTR_TO_CONST_STR:
	case BV_ARG_PTR_TO_TIMER:
		return &map_value_types;
	case BV_ARG_KPTR_XCHG_DEST: return &kptr_dest_types;
	case BV_ARG_PTR_TO_DYNPTR: return &dynptr_types;
	default: return NULL;
	}
}

static const char *tstr(const struct bv_env *env, bv_reg_type t, char *buf, size_t n)
{
	return bv_reg_type_str(env, t, buf, n);
}

static bool reg_is_null(const struct bv_reg *r)
{
	return r->type == BV_SCALAR && bv_tnum_equals_const(r->s.var_off, 0);
}

static bool leaks(const struct bv_env *env, const struct bv_reg *r)
{
	return !env->f->allow_ptr_leaks && r->type != BV_SCALAR;
}

/* Kernel check_reg_type, after the type matched, for a BTF-typed pointer:
 * memory arguments take it only read-only; the others want the struct the
 * prototype names (btf_ptr.c). */
static int check_btf_reg_type(struct bv_env *env, uint32_t regno, bv_arg_type arg_type,
			      bool mem_arg, const struct bv_helper_proto *fn, uint32_t arg)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	char b[64];

	if (mem_arg) {
		if (arg_type & BV_MEM_RDONLY)
			return 0;
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "%s() may write into memory pointed by R%u type=%s",
				 fn ? fn->name : "?", regno, tstr(env, r->type, b, sizeof(b)));
	}
	if ((r->type & BV_PTR_MAYBE_NULL) &&
	    (!(arg_type & BV_PTR_MAYBE_NULL) || (arg_type & BV_OBJ_RELEASE)))
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "Possibly NULL pointer passed to helper arg%u", regno);
	return bv_check_btf_arg(env, regno, fn ? fn->arg_btf_id[arg] : 0,
				(arg_type & BV_OBJ_RELEASE) != 0);
}

/* Kernel check_reg_type: the register's type (with the flags the argument
 * tolerates folded away) must be one the argument kind accepts. */
static int check_reg_type(struct bv_env *env, uint32_t regno, bv_arg_type arg_type,
			  const struct bv_helper_proto *fn, uint32_t arg)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	const struct compat *c = compatible(BV_BASE_TYPE(arg_type));
	bv_reg_type type = r->type;

	if ((BV_BASE_TYPE(arg_type) == BV_ARG_PTR_TO_MAP_KEY ||
	     BV_BASE_TYPE(arg_type) == BV_ARG_PTR_TO_MAP_VALUE) &&
	    !bv_kernel_has(env->f, BV_FEAT_MAP_KEY_ANY_MEM))
		c = &map_key_value_types;
	char line[BV_MSG_MAX], b[64];
	size_t len;
	int i;

	if (!c)
		return bv_unsupported(&env->log, env->insn_idx,
				      "helper argument kind %u", BV_BASE_TYPE(arg_type));
	if (arg_type & BV_MEM_RDONLY)
		type &= ~BV_MEM_RDONLY;
	if (arg_type & BV_PTR_MAYBE_NULL)
		type &= ~BV_PTR_MAYBE_NULL;
	if (BV_BASE_TYPE(arg_type) == BV_ARG_PTR_TO_MEM)
		type &= ~BV_DYNPTR_TYPE_MASK;
	for (i = 0; i < c->n; i++)
		if (type == c->types[i] && kernel_lists(env, c->types[i]))
			break;
	if (i == c->n) {
		int shown = 0;

		len = (size_t)snprintf(line, sizeof(line), "R%u type=%s expected=", regno,
				       tstr(env, r->type, b, sizeof(b)));
		for (i = 0; i < c->n && len < sizeof(line); i++)
			if (kernel_lists(env, c->types[i]))
				len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%s",
							shown++ ? ", " : "",
							tstr(env, c->types[i], b, sizeof(b)));
		int err = bv_reject(&env->log, env->insn_idx, -EACCES, "%s", line);

		/* a pointer passed again after its release: point at it */
		bv_note_released_reg(env, regno, r);
		return err;
	}
	/* per-CPU pointers: the per-CPU helpers' own check (ksym.c) */
	if (BV_BASE_TYPE(r->type) == BV_PTR_TO_BTF_ID && !(r->type & BV_MEM_PERCPU))
		return check_btf_reg_type(env, regno, arg_type, c == &mem_types, fn, arg);
	return 0;
}

bool bv_arg_may_have_off(bv_reg_type t)
{
	switch (t) {
	case BV_PTR_TO_STACK:
	case BV_PTR_TO_PACKET:
	case BV_PTR_TO_PACKET_META:
	case BV_PTR_TO_MAP_KEY:
	case BV_PTR_TO_MAP_VALUE:
	case BV_PTR_TO_MEM:
	case BV_PTR_TO_MEM | BV_MEM_RDONLY:
	case BV_PTR_TO_MEM | BV_MEM_RINGBUF:
	case BV_PTR_TO_BUF:
	case BV_PTR_TO_BUF | BV_MEM_RDONLY:
	case BV_PTR_TO_ARENA:
	case BV_SCALAR:
		return true;
	default:
		return false;
	}
}

/* Kernel check_func_arg_reg_off. */
static int check_arg_reg_off(struct bv_env *env, uint32_t regno, bv_arg_type arg_type)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];

	if (arg_type & BV_OBJ_RELEASE) {
		if (r->off)
			return bv_reject(&env->log, env->insn_idx, -EINVAL,
					 "R%u must have zero offset when passed to release func or trusted arg to kfunc",
					 regno);
		return bv_check_ptr_off_reg(env, regno, false);
	}
	if (bv_arg_may_have_off(r->type))
		return 0;
	return bv_check_ptr_off_reg(env, regno,
				    BV_BASE_TYPE(r->type) == BV_PTR_TO_BTF_ID &&
				    !(r->type & BV_MEM_PERCPU));
}

/* Kernel get_constant_map_key: a privileged program's array lookup with a
 * key known on the stack returns a non-NULL value pointer. */
static int64_t constant_map_key(struct bv_env *env, const struct bv_reg *key,
				uint32_t key_size)
{
	const struct bv_frame *fr;
	const struct bv_stack_slot *st;
	int64_t stack_off;
	int slot, spi, off, i, zero = 0, spill = 0;

	if (!env->f->bpf_capable || key->type != BV_PTR_TO_STACK ||
	    !bv_tnum_is_const(key->s.var_off) || key->frameno > env->cur->curframe)
		return -1;
	fr = env->cur->frame[key->frameno];
	stack_off = key->off + (int64_t)key->s.var_off.value;
	slot = (int)(-stack_off - 1);
	spi = slot / BV_REG_SIZE;
	off = slot % BV_REG_SIZE;
	if (slot < 0 || (uint32_t)slot >= fr->allocated_stack)
		return -1;
	st = &fr->stack[spi];
	for (i = off; i >= 0 && st->slot_type[i] == BV_STACK_ZERO; i--)
		zero++;
	if (zero >= (int)key_size)
		return 0;
	if (st->slot_type[BV_REG_SIZE - 1] != BV_STACK_SPILL ||
	    st->spilled_ptr.type != BV_SCALAR)
		return -1;
	for (i = off; i >= 0 && st->slot_type[i] == BV_STACK_SPILL; i--)
		spill++;
	if (spill != (int)key_size || !bv_tnum_is_const(st->spilled_ptr.s.var_off))
		return -1;
	/* the lookup's result rests on the spilled constant */
	if (bv_kernel_has(env->f, BV_FEAT_CONST_KEY_NONNULL))
		bv_mark_precise_slot(env, key->frameno, (uint32_t)spi);
	return (int64_t)st->spilled_ptr.s.var_off.value;
}

/* Kernel check_mem_size_reg: the size argument bounds the memory one
 * argument earlier. */
static int check_mem_size(struct bv_env *env, uint32_t regno, enum bv_access t,
			  bool zero_size_allowed, struct call_meta *meta)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_raw_mem *raw = &meta->raw;

	meta->msize_max = r->s.umax;
	/* A size not known exactly: the helper may fill only part of the
	 * memory, so all of it must be initialised already. */
	if (!bv_tnum_is_const(r->s.var_off))
		raw = NULL;
	if (r->s.smin < 0)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u min value is negative, either use unsigned or 'var &= const'",
				 regno);
	if (r->s.umin == 0 && !zero_size_allowed) {
		/* older kernels let the memory's own check refuse size 0 */
		if (!bv_kernel_has(env->f, BV_FEAT_ZERO_SIZE_MSG_BOUNDS)) {
			int err = bv_check_helper_mem_access_raw(env, regno - 1, 0, false, t,
								 raw);
			if (err)
				return err;
		} else {
			return bv_reject(&env->log, env->insn_idx, -EACCES,
					 "R%u invalid zero-sized read: u64=[%" PRId64 ",%" PRId64 "]",
					 regno, (int64_t)r->s.umin, (int64_t)r->s.umax);
		}
	}
	if (r->s.umax >= MAX_VAR_SIZ)
		return bv_reject(&env->log, env->insn_idx, -EACCES,
				 "R%u unbounded memory access, use 'var &= const' or 'if (var < const)'",
				 regno);
	{
		int err = bv_check_helper_mem_access_raw(env, regno - 1, (int32_t)r->s.umax,
							 zero_size_allowed, t, raw);

		/* the access was checked for this size */
		return err ? err : bv_mark_precise(env, regno);
	}
}

/* Kernel update_loop_inline_state: a bpf_loop call whose flags are zero
 * and whose callback is always the same may be inlined; the decision
 * rests on the flags (R4) being zero. */
static int loop_inline_state(struct bv_env *env, int32_t subprogno)
{
	struct bv_insn_aux *aux = &env->aux[env->insn_idx];
	bool zero = reg_is_null(&bv_cur_regs(env)[4]);
	int err = 0;

	if (aux->loop_inline && aux->loop_inline != 1)
		return 0;        /* seen before, not fit */
	if (zero)
		err = bv_mark_precise(env, 4);
	if (!aux->loop_inline) {
		aux->loop_inline = zero ? 1 : 2;
		aux->loop_cb_subprog = subprogno;
	} else if (!zero || aux->loop_cb_subprog != subprogno) {
		aux->loop_inline = 2;
	}
	return err;
}

static int check_func_arg(struct bv_env *env, uint32_t arg, struct call_meta *meta)
{
	const struct bv_helper_proto *fn = meta->fn;
	uint32_t regno = 1 + arg;
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	bv_arg_type arg_type = fn->arg_type[arg];
	uint32_t base = BV_BASE_TYPE(arg_type);
	int32_t idx = env->insn_idx;
	int err;

	if (base == BV_ARG_DONTCARE)
		return 0;
	err = bv_check_reg_read(env, regno);
	if (err)
		return err;
	if (base == BV_ARG_ANYTHING) {
		if (leaks(env, r))
			return bv_reject(&env->log, idx, -EACCES,
					 "R%u leaks addr into helper function", regno);
		return 0;
	}
	if ((r->type == BV_PTR_TO_PACKET || r->type == BV_PTR_TO_PACKET_META) &&
	    !bv_may_access_pkt(env, BV_READ, fn->pkt_access))
		return bv_reject(&env->log, idx, -EACCES,
				 "helper access to the packet is not allowed");
	if (base == BV_ARG_PTR_TO_MAP_VALUE) {
		if (!meta->map)
			return bv_reject(&env->log, idx, -EACCES,
					 "invalid map_ptr to access map->type");
		/* Kernel resolve_map_arg_type: a sockmap's value is a socket. */
		if (meta->map->type == BV_MAP_TYPE_SOCKMAP ||
		    meta->map->type == BV_MAP_TYPE_SOCKHASH) {
			if (arg_type != BV_ARG_PTR_TO_MAP_VALUE)
				return bv_reject(&env->log, idx, -EINVAL,
						 "invalid arg_type for sockmap/sockhash");
			arg_type = BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON;
			base = BV_BASE_TYPE(arg_type);
		}
	}
	if (reg_is_null(r) && (arg_type & BV_PTR_MAYBE_NULL) &&
	    bv_kernel_has(env->f, BV_FEAT_PRECISE_ARGS)) {
		/* passed as NULL: the value matters */
		err = bv_mark_precise(env, regno);
		if (err)
			return err;
	}
	if (!(reg_is_null(r) && (arg_type & BV_PTR_MAYBE_NULL))) {
		err = check_reg_type(env, regno, arg_type, fn, arg);
		/* a dynptr on the stack may sit at any offset (dynptr.c
		 * checks it); one given to a callback must not move */
		if (!err && !(base == BV_ARG_PTR_TO_DYNPTR && r->type == BV_PTR_TO_STACK))
			err = check_arg_reg_off(env, regno, arg_type);
		if (err)
			return err;
	}
	if (arg_type & BV_OBJ_RELEASE) {
		if (base == BV_ARG_PTR_TO_DYNPTR) {
			err = bv_dynptr_release_check(env, regno);
			if (err)
				return err;
		} else if (!r->ref_obj_id && !reg_is_null(r)) {
			err = bv_reject(&env->log, idx, -EINVAL,
					"R%u must be referenced when passed to release function",
					regno);
			bv_note_unreferenced_release(env, regno, r);
			return err;
		}
		meta->release_regno = regno;
	}
	if (r->ref_obj_id && base != BV_ARG_KPTR_XCHG_DEST) {
		if (meta->ref_obj_id)
			return bv_reject(&env->log, idx, -EFAULT,
					 "verifier internal error: more than one arg with ref_obj_id R%u %u %u",
					 regno, r->ref_obj_id, meta->ref_obj_id);
		meta->ref_obj_id = r->ref_obj_id;
	}

	switch (base) {
	case BV_ARG_CONST_MAP_PTR:
		meta->map = r->map.map;
		if (!meta->map)
			return bv_unsupported(&env->log, idx, "map pointer without a description");
		return 0;
	case BV_ARG_PTR_TO_MAP_KEY:
		if (!meta->map)
			return bv_reject(&env->log, idx, -EACCES,
					 "invalid map_ptr to access map->key");
		err = bv_check_helper_mem_access(env, regno, (int32_t)meta->map->key_size,
						 false, BV_READ);
		if (err)
			return err;
		if (meta->map->type == BV_MAP_TYPE_ARRAY ||
		    meta->map->type == BV_MAP_TYPE_PERCPU_ARRAY)
			meta->const_map_key = constant_map_key(env, r, meta->map->key_size);
		return 0;
	case BV_ARG_PTR_TO_MAP_VALUE:
		if ((arg_type & BV_PTR_MAYBE_NULL) && reg_is_null(r))
			return 0;
		meta->raw.raw_mode = (arg_type & BV_MEM_UNINIT) != 0;
		return bv_check_helper_mem_access_raw(env, regno,
						      (int32_t)meta->map->value_size, false,
						      (arg_type & BV_MEM_WRITE) ? BV_WRITE : BV_READ,
						      &meta->raw);
	case BV_ARG_PTR_TO_MEM:
		meta->raw.raw_mode = (arg_type & BV_MEM_UNINIT) != 0;
		if ((arg_type & BV_MEM_FIXED_SIZE) && !fn->arg_size[arg])
			return bv_unsupported(&env->log, idx,
					      "fixed-size memory argument of %s#%d without a size",
					      fn->name, fn->func_id);
		if (arg_type & BV_MEM_FIXED_SIZE) {
			int err = bv_check_helper_mem_access_raw(env, regno,
								 (int32_t)fn->arg_size[arg], false,
								 (arg_type & BV_MEM_WRITE) ? BV_WRITE : BV_READ,
								 &meta->raw);

			/* bpf_strtol's result: a naturally aligned long. */
			if (!err && (arg_type & BV_MEM_ALIGNED))
				err = bv_check_ptr_alignment(env, regno, 0,
							     (int)fn->arg_size[arg], true);
			return err;
		}
		return 0;
	case BV_ARG_CONST_SIZE:
	case BV_ARG_CONST_SIZE_OR_ZERO:
		if (arg == 0)
			return bv_unsupported(&env->log, idx, "size argument without memory");
		return check_mem_size(env, regno,
				      (fn->arg_type[arg - 1] & BV_MEM_WRITE) ? BV_WRITE : BV_READ,
				      base == BV_ARG_CONST_SIZE_OR_ZERO, meta);
	case BV_ARG_CONST_ALLOC_SIZE_OR_ZERO:
		if (!bv_tnum_is_const(r->s.var_off))
			return bv_reject(&env->log, idx, -EACCES,
					 "R%u is not a known constant'", regno);
		meta->mem_size = (uint32_t)r->s.var_off.value;
		return bv_mark_precise(env, regno);
	case BV_ARG_PTR_TO_CTX:
	case BV_ARG_PTR_TO_RINGBUF_MEM:
	/* sockets and kernel objects: the register type check above is all */
	case BV_ARG_PTR_TO_SOCK_COMMON:
	case BV_ARG_PTR_TO_SOCKET:
	case BV_ARG_PTR_TO_BTF_ID:
	case BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON:
		return 0;
	case BV_ARG_PTR_TO_PERCPU_BTF_ID:
		if (!r->btf_id)
			return bv_reject(&env->log, idx, -EACCES,
					 "Helper has invalid btf_id in R%u", regno);
		meta->ret_btf_id = r->btf_id;
		return 0;
	case BV_ARG_PTR_TO_SPIN_LOCK:
		return bv_process_spin_lock(env, regno, fn->func_id == FN_spin_lock);
	case BV_ARG_PTR_TO_TIMER:
		return bv_check_timer_arg(env, regno, &meta->map);
	case BV_ARG_PTR_TO_FUNC:
		meta->subprogno = (int32_t)r->subprogno;
		return 0;
	case BV_ARG_PTR_TO_STACK:
		/* a callback's context: the register type check is all */
		return 0;
	case BV_ARG_PTR_TO_CONST_STR:
		return bv_check_const_str(env, regno);
	case BV_ARG_PTR_TO_DYNPTR:
		return bv_dynptr_arg(env, regno, arg, arg_type, &meta->dynptr);
	case BV_ARG_KPTR_XCHG_DEST:
		return bv_unsupported(&env->log, idx, "kptr arguments");
	default:
		return bv_unsupported(&env->log, idx, "helper argument kind %u of %s#%d",
				      base, fn->name, fn->func_id);
	}
}

static bool is_map_func(int32_t id)
{
	switch (id) {
	case FN_tail_call:
	case FN_map_lookup_elem:
	case FN_map_update_elem:
	case FN_map_delete_elem:
	case FN_map_push_elem:
	case FN_map_pop_elem:
	case FN_map_peek_elem:
	case FN_for_each_map_elem:
	case FN_redirect_map:
	case FN_map_lookup_percpu_elem:
		return true;
	default:
		return false;
	}
}

/* Packet data may have moved: every packet pointer becomes unusable. */
struct invalidate_pkt {
	bool allow_ptr_leaks;
	int32_t call_insn;   /* for notes: a later use points at the call */
};

static void invalidate_pkt_reg(struct bv_reg *r, void *arg)
{
	const struct invalidate_pkt *a = arg;
	uint32_t base = BV_BASE_TYPE(r->type);
	int32_t origin = r->origin;

	if (base != BV_PTR_TO_PACKET && base != BV_PTR_TO_PACKET_META &&
	    base != BV_PTR_TO_PACKET_END &&
	    /* slices of skb and xdp dynptrs point into the packet too */
	    !(base == BV_PTR_TO_MEM && (r->type & (BV_DYNPTR_TYPE_SKB | BV_DYNPTR_TYPE_XDP))))
		return;
	if (a->allow_ptr_leaks)
		bv_reg_mark_unknown(r, origin);
	else
		bv_reg_mark_not_init(r);
	r->origin = a->call_insn;
}

static int set_return_value(struct bv_env *env, const struct call_meta *meta)
{
	const struct bv_helper_proto *fn = meta->fn;
	struct bv_reg *r0 = &bv_cur_regs(env)[0];
	bv_reg_type flags = fn->ret_type & ~((1u << BV_BASE_TYPE_BITS) - 1);
	int32_t idx = env->insn_idx;

	switch (BV_BASE_TYPE(fn->ret_type)) {
	case BV_RET_INTEGER:
		bv_reg_mark_unknown(r0, idx);
		break;
	case BV_RET_VOID:
		bv_reg_mark_not_init(r0);
		break;
	case BV_RET_PTR_TO_MAP_VALUE:
		if (!meta->map)
			return bv_reject(&env->log, idx, -EINVAL,
					 "kernel subsystem misconfigured verifier");
		/* Map-in-map lookups yield the inner map (its template): a
		 * map pointer at once, or a map value that the NULL check
		 * turns into one (jmp.c). (Sockmap lookups: a referenced
		 * socket once NULL-checked, see below and jmp.c.) */
		switch (meta->map->type) {
		case BV_MAP_TYPE_ARRAY_OF_MAPS:
		case BV_MAP_TYPE_HASH_OF_MAPS:
			if (!meta->map->inner)
				return bv_unsupported(&env->log, idx,
						      "map-in-map lookups in '%s': its inner map is not described (no `values` template in the object)",
						      meta->map->name ? meta->map->name : "?");
			if (!bv_kernel_has(env->f, BV_FEAT_MAP_IN_MAP_PTR))
				break;
			bv_reg_mark_ptr(r0, BV_CONST_PTR_TO_MAP | flags, idx);
			r0->map.map = meta->map->inner;
			r0->origin = idx;
			if (flags & BV_PTR_MAYBE_NULL)
				r0->id = bv_new_id(env);
			return 0;
		default:
			break;
		}
		if (fn->func_id == FN_map_lookup_elem &&
		    bv_kernel_has(env->f, BV_FEAT_CONST_KEY_NONNULL) &&
		    (meta->map->type == BV_MAP_TYPE_ARRAY ||
		     meta->map->type == BV_MAP_TYPE_PERCPU_ARRAY) &&
		    meta->const_map_key >= 0 &&
		    meta->const_map_key < (int64_t)meta->map->max_entries)
			flags &= ~BV_PTR_MAYBE_NULL;
		bv_reg_mark_ptr(r0, BV_PTR_TO_MAP_VALUE | flags, idx);
		r0->map.map = meta->map;
		if (!(flags & BV_PTR_MAYBE_NULL) && meta->map->spin_lock_off >= 0)
			r0->id = bv_new_id(env);
		break;
	case BV_RET_PTR_TO_SOCKET:
		bv_reg_mark_ptr(r0, BV_PTR_TO_SOCKET | flags, idx);
		break;
	case BV_RET_PTR_TO_SOCK_COMMON:
		bv_reg_mark_ptr(r0, BV_PTR_TO_SOCK_COMMON | flags, idx);
		break;
	case BV_RET_PTR_TO_TCP_SOCK:
		bv_reg_mark_ptr(r0, BV_PTR_TO_TCP_SOCK | flags, idx);
		break;
	case BV_RET_PTR_TO_MEM:
		bv_reg_mark_ptr(r0, BV_PTR_TO_MEM | flags, idx);
		r0->mem_size = meta->mem_size ? meta->mem_size : fn->ret_mem_size;
		break;
	case BV_RET_PTR_TO_MEM_OR_BTF_ID: {
		int err = bv_percpu_ptr_return(env, meta->ret_btf_id, flags, r0);

		if (err)
			return err;
		break;
	}
	case BV_RET_PTR_TO_BTF_ID:
		/* the facade resolves the struct in the target kernel's BTF */
		if (!fn->ret_btf_id)
			return bv_unsupported(&env->log, idx,
					      "return type of %s#%d: the kernel's BTF has no such struct",
					      fn->name, fn->func_id);
		bv_reg_mark_ptr(r0, BV_PTR_TO_BTF_ID | flags, idx);
		r0->btf_id = fn->ret_btf_id;
		break;
	default:
		return bv_unsupported(&env->log, idx, "return type %u of %s#%d",
				      BV_BASE_TYPE(fn->ret_type), fn->name, fn->func_id);
	}
	r0->origin = idx;
	if (r0->type & BV_PTR_MAYBE_NULL)
		r0->id = bv_new_id(env);
	if (fn->func_id == FN_tcp_sock || fn->func_id == FN_sk_fullsock) {
		r0->ref_obj_id = meta->ref_obj_id;
	} else if (fn->acquires_ref ||
		   /* kernel is_acquire_function: a sockmap lookup takes a reference */
		   (fn->func_id == FN_map_lookup_elem && meta->map &&
		    (meta->map->type == BV_MAP_TYPE_SOCKMAP ||
		     meta->map->type == BV_MAP_TYPE_SOCKHASH))) {
		uint32_t id = bv_ref_acquire(env, idx, BV_REF_PTR);

		if (!id)
			return bv_unsupported(&env->log, idx, "out of memory");
		r0->id = id;
		r0->ref_obj_id = id;
	}
	/* Helpers that copy at most the size argument's bytes return it at
	 * most (or a negative errno). */
	if (BV_BASE_TYPE(fn->ret_type) == BV_RET_INTEGER) {
		switch (fn->func_id) {
		case FN_get_stack:
		case FN_get_task_stack:
		case FN_probe_read_str:
		case FN_probe_read_kernel_str:
		case FN_probe_read_user_str:
			r0->s.smax = (int64_t)meta->msize_max;
			r0->s.s32_max = (int32_t)meta->msize_max;
			r0->s.smin = -MAX_ERRNO;
			r0->s.s32_min = -MAX_ERRNO;
			bv_scalar_sync(&r0->s);
			break;
		case FN_get_smp_processor_id:
			/* A CPU number of the loading machine: bounded only
			 * when that machine is known. */
			if (bv_kernel_has(env->f, BV_FEAT_SMP_ID_BOUNDED) &&
			    env->f->sz >= offsetof(struct bv_facade, nr_cpu_ids) +
					  sizeof(env->f->nr_cpu_ids) &&
			    env->f->nr_cpu_ids) {
				uint32_t max = env->f->nr_cpu_ids - 1;

				r0->s.umin = 0;
				r0->s.umax = max;
				r0->s.u32_min = 0;
				r0->s.u32_max = max;
				r0->s.smin = 0;
				r0->s.smax = max;
				r0->s.s32_min = 0;
				r0->s.s32_max = (int32_t)max;
				bv_scalar_sync(&r0->s);
			}
			break;
		default:
			break;
		}
	}
	return 0;
}

/* Program types the kernel lets load as sleepable (".s" sections); the
 * facade does not say whether this one is. */
static bool may_be_sleepable(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_TRACING:
	case BV_PROG_TYPE_LSM:
	case BV_PROG_TYPE_KPROBE:
	case BV_PROG_TYPE_STRUCT_OPS:
	case BV_PROG_TYPE_SYSCALL:
		return true;
	default:
		return false;
	}
}

/* Kernel check_get_func_ip: the address of the traced function exists
 * for kprobes and for trampoline programs (fentry, fexit, fmod_ret) only,
 * although every tracing type is offered the helper. */
static int check_get_func_ip(struct bv_env *env, const struct bv_helper_proto *fn)
{
	/* enum bpf_attach_type: BPF_TRACE_FENTRY, BPF_TRACE_FEXIT, BPF_MODIFY_RETURN */
	uint32_t at = env->f->expected_attach_type;

	if (env->f->prog_type == BV_PROG_TYPE_KPROBE)
		return 0;
	if (env->f->prog_type == BV_PROG_TYPE_TRACING) {
		if (at == 24 || at == 25 || at == 26)
			return 0;
		return bv_reject(&env->log, env->insn_idx, -ENOTSUP,
				 "func %s#%d supported only for fentry/fexit/fmod_ret programs",
				 fn->name, fn->func_id);
	}
	return bv_reject(&env->log, env->insn_idx, -ENOTSUP,
			 "func %s#%d not supported for program type %u", fn->name, fn->func_id,
			 env->f->prog_type);
}

int bv_check_helper_call(struct bv_env *env, const struct bv_insn *insn, int32_t *insn_idx)
{
	struct bv_reg *regs = bv_cur_regs(env);
	const struct bv_helper_proto *fn = NULL;
	struct call_meta meta;
	struct bv_frame *cb_frame = NULL;
	bool skb_write = false;
	int32_t func_id = insn->imm, idx = *insn_idx;
	uint32_t i;
	int err;

	if (!env->f->helper)
		return bv_unsupported(&env->log, idx, "helper prototypes (no facade op)");
	err = env->f->helper(env->f->ctx, func_id, &fn);
	if (err == -ENOENT || (err && !fn))
		return bv_reject(&env->log, idx, -EINVAL, "invalid func unknown#%d", func_id);
	if (err == -EPERM)
		return bv_reject(&env->log, idx, -EINVAL,
				 bv_kernel_has(env->f, BV_FEAT_HELPER_PROG_TYPE_MSG) ?
				 "program of this type cannot use helper %s#%d" :
				 "unknown func %s#%d", fn->name, func_id);
	if (err == -EOPNOTSUPP)
		return bv_unsupported(&env->log, idx, "helper %s#%d: prototype not modelled yet",
				      fn->name, func_id);
	if (err)
		return bv_unsupported(&env->log, idx, "helper #%d: facade error %d", func_id,
				      err);
	if (fn->gpl_only && !env->f->gpl_compatible)
		return bv_reject(&env->log, idx, -EINVAL,
				 "cannot call GPL-restricted function from non-GPL compatible program");
	if (fn->not_allowed)
		return bv_reject(&env->log, idx, -EINVAL, "helper call is not allowed in probe");
	if (fn->might_sleep) {
		/* check_helper_call: only a sleepable program may call it
		 * (older kernels do not even offer it to the others) */
		if (bv_prog_sleepable(env->f) == 0 && !bv_kernel_has(env->f, BV_FEAT_MIGHT_SLEEP_CHECK))
			return bv_reject(&env->log, idx, -EINVAL,
					 bv_kernel_has(env->f, BV_FEAT_HELPER_PROG_TYPE_MSG) ?
					 "program of this type cannot use helper %s#%d" :
					 "unknown func %s#%d", fn->name, func_id);
		if (bv_prog_sleepable(env->f) == 0)
			return bv_reject(&env->log, idx, -EINVAL,
					 "helper call might sleep in a non-sleepable prog");
		if (may_be_sleepable(env->f->prog_type))
			return bv_unsupported(&env->log, idx,
					      "sleepable helper %s#%d (sleepable programs are not modelled)",
					      fn->name, func_id);
		return bv_reject(&env->log, idx, -EINVAL,
				 "helper call might sleep in a non-sleepable prog");
	}

	memset(&meta, 0, sizeof(meta));
	meta.fn = fn;
	meta.const_map_key = -1;
	meta.subprogno = -1;
	for (i = 0; i < 5; i++) {
		err = check_func_arg(env, i, &meta);
		if (err)
			return err;
	}

	if (is_map_func(func_id)) {
		if (!meta.map)
			return bv_reject(&env->log, idx, -EINVAL,
					 "kernel subsystem misconfigured verifier");
		if (func_id == FN_tail_call) {
			err = bv_check_tail_call_map(env, meta.map);
			if (err)
				return err;
		}
		if (meta.map->rdonly_prog &&
		    (func_id == FN_map_delete_elem || func_id == FN_map_update_elem ||
		     func_id == FN_map_push_elem || func_id == FN_map_pop_elem))
			return bv_reject(&env->log, idx, -EACCES, "write into map forbidden");
	}

	/* Write-only memory the helper fills: written after the call. */
	for (i = 0; i < (uint32_t)meta.raw.access_size; i++) {
		err = bv_check_mem_access(env, idx, meta.raw.regno, (int32_t)i, 1,
					  BV_WRITE, -1, false);
		if (err)
			return err;
	}

	/* older kernels build a dynptr argument's slots now */
	err = bv_dynptr_mark_late(env, &meta.dynptr);
	if (err)
		return err;

	if (meta.release_regno) {
		err = -EINVAL;
		if (BV_BASE_TYPE(fn->arg_type[meta.release_regno - 1]) == BV_ARG_PTR_TO_DYNPTR)
			err = bv_dynptr_release(env, meta.release_regno);
		else if (meta.ref_obj_id)
			err = bv_ref_release(env, meta.ref_obj_id);
		else if (reg_is_null(&regs[meta.release_regno]))
			err = 0;
		if (err)
			return bv_reject(&env->log, idx, err,
					 "func %s#%d reference has not been acquired before",
					 fn->name, func_id);
	}

	switch (func_id) {
	case FN_snprintf:
		err = bv_check_snprintf_call(env);
		if (err)
			return err;
		break;
	case FN_tail_call:
		err = bv_check_tail_call(env);
		if (err)
			return err;
		/* kernel record_func_key: a constant index in range is
		 * remembered, so it must stay that constant */
		if (regs[3].type == BV_SCALAR && bv_tnum_is_const(regs[3].s.var_off) &&
		    BV_BASE_TYPE(regs[2].type) == BV_CONST_PTR_TO_MAP && regs[2].map.map &&
		    regs[3].s.var_off.value < regs[2].map.map->max_entries) {
			err = bv_mark_precise(env, 3);
			if (err)
				return err;
		}
		break;
	case FN_for_each_map_elem:
	case FN_timer_set_callback:
	case FN_find_vma:
	case FN_loop:
	case FN_user_ringbuf_drain:
		if (meta.subprogno < 0)
			return bv_unsupported(&env->log, idx, "callbacks (%s#%d)", fn->name, func_id);
		/* callback.c: the callback's frame, queued or entered below */
		err = bv_callback_helper(env, fn, (uint32_t)meta.subprogno, &cb_frame);
		if (err)
			return err;
		if (func_id == FN_loop) {
			err = loop_inline_state(env, meta.subprogno);
			/* the iterations end on R1's value */
			if (!err && bv_kernel_has(env->f, BV_FEAT_CALLBACK_ITERATE))
				err = bv_mark_precise(env, 1);
			if (err)
				return err;
		}
		break;
	case FN_dynptr_from_mem:
		/* the kernels here build local dynptrs over map values only */
		if (regs[1].type != BV_PTR_TO_MAP_VALUE) {
			char b[64];

			return bv_reject(&env->log, idx, -EACCES,
					 "Unsupported reg type %s for bpf_dynptr_from_mem data",
					 tstr(env, regs[1].type, b, sizeof(b)));
		}
		break;
	case FN_dynptr_write:
		/* writing an skb's data moves it */
		if (bv_dynptr_kind_at(env, 1) == BV_DYNPTR_SKB)
			skb_write = true;
		break;
	case FN_get_func_ip:
		err = check_get_func_ip(env, fn);
		if (err)
			return err;
		break;
	case FN_get_local_storage:
		if (!reg_is_null(&regs[2]))
			return bv_reject(&env->log, idx, -EINVAL,
					 "get_local_storage() doesn't support non-zero flags");
		if (bv_kernel_has(env->f, BV_FEAT_PRECISE_ARGS)) {
			err = bv_mark_precise(env, 2);
			if (err)
				return err;
		}
		break;
	default:
		break;
	}

	for (i = 1; i <= 5; i++)
		bv_reg_mark_not_init(&regs[i]);
	env->scratched_regs |= 0x3f;
	err = set_return_value(env, &meta);
	if (err) {
		bv_frame_free(cb_frame);
		return err;
	}
	if (func_id == FN_dynptr_data)
		bv_dynptr_slice_reg(env, &regs[0], &meta.dynptr);
	if (cb_frame) {
		/* kernels that walk a callback in the caller's path: now */
		err = bv_callback_enter(env, cb_frame, insn_idx);
		if (err)
			return err;
	}

	if (meta.map && env->f->map_helper_compatible) {
		int incompatible = env->f->map_helper_compatible(env->f->ctx, meta.map, func_id);

		/* -EPERM: the kernel's may_update_sockmap() said no first. */
		if (incompatible == -EPERM)
			bv_reject(&env->log, idx, -EINVAL, "cannot update sockmap in this context");
		if (incompatible)
			return bv_reject(&env->log, idx, -EINVAL,
					 "cannot pass map_type %u into func %s#%d",
					 meta.map->type, fn->name, func_id);
	}

	if (fn->changes_pkt_data || skb_write ||
	    (func_id == FN_tail_call && bv_kernel_has(env->f, BV_FEAT_TAIL_CALL_CHANGES_PKT)))
		bv_invalidate_pkt_pointers(env, env->cur);
	if (func_id == FN_tail_call)
		return bv_tail_call_subprog_exit(env);
	return 0;
}

void bv_invalidate_pkt_pointers(struct bv_env *env, struct bv_state *st)
{
	struct invalidate_pkt a = { env->f->allow_ptr_leaks, env->insn_idx };

	bv_for_each_reg(st, invalidate_pkt_reg, &a);
}

/* ---- exit ---- */

int bv_check_resource_leak(struct bv_env *env, bool check_lock, const char *prefix)
{
	const struct bv_state *st = env->cur;
	bool leaked = false;
	uint32_t i;

	if (check_lock && st->active_locks) {
		int err = bv_reject(&env->log, env->insn_idx, -EINVAL,
				    "%s cannot be used inside bpf_spin_lock-ed region", prefix);

		bv_note_held_lock(env);
		return err;
	}
	if (check_lock && st->active_rcu_lock && !bv_kernel_has(env->f, BV_FEAT_RCU_REGION_EXIT_MSG))
		return bv_check_rcu_region_end(env, prefix);
	for (i = 0; i < st->nr_refs; i++) {
		if (st->refs[i].type != BV_REF_PTR)
			continue;
		bool first = bv_cause_first(env);

		bv_reject(&env->log, env->insn_idx, -EINVAL,
			  "Unreleased reference id=%u alloc_insn=%d", st->refs[i].id,
			  st->refs[i].insn);
		bv_cause_set(env, first, BV_CAUSE_LEAK, st->refs[i].insn, -1);
		bv_note_leaked_ref(env, &st->refs[i]);
		leaked = true;
	}
	if (leaked)
		return bv_reject(&env->log, env->insn_idx, -EINVAL,
				 "%s would lead to reference leak", prefix);
	for (i = 0; check_lock && i < st->nr_refs; i++)
		if (st->refs[i].type == BV_REF_IRQ)
			return bv_reject(&env->log, env->insn_idx, -EINVAL,
					 "%s cannot be used inside bpf_local_irq_save-ed region",
					 prefix);
	if (check_lock && st->active_rcu_lock)
		return bv_check_rcu_region_end(env, prefix);
	return 0;
}

/* The kernel's words for a return value out of range: "At WHAT the
 * register R0 has smin=.. smax=.. should have been in [MIN, MAX]"
 * (program exit, callbacks). */
void bv_retval_range_msg(char *line, size_t size, const char *what, const struct bv_reg *r0,
			 int32_t min, int32_t max)
{
	size_t len = (size_t)snprintf(line, size, "At %s the register R0 has", what);

	if (r0->s.smin > INT64_MIN)
		len += (size_t)snprintf(line + len, size - len, " smin=%" PRId64, r0->s.smin);
	if (r0->s.smax < INT64_MAX)
		len += (size_t)snprintf(line + len, size - len, " smax=%" PRId64, r0->s.smax);
	if (r0->s.smin == INT64_MIN && r0->s.smax == INT64_MAX)
		len += (size_t)snprintf(line + len, size - len, " unknown scalar value");
	snprintf(line + len, size - len, " should have been in [%d, %d]", min, max);
}

int bv_check_exit(struct bv_env *env)
{
	struct bv_reg *r0 = &bv_cur_regs(env)[0];
	struct bv_retval_range range;
	int32_t idx = env->insn_idx;
	char line[BV_MSG_MAX], b[64];
	int err;

	err = bv_check_resource_leak(env, env->cur->curframe == 0,
				     "BPF_EXIT instruction in main prog");
	if (err)
		return err;
	err = bv_check_reg_read(env, 0);
	if (err)
		return err;
	/* a timer callback's exit: its own walk with the callback as frame 0 */
	if (bv_cur_frame(env->cur)->cb_kind == BV_CB_ASYNC) {
		if (leaks(env, r0))
			return bv_reject(&env->log, idx, -EACCES, "R0 leaks addr as return value");
		return bv_callback_async_exit(env);
	}
	if (bv_cur_frame(env->cur)->subprogno)   /* a global function's own walk */
		return bv_global_func_exit(env);
	if (leaks(env, r0))
		return bv_reject(&env->log, idx, -EACCES, "R0 leaks addr as return value");
	if (!env->f->return_range)
		return bv_unsupported(&env->log, idx,
				      "return value range for this program type");
	memset(&range, 0, sizeof(range));
	env->f->return_range(env->f->ctx, &range);
	if (!range.enforce)
		return 0;
	if (r0->type != BV_SCALAR)
		return bv_reject(&env->log, idx, -EINVAL,
				 "At program exit the register R0 is not a known value (%s)",
				 tstr(env, r0->type, b, sizeof(b)));
	if (bv_kernel_has(env->f, BV_FEAT_RETVAL_PRECISE)) {
		int err = bv_mark_precise(env, 0);

		if (err)
			return err;
	}
	if (!bv_kernel_has(env->f, BV_FEAT_RETVAL_BOUNDS)) {
		/* older verifiers: R0's tnum must lie within the range's */
		struct bv_tnum want = bv_tnum_range((uint64_t)(int64_t)range.minval,
						    (uint64_t)(int64_t)range.maxval);
		char tv[64], tr[64];

		if (bv_tnum_in(want, r0->s.var_off))
			return 0;
		bv_tnum_str(env, want, tr, sizeof(tr));
		if (bv_tnum_is_unknown(r0->s.var_off))
			snprintf(tv, sizeof(tv), "has unknown scalar value");
		else {
			memcpy(tv, "has value ", 10);
			bv_tnum_str(env, r0->s.var_off, tv + 10, sizeof(tv) - 10);
		}
		bv_reject(&env->log, idx, -EINVAL,
			  "At program exit the register R0 %s should have been in %s", tv, tr);
		bv_explain_reg(env, 0);
		return -EINVAL;
	}
	if (range.return_32bit ? range.minval <= r0->s.s32_min && r0->s.s32_max <= range.maxval :
	    range.minval <= r0->s.smin && r0->s.smax <= range.maxval)
		return 0;
	bv_retval_range_msg(line, sizeof(line), "program exit", r0, range.minval, range.maxval);
	bv_reject(&env->log, idx, -EINVAL, "%s", line);
	bv_explain_reg(env, 0);
	return -EINVAL;
}
