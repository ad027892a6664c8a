// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a program assembled from raw instructions (as some loaders embed
 * them) keeps BPF_LD_MAP_FD(BPF_REG_1, 0) -- a map reference by file
 * descriptor 0 that no relocation fills in -- next to a properly
 * relocated map. libbpf passes the number through and the kernel finds no
 * map behind fd 0: "fd 0 is not pointing to valid bpf_map".
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

SEC("xdp")
__attribute__((naked)) int xdp_count(void)
{
	asm volatile (
	"r1 = 0;"
	"*(u32 *)(r10 - 4) = r1;"
	"r1 = %[counters] ll;"
	"r2 = r10;"
	"r2 += -4;"
	"call %[lookup];"
	"r1 = 0;"
	"*(u32 *)(r10 - 4) = r1;"
	".quad 0x0000000000001118;"	/* BPF_LD_MAP_FD(BPF_REG_1, 0), first half */
	".quad 0x0000000000000000;"	/* second half */
	"r2 = r10;"
	"r2 += -4;"
	"call %[lookup];"
	"r0 = 2;"
	"exit;"
	:: [counters]"i"(&counters), [lookup]"i"(BPF_FUNC_map_lookup_elem)
	: "memory");
}

char LICENSE[] SEC("license") = "GPL";
