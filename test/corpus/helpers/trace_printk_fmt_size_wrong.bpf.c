// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: calling bpf_trace_printk() directly (not through bpf_printk) with
 * a hard-coded format size that is larger than the string.  The format
 * was shortened but the literal 32 stayed; the helper would read past the
 * end of the stack array.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("kprobe/do_nanosleep")
int trace_sleep(struct pt_regs *ctx)
{
	char fmt[] = "sleep %d\n";	/* 10 bytes */

	bpf_trace_printk(fmt, 32, bpf_get_current_pid_tgid() >> 32);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
