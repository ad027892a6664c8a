/* A strong kfunc only newer kernels have (bpf_strstr), and a weak one
 * guarded by bpf_ksym_exists: libbpf resolves externs before anything
 * loads, so the strong one fails the load where the kernel lacks it. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_strstr(const char *s1__ign, const char *s2__ign) __ksym;

SEC("tracepoint/syscalls/sys_enter_execve")
int strong(void *ctx)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	return bpf_strstr(comm, "sh") == 0;
}

char LICENSE[] SEC("license") = "GPL";
