// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: fexit reading a function's return value (the classic
 * fentry/fexit example of libbpf-bootstrap: do_unlinkat(dfd, name) and
 * its int result). The return value is the context slot after the two
 * arguments.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fexit/do_unlinkat")
int BPF_PROG(do_unlinkat_exit, int dfd, struct filename *name, long ret)
{
	pid_t pid = bpf_get_current_pid_tgid() >> 32;

	bpf_printk("fexit: pid = %d, filename = %s, ret = %ld", pid, name->name, ret);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
