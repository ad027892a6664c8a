// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_seq_printf is offered only to iterator programs; a tp_btf
 * program that tries to print into a seq_file it found elsewhere is
 * refused at the call.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct seq_file *saved_seq;

SEC("tp_btf/sched_wakeup")
int BPF_PROG(wakeup_print, struct task_struct *p)
{
	static const char fmt[] = "%d\n";
	u64 args[1] = { p->pid };

	bpf_seq_printf(saved_seq, fmt, sizeof(fmt), args, sizeof(args));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
