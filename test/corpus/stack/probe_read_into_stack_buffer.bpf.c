// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: reading the file name of an openat() into a 64-byte stack buffer
 * with bpf_probe_read_user_str(), size taken with sizeof: the helper may
 * fill the (uninitialised) buffer, which is what the destination argument
 * is for.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_name(struct trace_event_raw_sys_enter *ctx)
{
	char name[64];
	long n;

	n = bpf_probe_read_user_str(name, sizeof(name), (const char *)ctx->args[1]);
	if (n > 1 && name[0] == '/' && name[1] == 'e')
		bpf_printk("open %s", name);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
