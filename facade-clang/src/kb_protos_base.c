/* kb_protos_base.c — prototypes of the helpers of the kernel's base and
 * tracing levels that kb_helpers.c's own table does not carry:
 * kernel/bpf/helpers.c, ringbuf.c, stackmap.c, cgroup.c's storage getter,
 * bpf_iter.c's for_each_map_elem and the helpers of kernel/trace/bpf_trace.c
 * that take no BTF-typed argument (Linux 6.18; where an older kernel's
 * prototype differs in a way the core would notice, the helper is left out
 * and stays "not modelled").
 *
 * Helpers whose arguments the core does not model yet (callbacks, timers,
 * spin locks, kptrs, dynptrs, constant strings) still get their prototype:
 * the core then ends with `error` naming that argument kind, which is more
 * useful than "prototype not modelled yet" and never a silent accept.
 *
 * Left out on purpose (stay -EOPNOTSUPP, so `error`):
 *  - BTF-typed helpers (task, cgroup, inode, socket pointers) belong to the
 *    tracing and networking tables.
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define UNINIT_MEM   (BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE)
#define RDONLY_MEM   (BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY)
#define ALIGNED_LONG_OUT (BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE | BV_MEM_UNINIT | \
			  BV_MEM_WRITE | BV_MEM_ALIGNED)
#define DYNPTR_RDONLY (BV_ARG_PTR_TO_DYNPTR | BV_MEM_RDONLY)

#define PROTO(id, ...) { .name = "bpf_" #id, .func_id = BPF_FUNC_##id, __VA_ARGS__ }

static const struct bv_helper_proto base_protos[] = {
	/* kernel/bpf/helpers.c */
	PROTO(get_current_ancestor_cgroup_id, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING }),
	PROTO(get_ns_current_pid_tgid, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING, BV_ARG_ANYTHING, UNINIT_MEM, BV_ARG_CONST_SIZE }),
	PROTO(current_task_under_cgroup, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	PROTO(strncmp, .ret_type = BV_RET_INTEGER,
	      .arg_type = { RDONLY_MEM, BV_ARG_CONST_SIZE, BV_ARG_PTR_TO_CONST_STR }),
	PROTO(copy_from_user, .might_sleep = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	/* a typed per-CPU ksym on one CPU (cpu >= nr_cpu_ids: NULL) */
	PROTO(per_cpu_ptr,
	      .ret_type = BV_RET_PTR_TO_MEM_OR_BTF_ID | BV_PTR_MAYBE_NULL | BV_MEM_RDONLY,
	      .arg_type = { BV_ARG_PTR_TO_PERCPU_BTF_ID, BV_ARG_ANYTHING }),
	PROTO(this_cpu_ptr, .ret_type = BV_RET_PTR_TO_MEM_OR_BTF_ID | BV_MEM_RDONLY,
	      .arg_type = { BV_ARG_PTR_TO_PERCPU_BTF_ID }),
	PROTO(spin_lock, .ret_type = BV_RET_VOID, .arg_type = { BV_ARG_PTR_TO_SPIN_LOCK }),
	PROTO(spin_unlock, .ret_type = BV_RET_VOID, .arg_type = { BV_ARG_PTR_TO_SPIN_LOCK }),
	PROTO(timer_init, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_TIMER, BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	PROTO(timer_set_callback, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_TIMER, BV_ARG_PTR_TO_FUNC }),
	PROTO(timer_start, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_TIMER, BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(timer_cancel, .gpl_only = 1, .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_PTR_TO_TIMER }),
	PROTO(kptr_xchg, .ret_type = BV_RET_PTR_TO_BTF_ID | BV_PTR_MAYBE_NULL,
	      .arg_type = { BV_ARG_KPTR_XCHG_DEST,
			    BV_ARG_PTR_TO_BTF_ID | BV_PTR_MAYBE_NULL | BV_OBJ_RELEASE }),
	PROTO(dynptr_from_mem, .ret_type = BV_RET_INTEGER,
	      .arg_type = { UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING,
			    BV_ARG_PTR_TO_DYNPTR | BV_DYNPTR_TYPE_LOCAL | BV_MEM_UNINIT |
				    BV_MEM_WRITE }),
	PROTO(dynptr_read, .ret_type = BV_RET_INTEGER,
	      .arg_type = { UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, DYNPTR_RDONLY,
			    BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(dynptr_write, .ret_type = BV_RET_INTEGER,
	      .arg_type = { DYNPTR_RDONLY, BV_ARG_ANYTHING, RDONLY_MEM,
			    BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(dynptr_data, .ret_type = BV_RET_PTR_TO_MEM | BV_PTR_MAYBE_NULL,
	      .arg_type = { DYNPTR_RDONLY, BV_ARG_ANYTHING, BV_ARG_CONST_ALLOC_SIZE_OR_ZERO }),
	/* kernel/bpf/ringbuf.c: the dynptr flavours */
	PROTO(ringbuf_reserve_dynptr, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			    BV_ARG_PTR_TO_DYNPTR | BV_DYNPTR_TYPE_RINGBUF | BV_MEM_UNINIT |
				    BV_MEM_WRITE }),
	PROTO(ringbuf_submit_dynptr, .ret_type = BV_RET_VOID,
	      .arg_type = { BV_ARG_PTR_TO_DYNPTR | BV_DYNPTR_TYPE_RINGBUF | BV_OBJ_RELEASE,
			    BV_ARG_ANYTHING }),
	PROTO(ringbuf_discard_dynptr, .ret_type = BV_RET_VOID,
	      .arg_type = { BV_ARG_PTR_TO_DYNPTR | BV_DYNPTR_TYPE_RINGBUF | BV_OBJ_RELEASE,
			    BV_ARG_ANYTHING }),
	PROTO(user_ringbuf_drain, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_FUNC,
			    BV_ARG_PTR_TO_STACK | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING }),
	/* kernel/bpf/bpf_iter.c */
	PROTO(for_each_map_elem, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_FUNC,
			    BV_ARG_PTR_TO_STACK | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING }),
	/* bpf_strtol/bpf_strtoul: the result is a naturally aligned long */
	PROTO(strtol, .ret_type = BV_RET_INTEGER,
	      .arg_type = { RDONLY_MEM, BV_ARG_CONST_SIZE, BV_ARG_ANYTHING, ALIGNED_LONG_OUT },
	      .arg_size = { 0, 0, 0, 8 }),
	PROTO(strtoul, .ret_type = BV_RET_INTEGER,
	      .arg_type = { RDONLY_MEM, BV_ARG_CONST_SIZE, BV_ARG_ANYTHING, ALIGNED_LONG_OUT },
	      .arg_size = { 0, 0, 0, 8 }),
	/* kernel/bpf/cgroup.c: the cgroup storage of the attached program */
	PROTO(get_local_storage, .ret_type = BV_RET_PTR_TO_MAP_VALUE,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	/* net/core/filter.c: bpf_get_cgroup_classid_curr_proto (base level) */
	PROTO(get_cgroup_classid, .ret_type = BV_RET_INTEGER),
	/* kernel/trace/bpf_trace.c */
	PROTO(send_signal_thread, .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_ANYTHING }),
	PROTO(probe_write_user, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING, RDONLY_MEM, BV_ARG_CONST_SIZE }),
	PROTO(override_return, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING }),
	PROTO(get_branch_snapshot, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { UNINIT_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING }),
	PROTO(perf_event_read, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING }),
	PROTO(perf_event_read_value, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_ANYTHING, UNINIT_MEM,
			    BV_ARG_CONST_SIZE }),
	PROTO(snprintf_btf, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_MEM | BV_MEM_WRITE, BV_ARG_CONST_SIZE, RDONLY_MEM,
			    BV_ARG_CONST_SIZE, BV_ARG_ANYTHING }),
};

/* Per program type (kprobe_prog_func_proto, pe_prog_func_proto, …): the
 * kernel keeps one variant per attach kind, identical in this encoding. */
static const struct bv_helper_proto get_attach_cookie =
	PROTO(get_attach_cookie, .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_PTR_TO_CTX });
/* kprobe, kprobe.multi and uprobe.multi variants; GPL-only. Other program
 * types need the verifier's check_get_func_ip, which is not modelled. */
static const struct bv_helper_proto get_func_ip_kprobe =
	PROTO(get_func_ip, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX });
static const struct bv_helper_proto perf_prog_read_value =
	PROTO(perf_prog_read_value, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, UNINIT_MEM, BV_ARG_CONST_SIZE });
static const struct bv_helper_proto read_branch_records =
	PROTO(read_branch_records, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX,
			    BV_ARG_PTR_TO_MEM | BV_PTR_MAYBE_NULL | BV_MEM_WRITE,
			    BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING });

const struct bv_helper_proto *bvf_kb_protos_base(const struct bvf_kb_env *env, int32_t func_id)
{
	switch (func_id) {
	case BPF_FUNC_get_attach_cookie:
		return &get_attach_cookie;
	case BPF_FUNC_get_func_ip:
		return env->prog_type == BV_PROG_TYPE_KPROBE ? &get_func_ip_kprobe : NULL;
	case BPF_FUNC_perf_prog_read_value:
		return &perf_prog_read_value;
	case BPF_FUNC_read_branch_records:
		return &read_branch_records;
	default:
		break;
	}
	for (size_t i = 0; i < ARRAY_LEN(base_protos); i++)
		if (base_protos[i].func_id == func_id)
			return &base_protos[i];
	return NULL;
}
