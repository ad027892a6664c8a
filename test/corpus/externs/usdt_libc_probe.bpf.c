// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a USDT probe through libbpf's <bpf/usdt.bpf.h>, the way
 * libbpf-tools write them: bpf_usdt_arg() reads the argument specs from
 * the library's maps, keyed by the attach cookie when LINUX_HAS_BPF_COOKIE
 * (a .kconfig extern libbpf probes) is set, else by the instruction
 * pointer. Counts memory allocations by size class.
 */
// EXPECT: accept
// ORACLE-CFLAGS: -I/usr/include/x86_64-linux-gnu
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/usdt.bpf.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} sizes SEC(".maps");

SEC("usdt/libc.so.6:libc:memory_malloc_retry")
int BPF_USDT(malloc_retry, size_t bytes)
{
	__u32 cls = 0;
	__u64 *v;

	while (cls < 15 && (bytes >> cls) > 16)
		cls++;
	v = bpf_map_lookup_elem(&sizes, &cls);
	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
