// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: the memory bpf_this_cpu_ptr() returns for a per-CPU `int` is
 * exactly 4 bytes long. Reading it as a 64-bit counter reaches past its
 * end and is refused (invalid access to memory, mem_size=4).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const int bpf_prog_active __ksym;

__u64 last_active;

SEC("raw_tp/sys_enter")
int read_active_wide(void *ctx)
{
	const __u64 *active = bpf_this_cpu_ptr(&bpf_prog_active);

	last_active = *active;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
