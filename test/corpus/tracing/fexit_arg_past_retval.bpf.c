// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an fexit program on do_unlinkat (two arguments) declared with
 * three arguments before the return value: ctx[3] is past the return
 * slot and the kernel refuses it ("doesn't have 4-th argument").
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fexit/do_unlinkat")
int BPF_PROG(unlink_exit, int dfd, struct filename *name, int flags, long ret)
{
	if (ret == 0)
		bpf_printk("unlinked, flags %d", flags);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
