// SPDX-License-Identifier: GPL-2.0
/* The BPF half of a libbpf-bootstrap-style "minimal" app: counts write(2)
 * calls of one process (my_pid, set by the loader through the skeleton's
 * read-only data) in a global the loader reads back through the skeleton. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile int my_pid = 0;
__u64 writes = 0;

SEC("tracepoint/syscalls/sys_enter_write")
int handle_write(void *ctx)
{
	int pid = bpf_get_current_pid_tgid() >> 32;

	if (pid != my_pid)
		return 0;
	__sync_fetch_and_add(&writes, 1);
	bpf_printk("write from pid %d", pid);
	return 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
