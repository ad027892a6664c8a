// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a tristate kconfig extern (enum libbpf_tristate) tells whether
 * conntrack is built in or a module; the tool records which, plus a
 * boolean option that every profile sets (CONFIG_CGROUPS). Values differ
 * per kernel (6.18: built in; Debian's 6.1 and 6.12: module); each kernel
 * walks its own branch.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern enum libbpf_tristate CONFIG_NF_CONNTRACK __kconfig __weak;
extern bool CONFIG_CGROUPS __kconfig;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} how SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_connect")
int record_conntrack(void *ctx)
{
	__u32 key = CONFIG_NF_CONNTRACK == TRI_YES ? 1 : CONFIG_NF_CONNTRACK == TRI_MODULE ? 2 : 0;
	__u64 *v;

	if (!CONFIG_CGROUPS)
		key = 3;
	v = bpf_map_lookup_elem(&how, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
