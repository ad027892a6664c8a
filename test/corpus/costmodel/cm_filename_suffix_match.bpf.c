// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an LSM-style "deny *.so loads from /tmp" check written as a
 * kprobe on do_sys_openat2: the user path is copied into a stack buffer,
 * a first bounded loop looks for the terminating NUL (string length),
 * a second, strncmp-like loop compares a 5-byte prefix, and the suffix
 * is checked at a variable offset masked into the buffer.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define BUF_LEN 64

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

static const char tmp_prefix[] = "/tmp/";

SEC("kprobe/do_sys_openat2")
int BPF_KPROBE(openat2_enter, int dfd, const char *filename)
{
	char buf[BUF_LEN] = {};
	__u32 zero = 0, n = 0;
	__u64 *hit;
	int i;

	if (bpf_probe_read_user_str(buf, sizeof(buf), filename) <= 0)
		return 0;

	for (i = 0; i < BUF_LEN; i++) {
		if (buf[i] == '\0')
			break;
		n++;
	}
	if (n < sizeof(tmp_prefix) + 2)
		return 0;

	for (i = 0; i < sizeof(tmp_prefix) - 1; i++) {
		if (buf[i] != tmp_prefix[i])
			return 0;
	}

	n = (n - 3) & (BUF_LEN - 1);
	if (n > BUF_LEN - 3)
		return 0;
	if (buf[n] != '.' || buf[n + 1] != 's' || buf[n + 2] != 'o')
		return 0;

	hit = bpf_map_lookup_elem(&hits, &zero);
	if (hit)
		__sync_fetch_and_add(hit, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
