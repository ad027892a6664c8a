/* A cgroup local storage map (BPF_MAP_TYPE_CGRP_STORAGE, new in 6.2):
 * libbpf creates the object's maps before any program loads, and a kernel
 * without that map type refuses to create it. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} bytes SEC(".maps");

SEC("cgroup_skb/egress")
int count(struct __sk_buff *skb)
{
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
