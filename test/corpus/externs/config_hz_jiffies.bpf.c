// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: CONFIG_HZ from the kernel's config turns bpf_jiffies64() into
 * milliseconds for an idle-time histogram; the bucket index is derived
 * from a constant divisor the verifier knows, and clamped.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int CONFIG_HZ __kconfig;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 32);
	__type(key, __u32);
	__type(value, __u64);
} idle_ms SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} last_seen SEC(".maps");

SEC("kprobe/finish_task_switch.isra.0")
int BPF_KPROBE(on_switch)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 now = bpf_jiffies64(), *prev, ms;
	__u32 bucket;
	__u64 *slot;

	prev = bpf_map_lookup_elem(&last_seen, &pid);
	bpf_map_update_elem(&last_seen, &pid, &now, BPF_ANY);
	if (!prev)
		return 0;
	ms = (now - *prev) * 1000 / CONFIG_HZ;
	bucket = ms > 31 ? 31 : (__u32)ms;
	slot = bpf_map_lookup_elem(&idle_ms, &bucket);
	if (slot)
		__sync_fetch_and_add(slot, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
