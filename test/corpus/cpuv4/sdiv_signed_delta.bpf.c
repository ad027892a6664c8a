// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: signed 64-bit division (BPF_SDIV, cpu v4) in C: the average of a
 * signed clock delta, as a latency tool computes it. Built with -mcpu=v4
 * clang emits "s/=". 6.1 predates the signed division instruction.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct drift {
	__s64 total;
	__s64 samples;
	__s64 avg;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct drift);
} drift_map SEC(".maps");

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(on_sleep)
{
	__u32 key = 0;
	struct drift *d = bpf_map_lookup_elem(&drift_map, &key);
	__s64 delta = (__s64)bpf_ktime_get_ns() - (__s64)bpf_ktime_get_boot_ns();

	if (!d)
		return 0;
	d->total += delta;
	d->samples++;
	d->avg = d->total / d->samples; /* signed division */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
