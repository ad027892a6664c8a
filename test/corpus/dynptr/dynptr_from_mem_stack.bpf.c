// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_dynptr_from_mem() over a stack buffer instead of a map value
 * (which kernels accept it for differs).
 * EXPECT: see goldens
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_openat")
int stream_stack(void *ctx)
{
	struct bpf_dynptr stream;
	char buf[32] = {};
	__u64 word = 0;

	bpf_get_current_comm(buf, 16);
	bpf_dynptr_from_mem(buf, sizeof(buf), 0, &stream);
	bpf_dynptr_read(&word, sizeof(word), &stream, 0, 0);
	return word == 0;
}

char LICENSE[] SEC("license") = "GPL";
