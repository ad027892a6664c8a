// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a tool that keeps a compat path for kernels older than 6.5,
 * chosen at load time by LINUX_KERNEL_VERSION (libbpf fills it from
 * `uname -r`; the .kconfig map is frozen, so the verifier knows the value
 * and walks one branch only). The compat branch forgot the NULL check of
 * its lookup: 6.1 walks it and rejects, 6.12 and 6.18 never see it.
 */
// EXPECT: 6.1 reject, 6.12 accept, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int LINUX_KERNEL_VERSION __kconfig;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} wakeups SEC(".maps");

SEC("kprobe/try_to_wake_up")
int BPF_KPROBE(count_wakeup, struct task_struct *p)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *cnt;

	if (LINUX_KERNEL_VERSION < KERNEL_VERSION(6, 5, 0)) {
		/* compat: pre-created entries only */
		cnt = bpf_map_lookup_elem(&wakeups, &pid);
		*cnt += 1;
		return 0;
	}
	cnt = bpf_map_lookup_elem(&wakeups, &pid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&wakeups, &pid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
