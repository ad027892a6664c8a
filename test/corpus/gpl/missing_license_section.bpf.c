// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: no license section at all.  The SPDX comment says GPL, but the
 * kernel only sees the "license" ELF section; without it libbpf passes an
 * empty license, which is not GPL-compatible, so the GPL-only
 * bpf_get_current_task() is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u32);
} ppid_of SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int record_ppid(void *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u32 ppid = BPF_CORE_READ(task, real_parent, tgid);

	bpf_map_update_elem(&ppid_of, &pid, &ppid, BPF_ANY);
	return 0;
}
