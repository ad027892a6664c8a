// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the task_struct "state" -> "__state" rename (5.14) handled the
 * CO-RE way: a ___old flavor struct for the old name and
 * bpf_core_field_exists() to pick the one the running kernel has.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct task_struct___old {
	long state;
} __attribute__((preserve_access_index));

__u64 running_seen;

static __always_inline long task_state(struct task_struct *t)
{
	struct task_struct___old *old = (void *)t;

	if (bpf_core_field_exists(t->__state))
		return BPF_CORE_READ(t, __state);
	return BPF_CORE_READ(old, state);
}

SEC("kprobe/finish_task_switch")
int BPF_KPROBE(on_switch, struct task_struct *prev)
{
	if (task_state(prev) == 0 /* TASK_RUNNING */)
		__sync_fetch_and_add(&running_seen, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
