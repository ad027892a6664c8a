// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: bpf_copy_from_user may fault in user pages and sleep; a
 * plain (non-sleepable) kprobe may not call it: "helper call might sleep
 * in a non-sleepable prog". (uprobe.s programs may.)
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/__x64_sys_write")
int write_entry(struct pt_regs *ctx)
{
	char head[16];
	const char *buf = (const char *)PT_REGS_PARM2(ctx);

	bpf_copy_from_user(head, sizeof(head), buf);
	return head[0] == '#';
}

char LICENSE[] SEC("license") = "GPL";
