// SPDX-License-Identifier: GPL-2.0
/*
 * Tracing: only some LSM hooks may take a sleepable program (the kernel's
 * sleepable_lsm_hooks set: hooks called where sleeping is allowed).
 * file_permission runs on every read and write, often in atomic context,
 * and is not in the set: an lsm.s program on it is refused when the
 * kernel checks the attach target ("bpf_lsm_file_permission is not
 * sleepable"). The live 6.18 build refuses LSM loads before verifying.
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} writes_by_tgid SEC(".maps");

SEC("lsm.s/file_permission")
int BPF_PROG(watch_writes, struct file *file, int mask)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt;

	if (!(mask & 2))	/* MAY_WRITE */
		return 0;
	cnt = bpf_map_lookup_elem(&writes_by_tgid, &tgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
