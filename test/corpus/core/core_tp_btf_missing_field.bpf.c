// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: in a tp_btf program the task pointer is a BTF pointer and is
 * dereferenced directly; the field (task_struct.mm_cid, added after 6.1)
 * comes from a ___new flavor and is read without bpf_core_field_exists().
 * The direct load carries a CO-RE relocation that fails on 6.1.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct task_struct___new {
	int mm_cid;
} __attribute__((preserve_access_index));

int max_cid;

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct___new *n = (void *)next;

	if (n->mm_cid > max_cid)
		max_cid = n->mm_cid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
