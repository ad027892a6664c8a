/* kb_tracing.c — the knowledge base for the BTF-typed tracing program
 * types (fentry/fexit/fmod_ret, tp_btf, iter: BPF_PROG_TYPE_TRACING; lsm,
 * lsm_cgroup: BPF_PROG_TYPE_LSM) and for helpers on kernel objects, as
 * Linux 6.18 defines them:
 *  - which helpers depend on the attach type (kernel/trace/bpf_trace.c
 *    tracing_prog_func_proto, kernel/bpf/bpf_lsm.c bpf_lsm_func_proto);
 *    the rest of the chain (raw_tp's own helpers, bpf_tracing_func_proto,
 *    bpf_base_func_proto) is kb_helpers.c's;
 *  - prototypes with BTF-typed arguments or returns (task, seq_file,
 *    socket casts, …): the structs they name are kept by name here and
 *    resolved in each target kernel's BTF by the facade (tracing.c), since
 *    BTF ids differ between kernels.
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Newer than the build host's linux/bpf.h (Linux 6.2). */
#define KB_FUNC_cgrp_storage_get    210
#define KB_FUNC_cgrp_storage_delete 211
#define PROTO(id, ...) { .name = "bpf_" #id, .func_id = BPF_FUNC_##id, __VA_ARGS__ }

#define ARG_BTF          BV_ARG_PTR_TO_BTF_ID
#define ARG_BTF_OR_NULL  (BV_ARG_PTR_TO_BTF_ID | BV_PTR_MAYBE_NULL)
#define ARG_RDONLY_MEM   (BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY)
#define ARG_UNINIT_MEM   (BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE)
#define ARG_U64_OUT      (BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE | BV_MEM_UNINIT | BV_MEM_WRITE)
#define RET_BTF_OR_NULL  (BV_RET_PTR_TO_BTF_ID | BV_PTR_MAYBE_NULL)
#define RET_MAP_VALUE_OR_NULL (BV_RET_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL)

static const struct bv_helper_proto protos[] = {
	/* kernel/trace/bpf_trace.c: the current task as a trusted object
	 * (older kernels: untrusted; the facade drops the flag) */
	PROTO(get_current_task_btf, .gpl_only = 1,
	      .ret_type = BV_RET_PTR_TO_BTF_ID | BV_PTR_TRUSTED),
	PROTO(task_pt_regs, .gpl_only = 1, .ret_type = BV_RET_PTR_TO_BTF_ID,
	      .arg_type = { ARG_BTF }),
	/* trampoline programs: the traced function's arguments and result */
	PROTO(get_func_ip, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX }),
	PROTO(get_func_arg, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, ARG_U64_OUT },
	      .arg_size = { 0, 0, 8 }),
	PROTO(get_func_ret, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, ARG_U64_OUT }, .arg_size = { 0, 8 }),
	PROTO(get_func_arg_cnt, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX }),
	PROTO(get_attach_cookie, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX }),
	/* iterators print into their seq_file */
	PROTO(seq_printf, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, ARG_RDONLY_MEM, BV_ARG_CONST_SIZE,
			    ARG_RDONLY_MEM | BV_PTR_MAYBE_NULL, BV_ARG_CONST_SIZE_OR_ZERO }),
	PROTO(seq_write, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, ARG_RDONLY_MEM, BV_ARG_CONST_SIZE_OR_ZERO }),
	PROTO(seq_printf_btf, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, ARG_RDONLY_MEM, BV_ARG_CONST_SIZE_OR_ZERO,
			    BV_ARG_ANYTHING }),
	PROTO(snprintf_btf, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_WRITE, BV_ARG_CONST_SIZE,
			    ARG_RDONLY_MEM, BV_ARG_CONST_SIZE, BV_ARG_ANYTHING }),
	/* local storage on kernel objects */
	PROTO(task_storage_get, .ret_type = RET_MAP_VALUE_OR_NULL,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_BTF_OR_NULL,
			    BV_ARG_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING }),
	PROTO(task_storage_delete, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_BTF_OR_NULL }),
	PROTO(inode_storage_get, .ret_type = RET_MAP_VALUE_OR_NULL,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_BTF_OR_NULL,
			    BV_ARG_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING }),
	PROTO(inode_storage_delete, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_BTF_OR_NULL }),
	/* kernel/bpf/bpf_cgrp_storage.c (a struct cgroup, or NULL) */
	{ .name = "bpf_cgrp_storage_get", .func_id = KB_FUNC_cgrp_storage_get,
	  .ret_type = RET_MAP_VALUE_OR_NULL,
	  .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_BTF_OR_NULL,
			BV_ARG_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING } },
	{ .name = "bpf_cgrp_storage_delete", .func_id = KB_FUNC_cgrp_storage_delete,
	  .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_CONST_MAP_PTR, ARG_BTF_OR_NULL } },
	/* kernel/bpf/bpf_lsm.c */
	PROTO(bprm_opts_set, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, BV_ARG_ANYTHING }),
	/* other tasks' memory and stacks */
	PROTO(copy_from_user_task, .gpl_only = 1, .might_sleep = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING,
			    ARG_BTF, BV_ARG_ANYTHING }),
	PROTO(get_task_stack, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, ARG_UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO,
			    BV_ARG_ANYTHING }),
	/* kernel/bpf/task_iter.c: the VMA of a task's address, handed to a
	 * callback(task, vma, ctx); the callback argument's BTF id names the
	 * vma's struct for the core's callback frame */
	PROTO(find_vma, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, BV_ARG_ANYTHING, BV_ARG_PTR_TO_FUNC,
			    BV_ARG_PTR_TO_STACK | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING }),
	/* kernel/trace/bpf_trace.c: a struct path's name, into memory the
	 * program passes; which attach targets may call it is the facade's
	 * (tracing.c: the kernel's bpf_d_path_allowed) */
	PROTO(d_path, .ret_type = BV_RET_INTEGER,
	      .arg_type = { ARG_BTF, BV_ARG_PTR_TO_MEM, BV_ARG_CONST_SIZE_OR_ZERO }),
	/* net/core/filter.c: casts between socket objects */
	PROTO(sock_from_file, .ret_type = RET_BTF_OR_NULL, .arg_type = { ARG_BTF }),
	PROTO(skc_to_tcp6_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
	PROTO(skc_to_tcp_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
	PROTO(skc_to_tcp_timewait_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
	PROTO(skc_to_tcp_request_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
	PROTO(skc_to_udp6_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
	PROTO(skc_to_unix_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
	PROTO(skc_to_mptcp_sock, .ret_type = RET_BTF_OR_NULL,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON }),
};

static const struct bvf_kb_btf_names btf_names[] = {
	{ BPF_FUNC_get_current_task_btf, "task_struct", { 0 } },
	{ BPF_FUNC_task_pt_regs, "pt_regs", { "task_struct" } },
	{ BPF_FUNC_seq_printf, NULL, { "seq_file" } },
	{ BPF_FUNC_seq_write, NULL, { "seq_file" } },
	{ BPF_FUNC_seq_printf_btf, NULL, { "seq_file" } },
	{ BPF_FUNC_task_storage_get, NULL, { NULL, "task_struct" } },
	{ BPF_FUNC_task_storage_delete, NULL, { NULL, "task_struct" } },
	{ BPF_FUNC_inode_storage_get, NULL, { NULL, "inode" } },
	{ BPF_FUNC_inode_storage_delete, NULL, { NULL, "inode" } },
	{ KB_FUNC_cgrp_storage_get, NULL, { NULL, "cgroup" } },
	{ KB_FUNC_cgrp_storage_delete, NULL, { NULL, "cgroup" } },
	{ BPF_FUNC_bprm_opts_set, NULL, { "linux_binprm" } },
	{ BPF_FUNC_copy_from_user_task, NULL, { NULL, NULL, NULL, "task_struct" } },
	{ BPF_FUNC_get_task_stack, NULL, { "task_struct" } },
	{ BPF_FUNC_find_vma, NULL, { "task_struct", NULL, "vm_area_struct" } },
	{ BPF_FUNC_d_path, NULL, { "path" } },
	{ BPF_FUNC_sock_from_file, "socket", { "file" } },
	{ BPF_FUNC_skc_to_tcp6_sock, "tcp6_sock", { "sock_common" } },
	{ BPF_FUNC_skc_to_tcp_sock, "tcp_sock", { "sock_common" } },
	{ BPF_FUNC_skc_to_tcp_timewait_sock, "tcp_timewait_sock", { "sock_common" } },
	{ BPF_FUNC_skc_to_tcp_request_sock, "tcp_request_sock", { "sock_common" } },
	{ BPF_FUNC_skc_to_udp6_sock, "udp6_sock", { "sock_common" } },
	{ BPF_FUNC_skc_to_unix_sock, "unix_sock", { "sock_common" } },
	{ BPF_FUNC_skc_to_mptcp_sock, "mptcp_sock", { "sock_common" } },
};

static const struct bv_helper_proto d_path_not_allowed =
	PROTO(d_path, .ret_type = BV_RET_INTEGER, .not_allowed = 1,
	      .arg_type = { ARG_BTF, BV_ARG_PTR_TO_MEM, BV_ARG_CONST_SIZE_OR_ZERO });

const struct bv_helper_proto *bvf_kb_d_path_not_allowed(void)
{
	return &d_path_not_allowed;
}

const struct bvf_kb_btf_names *bvf_kb_proto_btf_names(int32_t func_id)
{
	for (size_t i = 0; i < ARRAY_LEN(btf_names); i++)
		if (btf_names[i].func_id == func_id)
			return &btf_names[i];
	return NULL;
}

const struct bv_helper_proto *bvf_kb_tracing_proto(const struct bvf_kb_env *env,
						   int32_t func_id)
{
	(void)env;
	for (size_t i = 0; i < ARRAY_LEN(protos); i++)
		if (protos[i].func_id == func_id)
			return &protos[i];
	return NULL;
}

/* bpf_prog_has_trampoline */
static bool has_trampoline(const struct bvf_kb_env *env)
{
	if (env->prog_type == BV_PROG_TYPE_TRACING)
		return env->attach_type == BPF_TRACE_FENTRY ||
		       env->attach_type == BPF_TRACE_FEXIT ||
		       env->attach_type == BPF_MODIFY_RETURN;
	return env->prog_type == BV_PROG_TYPE_LSM && env->attach_type == BPF_LSM_MAC;
}

/* tracing_prog_func_proto's own cases (with CONFIG_NET). */
static int tracing_own(const struct bvf_kb_env *env, int32_t id)
{
	switch (id) {
	case BPF_FUNC_skb_output:
	case BPF_FUNC_xdp_output:
	case BPF_FUNC_skc_to_tcp6_sock:
	case BPF_FUNC_skc_to_tcp_sock:
	case BPF_FUNC_skc_to_tcp_timewait_sock:
	case BPF_FUNC_skc_to_tcp_request_sock:
	case BPF_FUNC_skc_to_udp6_sock:
	case BPF_FUNC_skc_to_unix_sock:
	case BPF_FUNC_skc_to_mptcp_sock:
	case BPF_FUNC_sk_storage_get:
	case BPF_FUNC_sk_storage_delete:
	case BPF_FUNC_sock_from_file:
	case BPF_FUNC_get_socket_cookie:
	case BPF_FUNC_xdp_get_buff_len:
	case BPF_FUNC_d_path:
		return 1;
	case BPF_FUNC_seq_printf:
	case BPF_FUNC_seq_write:
	case BPF_FUNC_seq_printf_btf:
		return env->prog_type == BV_PROG_TYPE_TRACING &&
		       env->attach_type == BPF_TRACE_ITER;
	case BPF_FUNC_get_func_arg:
	case BPF_FUNC_get_func_ret:
	case BPF_FUNC_get_func_arg_cnt:
		return has_trampoline(env);
	case BPF_FUNC_get_attach_cookie:
		if (env->prog_type == BV_PROG_TYPE_TRACING &&
		    env->attach_type == BPF_TRACE_RAW_TP)
			return 1;
		return has_trampoline(env);
	default:
		return -1;
	}
}

int bvf_kb_tracing_available(const struct bvf_kb_env *env, int32_t id)
{
	if (env->prog_type == BV_PROG_TYPE_LSM) {
		switch (id) {
		case BPF_FUNC_inode_storage_get:
		case BPF_FUNC_inode_storage_delete:
		case BPF_FUNC_sk_storage_get:
		case BPF_FUNC_sk_storage_delete:
		case BPF_FUNC_spin_lock:
		case BPF_FUNC_spin_unlock:
		case BPF_FUNC_bprm_opts_set:
		case BPF_FUNC_ima_inode_hash:
		case BPF_FUNC_ima_file_hash:
			return 1;
		case BPF_FUNC_get_attach_cookie:
			return has_trampoline(env);
		case BPF_FUNC_setsockopt:
		case BPF_FUNC_getsockopt:
			/* lsm_cgroup socket hooks only: not modelled */
			return env->attach_type == BPF_LSM_CGROUP ? -1 : 0;
		default:
			return tracing_own(env, id);
		}
	}
	if (env->prog_type == BV_PROG_TYPE_TRACING)
		return tracing_own(env, id);
	return -1;
}
