// SPDX-License-Identifier: GPL-2.0
/* Test input: a program in a section libbpf does not know, next to a good one. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("foo")
int odd(void *ctx)
{
	return 0;
}

SEC("kprobe/do_unlinkat")
int good(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "Proprietary";
