// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: libbpf checks a typed ksym's declared type against the
 * kernel's BTF before loading. runqueues is a `struct rq`; declaring it
 * an `unsigned long` (the way one would declare a plain address) makes
 * libbpf refuse the object: incompatible types.
 */
// EXPECT: load_error
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const unsigned long runqueues __ksym;

SEC("perf_event")
int sample(void *ctx)
{
	const unsigned long *rq = bpf_this_cpu_ptr(&runqueues);

	return *rq != 0;
}

char LICENSE[] SEC("license") = "GPL";
