// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: feature detection with bpf_core_type_exists() and
 * bpf_core_type_size(): report whether the kernel has the open-coded
 * numeric iterator state (struct bpf_iter_num, added after 6.1) without
 * using it. Both relocations resolve to constants on either kernel.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct bpf_iter_num___local {
	__u64 __opaque[1];
};

int has_iter_num;
int iter_num_size;

SEC("tracepoint/syscalls/sys_enter_bpf")
int probe_features(void *ctx)
{
	has_iter_num = bpf_core_type_exists(struct bpf_iter_num___local);
	if (has_iter_num)
		iter_num_size = bpf_core_type_size(struct bpf_iter_num___local);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
