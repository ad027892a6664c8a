// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: reading 8 bytes of a kernel object with bpf_probe_read_kernel()
 * into a 16-byte stack buffer at a variable position (0..7): the helper's
 * destination is a stack pointer with a bounded variable offset whose
 * whole range fits, allowed for privileged programs.  The empty asm
 * barrier hides the range of pos from clang so that it adds the offset
 * instead of OR-ing it into the aligned address (see
 * helper_dst_var_offset.bpf.c).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(sleep_peek, struct hrtimer_sleeper *t)
{
	__u8 buf[16] = {};
	__u32 pos = bpf_get_prandom_u32() & 7;

	asm volatile("" : "+r"(pos));
	if (pos > 7)
		return 0;

	bpf_probe_read_kernel(&buf[pos], 8, t);
	bpf_printk("%x %x", buf[0], buf[15]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
