/* tracing.c — BTF-typed contexts and pointers of the tracing program types
 * (see tracing.h), answered from the target kernel's BTF.
 *
 * The facts follow the kernel (kernel/bpf/btf.c btf_ctx_access,
 * btf_struct_walk, btf_struct_ids_match; kernel/bpf/verifier.c
 * check_ptr_to_btf_access, check_return_code; libbpf's attach-target
 * lookup); the code is ours. What differs between kernels is a feature bit
 * (features.h) or the kernel's BTF itself: struct layouts, prototypes, and
 * the "<struct>__safe_trusted"/"__safe_rcu"/… types a kernel emits to say
 * which pointer fields stay trusted when walked.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include <bpf/btf.h>
#include <linux/bpf.h>

#include "btf_walk.h"
#include "bvf_internal.h"
#include "kb_attach.h"
#include "kb_sleepable.h"
#include "tracing.h"

#define MAX_BPF_FUNC_ARGS 12
#define MAX_ERRNO 4095
#define RESOLVE_DEPTH 32

static bool has(uint64_t features, enum bv_feature f)
{
	return (features & BV_FEAT_BIT(f)) != 0;
}

static const char *name_of(const struct btf *btf, const struct btf_type *t)
{
	const char *n = t ? btf__name_by_offset(btf, t->name_off) : NULL;

	return n ? n : "";
}

/* Kernel btf_type_str: the kind's name as log lines print it. */
static const char *kind_str(const struct btf_type *t)
{
	static const char *const kinds[] = {
		"UNKN", "INT", "PTR", "ARRAY", "STRUCT", "UNION", "ENUM", "FWD",
		"TYPEDEF", "VOLATILE", "CONST", "RESTRICT", "FUNC", "FUNC_PROTO",
		"VAR", "DATASEC", "FLOAT", "DECL_TAG", "TYPE_TAG", "ENUM64",
	};
	uint32_t k = t ? btf_kind(t) : 0;

	return k < sizeof(kinds) / sizeof(kinds[0]) ? kinds[k] : "UNKN";
}

static bool is_struct(const struct btf_type *t)
{
	return t && (btf_is_struct(t) || btf_is_union(t));
}

static bool is_modifier(const struct btf_type *t)
{
	return t && (btf_is_typedef(t) || btf_is_volatile(t) || btf_is_const(t) ||
		     btf_is_restrict(t) || btf_is_type_tag(t));
}

/* Skips typedefs and qualifiers from id; *out_id the type reached. */

/* ---- attach target ---- */

/* tp_btf null-argument table of the kernel (btf.c raw_tp_null_args):
 * bit 4*n set when argument n may be NULL, bit 4*n+1 when it may be an
 * ERR_PTR (read as a scalar). */
static const struct {
	const char *tp;
	uint64_t mask;
} tp_null_args[] = {
	{ "sched_pi_setprio", 0x10 },
	{ "sched_process_wait", 0x1 },
	{ "sched_stick_numa", 0x100 },
	{ "sched_swap_numa", 0x100 },
	{ "afs_make_fs_call", 0x10 },
	{ "afs_make_fs_calli", 0x10 },
	{ "afs_make_fs_call1", 0x10 },
	{ "afs_make_fs_call2", 0x10 },
	{ "afs_protocol_error", 0x1 },
	{ "afs_flock_ev", 0x10 },
	{ "cachefiles_lookup", 0x1 | 0x200 },
	{ "cachefiles_unlink", 0x1 },
	{ "cachefiles_rename", 0x1 },
	{ "cachefiles_prep_read", 0x1 },
	{ "cachefiles_mark_active", 0x1 },
	{ "cachefiles_mark_failed", 0x1 },
	{ "cachefiles_mark_inactive", 0x1 },
	{ "cachefiles_vfs_error", 0x1 },
	{ "cachefiles_io_error", 0x1 },
	{ "cachefiles_ondemand_open", 0x1 },
	{ "cachefiles_ondemand_copen", 0x1 },
	{ "cachefiles_ondemand_close", 0x1 },
	{ "cachefiles_ondemand_read", 0x1 },
	{ "cachefiles_ondemand_cread", 0x1 },
	{ "cachefiles_ondemand_fd_write", 0x1 },
	{ "cachefiles_ondemand_fd_release", 0x1 },
	{ "ext4_mballoc_discard", 0x10 },
	{ "ext4_mballoc_free", 0x10 },
	{ "fib_table_lookup", 0x100 },
	{ "posix_lock_inode", 0x10 },
	{ "fcntl_setlk", 0x10 },
	{ "locks_remove_posix", 0x10 },
	{ "flock_lock_inode", 0x10 },
	{ "break_lease_noblock", 0x10 },
	{ "break_lease_block", 0x10 },
	{ "break_lease_unblock", 0x10 },
	{ "generic_delete_lease", 0x10 },
	{ "time_out_leases", 0x10 },
	{ "host1x_cdma_push_gather", 0x10000 },
	{ "mm_khugepaged_scan_pmd", 0x10 },
	{ "mm_collapse_huge_page_isolate", 0x1 },
	{ "mm_khugepaged_scan_file", 0x10 },
	{ "mm_khugepaged_collapse_file", 0x10 },
	{ "mm_page_alloc", 0x1 },
	{ "mm_page_pcpu_drain", 0x1 },
	{ "mm_page_alloc_zone_locked", 0x1 },
	{ "netfs_failure", 0x10 },
	{ "device_pm_callback_start", 0x10 },
	{ "qdisc_dequeue", 0x1000 },
	{ "rxrpc_recvdata", 0x1 },
	{ "rxrpc_resend", 0x10 },
	{ "rxrpc_tq", 0x10 },
	{ "rxrpc_client", 0x1 },
	{ "sunrpc_refresh_status", 0x1 },
	{ "sunrpc_retry_refresh_status", 0x1 },
	{ "sunrpc_refresh_status", 0x1 },
	{ "xs_stream_read_data", 0x1 },
	{ "xprt_reserve_cong", 0x10 },
	{ "xprt_release_cong", 0x10 },
	{ "xprt_get_cong", 0x10 },
	{ "xprt_put_cong", 0x10 },
	{ "tcp_send_reset", 0x11 },
	{ "tegra_dma_tx_status", 0x100 },
	{ "tmigr_update_events", 0x1 },
	{ "writeback_dirty_inode_enqueue", 0x1 },
};

/* Iterator context arguments the kernel registers as trusted (its
 * bpf_iter_reg ctx_arg_info: PTR_TO_BTF_ID_OR_NULL | PTR_TRUSTED); every
 * other pointer argument of an iterator is ptr_or_null_. */
static const struct {
	const char *target;
	uint32_t arg;
} iter_trusted_args[] = {
	{ "task", 1 }, { "cgroup", 1 }, { "bpf_map", 1 }, { "tcp", 1 }, { "udp", 1 },
};

static bool iter_arg_trusted(const char *target, uint32_t arg)
{
	for (size_t i = 0; i < sizeof(iter_trusted_args) / sizeof(iter_trusted_args[0]); i++)
		if (iter_trusted_args[i].arg == arg && !strcmp(iter_trusted_args[i].target, target))
			return true;
	return false;
}

static int not_found(const struct bvf_program *prog, const char *target, const char *looked_up,
		     struct bv_result *res)
{
	const char *name = bvf_program_name(prog);

	memset(res, 0, sizeof(*res));
	res->verdict = BV_LOAD_ERROR;
	res->insn = -1;
	snprintf(res->message, sizeof(res->message),
		 "libbpf: prog '%s': failed to find kernel BTF type ID of '%s': -3",
		 name ? name : "?", target);
	res->nr_notes = 1;
	res->notes[0].insn = -1;
	snprintf(res->notes[0].text, sizeof(res->notes[0].text),
		 "section '%s' attaches to '%s', which this kernel's BTF does not have (looked up as %s): libbpf cannot set the program's attach target",
		 bvf_program_section(prog) ? bvf_program_section(prog) : "?", target, looked_up);
	return -1;
}

static int unsupported(struct bv_result *res, const char *fmt, const char *a)
{
	memset(res, 0, sizeof(*res));
	res->verdict = BV_ERROR;
	res->insn = -1;
	snprintf(res->message, sizeof(res->message), fmt, a);
	return -1;
}

/* The FUNC_PROTO of FUNC `name`; 0 when the BTF has no such function. */
static uint32_t func_proto_of(const struct btf *btf, const char *name)
{
	int id = btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
	const struct btf_type *f = id > 0 ? btf__type_by_id(btf, (uint32_t)id) : NULL;
	const struct btf_type *p = f ? btf__type_by_id(btf, f->type) : NULL;

	return p && btf_is_func_proto(p) ? f->type : 0;
}

void bvf_tracing_clear(struct bvf_tracing *t)
{
	memset(t, 0, offsetof(struct bvf_tracing, protos));
	memset(t->resolved, 0, sizeof(t->resolved));
}

int bvf_tracing_init(struct bvf_tracing *t, const struct bvf_program *prog,
		     const struct bvf_kernel *k, struct bv_result *res)
{
	uint32_t type = bvf_program_prog_type(prog), at = bvf_program_attach_type(prog);
	const char *target = bvf_program_attach_target(prog);
	char err[256], looked[160];
	const struct btf *btf;

	if (type != BV_PROG_TYPE_TRACING && type != BV_PROG_TYPE_LSM)
		return 0;
	bvf_tracing_clear(t);
	t->prog_type = type;
	t->attach_type = at;
	t->sleepable = bvf_program_sleepable(prog);
	t->features = bvf_kernel_features(k);
	btf = bvf_kernel_btf(k, err, sizeof(err));
	if (!btf)
		return unsupported(res, "the tracing program's attach target needs the kernel's BTF: %s",
				   err);
	t->btf = btf;
	if (type == BV_PROG_TYPE_TRACING && at != BPF_TRACE_RAW_TP && at != BPF_TRACE_FENTRY &&
	    at != BPF_TRACE_FEXIT && at != BPF_MODIFY_RETURN && at != BPF_TRACE_ITER)
		return unsupported(res, "tracing attach type %s is not supported yet",
				   bvf_program_section(prog));
	if (!target || !*target)
		return unsupported(res, "section '%s' names no attach target (set at load time by the loader; not modelled)",
				   bvf_program_section(prog) ? bvf_program_section(prog) : "?");
	if (strchr(target, ':'))
		return unsupported(res, "attach target '%s' in a kernel module: module BTF is not modelled",
				   target);

	if (type == BV_PROG_TYPE_TRACING && at == BPF_TRACE_RAW_TP) {
		int id;
		const struct btf_type *td, *ptr;

		snprintf(looked, sizeof(looked), "btf_trace_%s", target);
		/* through the profile's name index: libbpf's lookup scans every
		 * type (~0.5 million instructions per tp_btf program); the view
		 * reads the same bytes as `btf`, so the ids are the same */
		id = bvf_kernel_find(k, looked, BTF_KIND_TYPEDEF);
		td = id > 0 ? btf__type_by_id(btf, (uint32_t)id) : NULL;
		ptr = td ? btf__type_by_id(btf, td->type) : NULL;
		if (!ptr || !btf_is_ptr(ptr) || !btf_is_func_proto(btf__type_by_id(btf, ptr->type)))
			return not_found(prog, target, looked, res);
		t->proto_id = ptr->type;
		t->skip_first = true;
		snprintf(t->func_name, sizeof(t->func_name), "%s", target);
		t->d_path_allowed = 0;    /* a tracepoint is on no allow-list */
		if (has(t->features, BV_FEAT_TP_BTF_NULL_ARGS))
			for (size_t i = 0; i < sizeof(tp_null_args) / sizeof(tp_null_args[0]); i++)
				if (!strcmp(tp_null_args[i].tp, target)) {
					t->null_mask = tp_null_args[i].mask;
					break;
				}
		return 1;
	}
	if (type == BV_PROG_TYPE_LSM)
		snprintf(looked, sizeof(looked), "bpf_lsm_%s", target);
	else if (at == BPF_TRACE_ITER)
		snprintf(looked, sizeof(looked), "bpf_iter_%s", target);
	else
		snprintf(looked, sizeof(looked), "%s", target);
	t->proto_id = func_proto_of(btf, looked);
	if (!t->proto_id)
		return not_found(prog, target, looked, res);
	snprintf(t->func_name, sizeof(t->func_name), "%s", looked);
	/* Which functions may be sleepable (ALLOW_ERROR_INJECTION, the LSM
	 * sleepable-hook set) or have their return modified (error injection,
	 * or a security_ prefix) are kernel lists absent from BTF. */
	/* bpf_d_path_allowed: iterators, the LSM hooks that may sleep, the
	 * functions of btf_allowlist_d_path */
	if (at == BPF_TRACE_ITER)
		t->d_path_allowed = 1;
	else if (type == BV_PROG_TYPE_LSM)
		t->d_path_allowed = bvf_kernel_lsm_hook_sleepable(k, looked);
	else
		t->d_path_allowed = bvf_kernel_d_path_allowed_fn(k, looked);
	if (t->sleepable && at != BPF_TRACE_ITER) {
		int listed = type == BV_PROG_TYPE_LSM && at == BPF_LSM_MAC ?
			     bvf_kernel_lsm_hook_sleepable(k, looked) :
			     type == BV_PROG_TYPE_TRACING ? bvf_kernel_sleepable_fn(k, looked) : -1;
		const struct bv_map_desc *maps;
		uint32_t nr_maps;

		if (listed < 0)
			return unsupported(res, "sleepable program on '%s': the kernel's list of sleepable attach targets is not modelled",
					   target);
		if (!listed) {
			/* bpf_check_attach_target, before the walk */
			memset(res, 0, sizeof(*res));
			res->verdict = BV_REJECT;
			res->insn = -1;
			snprintf(res->message, sizeof(res->message), "%s is not sleepable", looked);
			return -1;
		}
		maps = bvf_program_maps(prog, &nr_maps);
		for (uint32_t i = 0; i < nr_maps; i++)
			if (!bvf_sleepable_map_type_ok(maps[i].type))
				return unsupported(res, "sleepable program using map '%s': which maps a sleepable program may use is not modelled",
						   maps[i].name ? maps[i].name : "?");
	}
	/* bpf_check_attach_target: a sleepable fmod_ret was only checked for
	 * being sleepable above */
	if (at == BPF_MODIFY_RETURN && !t->sleepable) {
		int modifiable = bvf_kernel_modifiable_fn(k, looked);

		if (modifiable < 0)
			return unsupported(res, "fmod_ret on '%s': whether the kernel lets its return value be modified (ALLOW_ERROR_INJECTION) is not modelled",
					   target);
		if (!modifiable) {
			memset(res, 0, sizeof(*res));
			res->verdict = BV_REJECT;
			res->insn = -1;
			snprintf(res->message, sizeof(res->message), "%s() is not modifiable", looked);
			return -1;
		}
	}
	if (at == BPF_TRACE_ITER) {
		const struct btf_type *p = btf__type_by_id(btf, t->proto_id);
		const struct btf_param *a = btf_params(p);

		t->iter = true;
		snprintf(t->iter_target, sizeof(t->iter_target), "%s", target);
		/* void * arguments are buffers (map keys and values) */
		for (uint16_t i = 1; i < btf_vlen(p); i++) {
			const struct btf_type *at_ = bvf_btf_skip_mods(btf, a[i].type, NULL);

			if (at_ && btf_is_ptr(at_) && at_->type == 0)
				return unsupported(res, "iterator '%s': buffer (PTR_TO_BUF) context arguments are not supported yet",
						   target);
		}
	}
	return 1;
}

/* ---- context ---- */

/* Kernel get_ctx_arg_idx: the argument a byte offset falls in (arguments
 * are u64 slots; larger structs passed by value take several). Returns
 * nr_args for the return-value slot, more past it. */
static uint32_t ctx_arg_idx(const struct btf *btf, const struct btf_type *proto, int32_t off)
{
	const struct btf_param *a = btf_params(proto);
	uint32_t n = btf_vlen(proto), offset = 0;
	const struct btf_type *t;

	for (uint32_t i = 0; i < n; i++) {
		t = bvf_btf_skip_mods(btf, a[i].type, NULL);
		offset += t && btf_is_ptr(t) ? 8 : ((t ? t->size : 8) + 7) / 8 * 8;
		if ((uint32_t)off < offset)
			return i;
	}
	t = bvf_btf_skip_mods(btf, proto->type, NULL);
	offset += t && btf_is_ptr(t) ? 8 : ((t ? t->size : 0) + 7) / 8 * 8;
	return (uint32_t)off < offset ? n : n + 1;
}

static bool is_small_int(const struct btf_type *t)
{
	return t && btf_is_int(t) && t->size <= 8;
}

static bool is_any_enum(const struct btf_type *t)
{
	return t && (btf_is_enum(t) || btf_kind(t) == 19 /* BTF_KIND_ENUM64 */);
}

__attribute__((format(printf, 2, 3)))
static bool refuse(struct bv_ctx_access_info *info, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(info->msg, sizeof(info->msg), fmt, ap);
	va_end(ap);
	return false;
}

bool bvf_tracing_ctx_access(const struct bvf_tracing *t, int32_t off, uint32_t size,
			    enum bv_access access, struct bv_ctx_access_info *info)
{
	const struct btf *btf = t->btf;
	const struct btf_type *proto = btf__type_by_id(btf, t->proto_id), *ty;
	const struct btf_param *args = btf_params(proto);
	uint32_t nr_args = btf_vlen(proto), arg, pid;
	const char *fname = t->func_name;
	bool trusted = false;

	info->reg_type = BV_SCALAR;
	/* bpf_tracing_ctx_access (not for LSM, whose ops check nothing first) */
	if (t->prog_type == BV_PROG_TYPE_TRACING) {
		if (off < 0 || off >= 8 * MAX_BPF_FUNC_ARGS || access != BV_READ ||
		    off % (int32_t)size)
			return false;
	}
	if (off % 8)
		return refuse(info, "func '%s' offset %d is not multiple of 8", fname, off);
	/* the index counts tp_btf's leading __data slot, the argument list
	 * skips it (as the kernel does) */
	arg = ctx_arg_idx(btf, proto, off);
	if (t->skip_first) {
		args++;
		nr_args--;
	}
	if (arg > nr_args)
		return refuse(info, "func '%s' doesn't have %u-th argument", fname, arg + 1);
	if (arg == nr_args) {
		switch (t->attach_type) {
		case BPF_LSM_MAC:
		case BPF_LSM_CGROUP:
		case BPF_TRACE_FEXIT:
			break;
		case BPF_MODIFY_RETURN:
			ty = bvf_btf_skip_mods(btf, proto->type, NULL);
			if (!is_small_int(ty))
				return refuse(info, "ret type %s not allowed for fmod_ret", kind_str(ty));
			break;
		default:
			return refuse(info, "func '%s' doesn't have %u-th argument", fname, arg + 1);
		}
		ty = bvf_btf_skip_mods(btf, proto->type, NULL);
	} else {
		ty = bvf_btf_skip_mods(btf, args[arg].type, NULL);
	}
	if (!ty || is_small_int(ty) || is_any_enum(ty) || is_struct(ty))
		return true;   /* a scalar */
	if (!btf_is_ptr(ty))
		return refuse(info, "func '%s' arg%u '%s' has type %s. Only pointer access is allowed",
			      fname, arg, name_of(btf, ty), kind_str(ty));
	if (size != 8 && has(t->features, BV_FEAT_CTX_PTR_ARG_SIZE8))
		return refuse(info, "func '%s' size %u must be 8", fname, size);
	if (ty->type == 0)
		return true;   /* void *: a scalar */
	{
		const struct btf_type *target = bvf_btf_skip_mods(btf, ty->type, NULL);

		if (target && btf_is_int(target))
			return true;   /* pointers to integers are scalars too */
	}

	if (t->iter && arg >= 1) {
		/* ctx_arg_info: every iterator object may be NULL (end of walk) */
		info->reg_type = BV_PTR_TO_BTF_ID | BV_PTR_MAYBE_NULL;
		if (has(t->features, BV_FEAT_BTF_TRUSTED_PTRS) && iter_arg_trusted(t->iter_target, arg))
			info->reg_type |= BV_PTR_TRUSTED;
		bvf_btf_skip_mods(btf, ty->type, &pid);
		info->btf_id = pid;
		return true;   /* the kernel logs no arg line for these */
	}
	info->reg_type = BV_PTR_TO_BTF_ID;
	if (has(t->features, BV_FEAT_BTF_TRUSTED_PTRS)) {
		if (t->prog_type == BV_PROG_TYPE_TRACING)
			trusted = t->attach_type == BPF_TRACE_RAW_TP || t->attach_type == BPF_TRACE_ITER;
		else
			trusted = true;   /* LSM hooks (a few untrusted ones aside) */
	}
	if (trusted)
		info->reg_type |= BV_PTR_TRUSTED;
	if (t->attach_type == BPF_TRACE_RAW_TP && t->prog_type == BV_PROG_TYPE_TRACING &&
	    arg < 16) {
		if (t->null_mask & (UINT64_C(0x1) << (arg * 4)))
			info->reg_type |= BV_PTR_MAYBE_NULL;
	}
	{
		const struct btf_type *pt = btf__type_by_id(btf, ty->type);

		pid = ty->type;
		if (pt && btf_is_type_tag(pt)) {
			const char *tag = name_of(btf, pt);

			if (!strcmp(tag, "user"))
				info->reg_type |= BV_MEM_USER;
			if (!strcmp(tag, "percpu"))
				info->reg_type |= BV_MEM_PERCPU;
		}
		while (pt && is_modifier(pt)) {
			pid = pt->type;
			pt = btf__type_by_id(btf, pt->type);
		}
		if (!is_struct(pt))
			return refuse(info, "func '%s' arg%u type %s is not a struct", fname, arg,
				      kind_str(pt));
		info->btf_id = pid;
		snprintf(info->msg, sizeof(info->msg), "func '%.80s' arg%u has btf_id %u type %s '%.64s'",
			 fname, arg, pid, kind_str(pt), name_of(btf, pt));
		if (t->attach_type == BPF_TRACE_RAW_TP && arg < 16 &&
		    (t->null_mask & (UINT64_C(0x2) << (arg * 4))))
			info->reg_type = BV_SCALAR;
	}
	return true;
}

/* ---- return value ---- */

static bool lsm_bool_hook(const char *func)
{
	return !strcmp(func, "bpf_lsm_xfrm_state_pol_flow_match") ||
	       !strcmp(func, "bpf_lsm_audit_rule_known") ||
	       !strcmp(func, "bpf_lsm_inode_xattr_skipcap");
}

void bvf_tracing_return_range(const struct bvf_tracing *t, struct bv_retval_range *range)
{
	const struct btf_type *proto = btf__type_by_id(t->btf, t->proto_id);
	bool void_ret = !proto || proto->type == 0;

	memset(range, 0, sizeof(*range));
	if (t->prog_type == BV_PROG_TYPE_TRACING) {
		switch (t->attach_type) {
		case BPF_TRACE_FENTRY:
		case BPF_TRACE_FEXIT:
			range->enforce = true;
			break;
		case BPF_TRACE_ITER:
			range->enforce = true;
			range->maxval = 1;
			break;
		default:
			break;    /* tp_btf, fmod_ret: any value */
		}
		return;
	}
	if (t->attach_type == BPF_LSM_CGROUP) {
		range->enforce = true;
		range->minval = void_ret ? 1 : 0;
		range->maxval = 1;
		return;
	}
	if (!has(t->features, BV_FEAT_LSM_RETVAL_RANGE) || void_ret)
		return;
	range->enforce = true;
	range->return_32bit = true;
	if (lsm_bool_hook(t->func_name)) {
		range->maxval = 1;
	} else {
		range->minval = -MAX_ERRNO;
		range->maxval = 0;
	}
}

/* ---- walking kernel structs ---- */

enum walk { WALK_SCALAR, WALK_PTR };

/* Kernel __btf_resolve_size: the size of type id with typedefs and
 * qualifiers skipped and arrays multiplied out. Returns the outermost
 * array (or the type reached), *elem the element type under the arrays. */
static const struct btf_type *resolve_size(const struct btf *btf, uint32_t id, uint32_t *size,
					   const struct btf_type **elem, uint32_t *elem_id,
					   uint32_t *nelems_out, uint32_t *type_id)
{
	const struct btf_type *t = btf__type_by_id(btf, id), *array = NULL;
	uint32_t nelems = 1, last_array_elem = 0;

	for (int i = 0; t && i < RESOLVE_DEPTH; i++) {
		if (btf_is_int(t) || is_struct(t) || btf_is_enum(t) || btf_kind(t) == 19 ||
		    btf_kind(t) == BTF_KIND_FLOAT) {
			*size = nelems * t->size;
			goto resolved;
		}
		if (btf_is_ptr(t)) {
			*size = nelems * 8;
			goto resolved;
		}
		if (is_modifier(t)) {
			*type_id = t->type;
			t = btf__type_by_id(btf, t->type);
			continue;
		}
		if (btf_is_array(t)) {
			if (!array)
				array = t;
			nelems *= btf_array(t)->nelems;
			last_array_elem = btf_array(t)->type;
			t = btf__type_by_id(btf, btf_array(t)->type);
			continue;
		}
		return NULL;
	}
	return NULL;
resolved:
	*nelems_out = nelems;
	*elem = t;
	*elem_id = last_array_elem;
	return array ? array : t;
}

/* Does struct walked_id's "<name><suffix>" BTF type (the kernel's list of
 * safe fields) have a pointer member `field` to struct target_id? */
static bool field_listed(const struct btf *btf, uint32_t walked_id, const char *field,
			 uint32_t target_id, const char *suffix)
{
	const struct btf_type *w = btf__type_by_id(btf, walked_id), *safe;
	const struct btf_member *m;
	char name[160];
	int id;

	if (!w || !field)
		return false;
	snprintf(name, sizeof(name), "%s%s", name_of(btf, w), suffix);
	id = btf__find_by_name_kind(btf, name, btf_kind(w));
	safe = id > 0 ? btf__type_by_id(btf, (uint32_t)id) : NULL;
	if (!safe || !is_struct(safe))
		return false;
	m = btf_members(safe);
	for (uint16_t i = 0; i < btf_vlen(safe); i++) {
		const struct btf_type *mt = btf__type_by_id(btf, m[i].type);
		uint32_t pid;

		if (!mt || !btf_is_ptr(mt))
			continue;
		bvf_btf_skip_mods(btf, mt->type, &pid);
		if (pid == target_id && !strcmp(btf__name_by_offset(btf, m[i].name_off), field))
			return true;
	}
	return false;
}

__attribute__((format(printf, 2, 3)))
static int walk_fail(struct bv_btf_access *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out->msg, sizeof(out->msg), fmt, ap);
	va_end(ap);
	return -EACCES;
}

/* Kernel btf_struct_walk, nested structs followed in place: what lies at
 * [off, off+size) of struct id. */
static int struct_walk(const struct btf *btf, uint32_t id, int32_t off, uint32_t size,
		       uint32_t *next_id, bv_reg_type *flag, const char **field,
		       struct bv_btf_access *out)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	for (int depth = 0; depth < 64; depth++) {
		const struct btf_member *m;
		const char *tname;
		uint16_t vlen;

		while (t && is_modifier(t))
			t = btf__type_by_id(btf, t->type);
		tname = name_of(btf, t);
		if (!is_struct(t))
			return walk_fail(out, "Type '%s' is not a struct", tname), -EINVAL;
		vlen = btf_vlen(t);
		m = btf_members(t);
		if (btf_is_union(t) && vlen != 1)
			*flag |= BV_PTR_UNTRUSTED;   /* unions hide which member is live */
		if ((uint64_t)off + size > t->size) {
			/* a flexible array at the end may be indexed past the struct */
			const struct btf_type *mt, *et;
			uint32_t moff;

			if (vlen == 0)
				goto beyond;
			mt = bvf_btf_skip_mods(btf, m[vlen - 1].type, NULL);
			if (!mt || !btf_is_array(mt) || btf_array(mt)->nelems != 0)
				goto beyond;
			moff = btf_member_bit_offset(t, vlen - 1) / 8;
			if ((uint32_t)off < moff)
				goto beyond;
			et = bvf_btf_skip_mods(btf, btf_array(mt)->type, NULL);
			if (et && btf_is_int(et))
				return WALK_SCALAR;
			if (!is_struct(et) || !et->size)
				goto beyond;
			off = (int32_t)((off - moff) % et->size);
			t = et;
			continue;
beyond:
			return walk_fail(out, "access beyond struct %s at off %u size %u", tname,
					 (uint32_t)off, size);
		}
		for (uint16_t i = 0; i < vlen; i++) {
			uint32_t moff = btf_member_bit_offset(t, i) / 8, msize = 0, mend, nelems = 1;
			uint32_t bits = btf_member_bitfield_size(t, i), mid = m[i].type, elem_id = 0;
			const struct btf_type *mt, *elem = NULL;
			const char *mname = btf__name_by_offset(btf, m[i].name_off);

			if ((uint64_t)off + size <= moff)
				break;
			if (bits) {
				uint32_t end_bit = btf_member_bit_offset(t, i) + bits;

				if ((uint32_t)off <= moff && (end_bit + 7) / 8 <= (uint32_t)off + size)
					return WALK_SCALAR;
				continue;
			}
			if ((uint32_t)off < moff)
				break;
			mt = resolve_size(btf, m[i].type, &msize, &elem, &elem_id, &nelems, &mid);
			if (!mt)
				return walk_fail(out, "field %s doesn't have size", mname), -EFAULT;
			mend = moff + msize;
			if ((uint32_t)off >= mend)
				continue;
			if (btf_is_array(mt)) {
				if (moff == mend)
					continue;
				msize /= nelems;
				moff += ((uint32_t)off - moff) / msize * msize;
				mend = moff + msize;
				mt = elem;
				mid = elem_id;
			}
			if (is_struct(mt)) {
				/* the access lies inside this member: walk it */
				off -= (int32_t)moff;
				t = mt;
				goto again;
			}
			if (btf_is_ptr(mt)) {
				const struct btf_type *pt = btf__type_by_id(btf, mt->type), *st;
				bv_reg_type tag = 0;
				uint32_t sid;

				if (msize != size || (uint32_t)off != moff)
					return walk_fail(out,
							 "cannot access ptr member %s with moff %u in struct %s with off %u size %u",
							 mname, moff, tname, (uint32_t)off, size);
				if (pt && btf_is_type_tag(pt)) {
					const char *v = name_of(btf, pt);

					if (!strcmp(v, "user"))
						tag = BV_MEM_USER;
					else if (!strcmp(v, "percpu"))
						tag = BV_MEM_PERCPU;
					else if (!strcmp(v, "rcu"))
						tag = BV_MEM_RCU;
				}
				st = bvf_btf_skip_mods(btf, mt->type, &sid);
				if (is_struct(st)) {
					*next_id = sid;
					*flag |= tag;
					*field = mname;
					return WALK_PTR;
				}
			}
			if ((uint64_t)off + size > mend && !(*flag & BV_PTR_UNTRUSTED))
				return walk_fail(out,
						 "access beyond the end of member %s (mend:%u) in struct %s with off %u size %u",
						 mname, mend, tname, (uint32_t)off, size);
			return WALK_SCALAR;
		}
		return walk_fail(out, "struct %s doesn't have field at offset %d", tname, off),
		       -EINVAL;
again:;
	}
	return walk_fail(out, "struct nesting too deep"), -EINVAL;
}

int bvf_btf_struct_access(const struct btf *btf, uint64_t features, bool in_rcu_cs,
			  uint32_t btf_id, int32_t off, uint32_t size,
			  struct bv_btf_access *out)
{
	bv_reg_type reg = out->type, flag = 0;
	const char *field = NULL;
	uint32_t next = 0;
	int w;

	out->msg[0] = '\0';
	w = struct_walk(btf, btf_id, off, size, &next, &flag, &field, out);
	if (w < 0)
		return w;
	if (w == WALK_SCALAR) {
		out->type = BV_SCALAR;
		out->btf_id = 0;
		return 0;
	}
	/* check_ptr_to_btf_access: how far the loaded pointer is trusted */
	if (!(features & BV_FEAT_BIT(BV_FEAT_BTF_TRUSTED_PTRS))) {
		if (reg & BV_PTR_UNTRUSTED)
			flag |= BV_PTR_UNTRUSTED;
		flag &= ~(BV_PTR_TRUSTED | BV_MEM_RCU);
	} else if (reg & BV_PTR_UNTRUSTED) {
		flag = BV_PTR_UNTRUSTED;
	} else if (reg & (BV_PTR_TRUSTED | BV_MEM_RCU)) {
		bool rcu_or_null = field_listed(btf, btf_id, field, next, "__safe_rcu_or_null");

		if (field_listed(btf, btf_id, field, next, "__safe_trusted")) {
			flag |= BV_PTR_TRUSTED;
		} else if (field_listed(btf, btf_id, field, next, "__safe_trusted_or_null")) {
			flag |= BV_PTR_TRUSTED | BV_PTR_MAYBE_NULL;
		} else if (in_rcu_cs && !(reg & BV_PTR_MAYBE_NULL)) {
			if (field_listed(btf, btf_id, field, next, "__safe_rcu")) {
				flag |= BV_MEM_RCU;
			} else if ((flag & BV_MEM_RCU) || rcu_or_null) {
				flag |= BV_MEM_RCU | BV_PTR_MAYBE_NULL;
				if (rcu_or_null)
					flag &= ~BV_PTR_UNTRUSTED;
			} else if (!(flag & (BV_MEM_PERCPU | BV_MEM_USER))) {
				flag &= ~(BV_PTR_TRUSTED | BV_MEM_RCU);
			}
		} else {
			flag = BV_PTR_UNTRUSTED;
		}
	} else if (features & BV_FEAT_BIT(BV_FEAT_PLAIN_BTF_WALK_UNTRUSTED)) {
		flag = BV_PTR_UNTRUSTED | (flag & (BV_MEM_USER | BV_MEM_PERCPU));
	} else {
		flag &= ~(BV_PTR_TRUSTED | BV_MEM_RCU);
	}
	out->type = BV_PTR_TO_BTF_ID | flag;
	out->btf_id = next;
	return 0;
}

const char *bvf_btf_struct_name(const struct btf *btf, uint32_t btf_id)
{
	const struct btf_type *t = btf ? btf__type_by_id(btf, btf_id) : NULL;

	return t ? name_of(btf, t) : NULL;
}

/* Kernel btf_struct_ids_match: the struct at off of btf_id (following
 * nested structs that start there) is want_id, or (not strict) a struct
 * whose first member is one. */
bool bvf_btf_ids_match(const struct btf *btf, uint32_t btf_id, int32_t off, uint32_t want_id,
		       bool strict)
{
	uint32_t id = btf_id;

	for (int depth = 0; depth < 32; depth++) {
		const struct btf_type *t;
		uint32_t sid;

		t = bvf_btf_skip_mods(btf, id, &sid);
		if (off == 0 && sid == want_id)
			return true;
		if (!is_struct(t) || btf_vlen(t) == 0)
			return false;
		if (off == 0) {
			if (strict)
				return false;
			/* the first member, if it is a struct */
			if (btf_member_bit_offset(t, 0) != 0)
				return false;
			id = btf_members(t)[0].type;
			continue;
		}
		/* the member struct that contains off */
		{
			const struct btf_member *m = btf_members(t);
			bool found = false;

			for (uint16_t i = 0; i < btf_vlen(t); i++) {
				uint32_t moff = btf_member_bit_offset(t, i) / 8;
				const struct btf_type *mt = bvf_btf_skip_mods(btf, m[i].type, NULL);

				if (!is_struct(mt) || (uint32_t)off < moff ||
				    (uint32_t)off >= moff + mt->size)
					continue;
				off -= (int32_t)moff;
				id = m[i].type;
				found = true;
				break;
			}
			if (!found)
				return false;
		}
	}
	return false;
}

const struct bv_helper_proto *bvf_tracing_proto(struct bvf_tracing *t,
						const struct btf *btf, uint64_t features,
						const struct bv_helper_proto *p)
{
	const struct bvf_kb_btf_names *names = p ? bvf_kb_proto_btf_names(p->func_id) : NULL;
	struct bv_helper_proto *r;
	int id;

	if (!names || p->func_id < 0 || p->func_id > BVF_KB_HELPER_ID_MAX || !btf)
		return p;
	r = &t->protos[p->func_id];
	if (t->resolved[p->func_id])
		return r;
	*r = *p;
	if (names->ret) {
		id = btf__find_by_name_kind(btf, names->ret, BTF_KIND_STRUCT);
		r->ret_btf_id = id > 0 ? (uint32_t)id : 0;
	}
	for (int i = 0; i < 5; i++) {
		if (!names->args[i])
			continue;
		id = btf__find_by_name_kind(btf, names->args[i], BTF_KIND_STRUCT);
		r->arg_btf_id[i] = id > 0 ? (uint32_t)id : 0;
	}
	if (!(features & BV_FEAT_BIT(BV_FEAT_BTF_TRUSTED_PTRS)))
		r->ret_type &= ~BV_PTR_TRUSTED;
	if (p->func_id == BPF_FUNC_d_path) {
		if (t->d_path_allowed < 0)
			return NULL;      /* the allow-list is unknown: error */
		r->not_allowed = !t->d_path_allowed;
	}
	t->resolved[p->func_id] = true;
	return r;
}
