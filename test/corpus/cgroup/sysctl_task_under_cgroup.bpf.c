// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sysctl: only tasks inside the container's cgroup (kept in a
 * cgroup array by the runtime) may write sysctls. 6.1 does not offer
 * bpf_current_task_under_cgroup to sysctl programs (6.12 adds it to the
 * cgroup hooks' process-context helpers).
 */
// EXPECT: reject on 6.1; accept on 6.12 and 6.18
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} container SEC(".maps");

SEC("cgroup/sysctl")
int container_only(struct bpf_sysctl *ctx)
{
	if (!ctx->write)
		return 1;
	return bpf_current_task_under_cgroup(&container, 0) == 1;
}

char LICENSE[] SEC("license") = "GPL";
