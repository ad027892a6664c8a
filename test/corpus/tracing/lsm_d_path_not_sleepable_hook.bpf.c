// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_d_path from an lsm program: allowed only on the hooks that
 * may be sleepable (sleepable_lsm_hooks). file_permission is not one of
 * them: "helper call is not allowed in probe".
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char last_path[256];

SEC("lsm/file_permission")
int BPF_PROG(check_perm, struct file *file, int mask)
{
	bpf_d_path(&file->f_path, last_path, sizeof(last_path));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
