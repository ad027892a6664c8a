// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a string option read into a char array extern
 * (CONFIG_DEFAULT_HOSTNAME="(none)"); the program compares its first
 * bytes with the current task's name and counts the matches. The array
 * lives in the frozen .kconfig map, so its bytes are constants.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern char CONFIG_DEFAULT_HOSTNAME[16] __kconfig __weak;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} matches SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_sethostname")
int on_sethostname(void *ctx)
{
	char comm[16];
	__u32 key = 0;
	__u64 *v;
	int i;

	bpf_get_current_comm(comm, sizeof(comm));
	for (i = 0; i < 4; i++)
		if (comm[i] != CONFIG_DEFAULT_HOSTNAME[i])
			return 0;
	v = bpf_map_lookup_elem(&matches, &key);
	if (v)
		*v += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
