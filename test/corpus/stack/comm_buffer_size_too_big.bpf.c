// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: bpf_get_current_comm() is given a 16-byte buffer but the size of
 * the whole 32-byte event it lives in, so the helper may write past the
 * buffer, beyond the top of the stack frame.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define EVENT_SIZE 32

SEC("kprobe/do_exit")
int exit_comm(struct pt_regs *ctx)
{
	char comm[16];

	bpf_get_current_comm(comm, EVENT_SIZE);
	bpf_printk("exit %s", comm);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
