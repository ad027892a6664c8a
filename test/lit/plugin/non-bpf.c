// For a non-BPF target the plugin does nothing: this would be rejected as a
// BPF program (NULL map value dereferenced), but compiled for x86-64 it is
// plain C, and the plugin stays silent.
// RUN: %clang --target=x86_64-linux-gnu -O2 -g -fplugin=%plugin -c %s -o %t.o 2>&1 | count 0
// RUN: %clang --target=x86_64-linux-gnu -O2 -fplugin=%plugin -Xclang -verify -fsyntax-only %s
// expected-no-diagnostics

#define SEC(name) __attribute__((section(name), used))

extern long *lookup(int key);

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(void *ctx)
{
	long *cnt = lookup(1);
	*cnt += 1;
	return 0;
}
