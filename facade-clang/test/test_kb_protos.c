/* test_kb_protos.c — the helpers whose prototype is still missing: for each
 * program type the knowledge base models (privileged loader, the newest
 * kernel), the ids it offers but cannot describe (-EOPNOTSUPP, verdict
 * `error` "prototype not modelled yet"). The list is printed so whoever
 * merges the knowledge-base tables can see the gap; the test fails when a
 * helper of kb_protos_base.c's area falls back into it, or when a
 * prototype is inconsistent (name, id, a size argument without memory).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/bpf.h>

#include "kb.h"

#include "harness.h"

static const uint32_t types[] = {
	BV_PROG_TYPE_SOCKET_FILTER, BV_PROG_TYPE_KPROBE, BV_PROG_TYPE_SCHED_CLS,
	BV_PROG_TYPE_SCHED_ACT, BV_PROG_TYPE_TRACEPOINT, BV_PROG_TYPE_XDP,
	BV_PROG_TYPE_PERF_EVENT, BV_PROG_TYPE_CGROUP_SKB, BV_PROG_TYPE_RAW_TRACEPOINT,
};

/* Helpers of kernel/bpf/helpers.c, ringbuf.c, stackmap.c, bpf_trace.c
 * (non-BTF) that must have a prototype wherever they are offered. */
static const int32_t owned[] = {
	BPF_FUNC_get_current_ancestor_cgroup_id, BPF_FUNC_get_ns_current_pid_tgid,
	BPF_FUNC_current_task_under_cgroup, BPF_FUNC_strncmp, BPF_FUNC_copy_from_user,
	BPF_FUNC_spin_lock, BPF_FUNC_spin_unlock, BPF_FUNC_timer_init,
	BPF_FUNC_timer_set_callback, BPF_FUNC_timer_start, BPF_FUNC_timer_cancel,
	BPF_FUNC_kptr_xchg, BPF_FUNC_dynptr_from_mem, BPF_FUNC_dynptr_read,
	BPF_FUNC_dynptr_write, BPF_FUNC_dynptr_data, BPF_FUNC_ringbuf_reserve_dynptr,
	BPF_FUNC_ringbuf_submit_dynptr, BPF_FUNC_ringbuf_discard_dynptr,
	BPF_FUNC_user_ringbuf_drain, BPF_FUNC_for_each_map_elem, BPF_FUNC_loop,
	BPF_FUNC_get_local_storage, BPF_FUNC_get_cgroup_classid,
	BPF_FUNC_send_signal_thread, BPF_FUNC_get_branch_snapshot,
	BPF_FUNC_perf_event_read, BPF_FUNC_perf_event_read_value,
	BPF_FUNC_snprintf_btf, BPF_FUNC_get_attach_cookie, BPF_FUNC_perf_prog_read_value,
	BPF_FUNC_read_branch_records, BPF_FUNC_jiffies64, BPF_FUNC_ktime_get_coarse_ns,
	BPF_FUNC_snprintf, BPF_FUNC_trace_vprintk,
};

static bool is_owned(int32_t id)
{
	for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); i++)
		if (owned[i] == id)
			return true;
	return false;
}

static bool takes_memory(bv_arg_type t)
{
	uint32_t base = BV_BASE_TYPE(t);

	return base == BV_ARG_PTR_TO_MEM || base == BV_ARG_PTR_TO_MAP_VALUE ||
	       base == BV_ARG_PTR_TO_CTX || base == BV_ARG_PTR_TO_STACK;
}

int main(void)
{
	size_t total = 0;

	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		struct bvf_kb_env env = { .prog_type = types[t], .bpf_capable = true,
					  .perfmon_capable = true };
		char line[4096];
		size_t len = 0, n = 0;

		line[0] = 0;
		for (int32_t id = 1; id <= BVF_KB_HELPER_ID_MAX; id++) {
			const struct bv_helper_proto *p = NULL;
			int r = bvf_kb_helper(&env, id, &p);

			if (r == 0) {
				CHECK(p && p->func_id == id && p->name &&
				      strcmp(p->name, bvf_kb_helper_name(id)) == 0,
				      "type %u helper %d: prototype names %s#%d", types[t], id,
				      p && p->name ? p->name : "?", p ? p->func_id : -1);
				/* a size argument follows the memory it measures */
				for (int a = 1; p && a < 5; a++) {
					uint32_t base = BV_BASE_TYPE(p->arg_type[a]);

					if (base == BV_ARG_CONST_SIZE || base == BV_ARG_CONST_SIZE_OR_ZERO)
						CHECK(takes_memory(p->arg_type[a - 1]),
						      "%s: arg%d is a size without memory before it",
						      p->name, a + 1);
				}
				continue;
			}
			if (r != -EOPNOTSUPP)
				continue;
			CHECK(!is_owned(id), "type %u: %s#%d is offered but has no prototype",
			      types[t], bvf_kb_helper_name(id), id);
			n++;
			if (len + 40 < sizeof(line))
				len += (size_t)snprintf(line + len, sizeof(line) - len, " %d", id);
		}
		total += n;
		printf("prog type %2u: %zu helper(s) without prototype:%s\n", types[t], n, line);
	}
	printf("%zu (program type, helper) pairs answer -EOPNOTSUPP\n", total);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
