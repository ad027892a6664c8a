// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an fentry program written with the fexit signature by mistake:
 * it reads "ret", the slot after do_unlinkat's two arguments. Only fexit
 * (and fmod_ret) have that slot; fentry is refused at the context load.
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fentry/do_unlinkat")
int BPF_PROG(do_unlinkat_entry, int dfd, struct filename *name, long ret)
{
	bpf_printk("unlink %s ret %ld", name->name, ret);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
