// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: bpf_this_cpu_ptr() takes a per-CPU kernel variable (a typed
 * ksym of DATASEC .data..percpu) and nothing else. Handing it an ordinary
 * kernel object, here the current task from bpf_get_current_task_btf(),
 * is refused by the argument's type check, which lists the per-CPU
 * pointer kinds the kernel takes (one on 6.1; plain, RCU and trusted
 * per-CPU pointers on 6.12).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} switches SEC(".maps");

SEC("kprobe/finish_task_switch")
int BPF_KPROBE(count_switch)
{
	struct task_struct *task = bpf_get_current_task_btf();
	const struct task_struct *me = bpf_this_cpu_ptr(task);
	__u32 pid = me->pid;
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&switches, &pid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&switches, &pid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
