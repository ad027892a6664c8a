// SPDX-License-Identifier: GPL-2.0
/*
 * lirc_mode2: an IR decoder that reports a key press for a long pulse
 * (the classic samples/bpf pattern). The Debian cloud kernels are built
 * without CONFIG_BPF_LIRC_MODE2, so the kernel refuses the program type.
 */
// EXPECT: load_error (no lirc_mode2 support in these kernels)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define LIRC_MODE2_PULSE 0x01000000
#define LIRC_VALUE_MASK 0x00ffffff

SEC("lirc_mode2")
int ir_decoder(unsigned int *sample)
{
	unsigned int v = *sample;

	if ((v & ~LIRC_VALUE_MASK) == LIRC_MODE2_PULSE && (v & LIRC_VALUE_MASK) > 5000)
		bpf_rc_keydown(sample, 0x40, v & 0xffff, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
