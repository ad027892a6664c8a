// SPDX-License-Identifier: GPL-2.0
/* Test input: string literals (.rodata.str1.1), a static .bss variable
 * and a custom .data.* section, each its own global-data map. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __u64 hits;
__u32 custom_value SEC(".data.custom") = 7;

SEC("kprobe/do_unlinkat")
int say(void *ctx)
{
	hits++;
	bpf_trace_printk("unlink %d\n", sizeof("unlink %d\n"), custom_value);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
