// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: reading 8 bytes of a kernel object with bpf_probe_read_kernel()
 * into a 16-byte stack buffer at a variable position (0..7): the helper's
 * destination is meant to be a stack pointer with a bounded variable
 * offset.  But clang knows buf is 16-byte aligned and pos < 8, so it
 * computes &buf[pos] as "fp-16 | pos": a bitwise OR on a pointer, which
 * the verifier refuses whatever the range.  The C is fine; the generated
 * code is not verifiable.  Twin: helper_dst_var_offset_barrier.bpf.c.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(sleep_peek, struct hrtimer_sleeper *t)
{
	__u8 buf[16] = {};
	__u32 pos = bpf_get_prandom_u32() & 7;

	bpf_probe_read_kernel(&buf[pos], 8, t);
	bpf_printk("%x %x", buf[0], buf[15]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
