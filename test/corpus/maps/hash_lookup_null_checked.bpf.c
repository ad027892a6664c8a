// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: counting write() calls per process in a hash map, done right: a
 * missing entry is created with bpf_map_update_elem(BPF_NOEXIST), an
 * existing one is incremented atomically after the NULL check.
 * Twin of hash_lookup_no_null_check.bpf.c.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u64);
} write_calls SEC(".maps");

SEC("kprobe/ksys_write")
int BPF_KPROBE(count_write, unsigned int fd)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&write_calls, &tgid);
	if (!cnt) {
		bpf_map_update_elem(&write_calls, &tgid, &one, BPF_NOEXIST);
		return 0;
	}
	__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
