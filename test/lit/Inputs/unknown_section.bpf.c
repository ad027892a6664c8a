// A program in a section that names no program type.
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("no_such_type/whatever")
int odd_section(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
