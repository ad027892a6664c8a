// SPDX-License-Identifier: MIT
/*
 * Tests: an MIT-licensed tc program marking packets with the sender's tgid
 * read through bpf_get_current_task() (a GPL-only helper).  The same
 * call is fine in a GPL program; here the license decides.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

SEC("tc")
int mark_by_tgid(struct __sk_buff *skb)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();

	skb->mark = BPF_CORE_READ(t, tgid);
	return 0;
}

char LICENSE[] SEC("license") = "MIT";
