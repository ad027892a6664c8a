// SPDX-License-Identifier: GPL-2.0
/* Test input: a program with CO-RE field relocations. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct task_like {
	int pid;
	int tgid;
} __attribute__((preserve_access_index));

SEC("kprobe/do_unlinkat")
int core_prog(struct task_like *t)
{
	return t->tgid + t->pid;
}

char LICENSE[] SEC("license") = "GPL";
