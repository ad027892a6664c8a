/* A map value used without a NULL check, built by bpf-gcc -g -gbtf: its
 * .BTF.ext has no line info, so the rejection's line comes from DWARF. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(void *ctx)
{
	__u32 key = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt;

	cnt = bpf_map_lookup_elem(&counts, &key);
	*cnt += 1; /* FAULT */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
